"""A warehouse on DuckLake: the catalog in PostgreSQL, the rows as Parquet files under a data path.

The connection is an in-memory DuckDB database that attaches the lake as `lake` (the name
sql/session/ uses) and makes it the default (`USE`), so the same SQL files, with unqualified
table names, run on a lake as on a DuckDB file. DuckDB would download its ducklake and postgres
extensions on first use; we load them from their PyPI wheels (`pip install 'newsledger[scaled]'`)
instead, so a machine without internet access works, and the extensions always match the
duckdb release installed.
"""

import importlib.util
from pathlib import Path
from typing import Any

import duckdb

from orchestration.core.deployment import LAKE_PREFIX
from orchestration.core.location import LakeLocation
from orchestration.core.sql import read_sql

# The wheels and the extension each holds.
EXTENSION_WHEELS = {
    "duckdb_extension_ducklake": "ducklake",
    "duckdb_extension_postgres_scanner": "postgres_scanner",
}
INSTALL_HINT = "pip install 'newsledger[scaled]'"


class LakeError(RuntimeError):
    """The lake cannot be opened: its extensions are missing or its catalog is unreachable."""


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _catalog(location: LakeLocation, read_only: bool) -> str:
    # A reader's PostgreSQL session refuses writes itself, whatever a query sends it.
    if read_only and location.catalog.startswith(f"{LAKE_PREFIX}postgres:"):
        return f"{location.catalog} options='-c default_transaction_read_only=on'"
    return location.catalog


def extension_file(module: str, name: str) -> Path:
    """The extension `name` as the wheel `module` installed it, for this duckdb release."""
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        raise LakeError(f"the DuckDB extension {name} is not installed; run {INSTALL_HINT}")
    release = f"v{duckdb.__version__}"
    path = Path(spec.origin).parent / "extensions" / release / f"{name}.duckdb_extension"
    if not path.is_file():
        raise LakeError(
            f"the {name} extension installed is not built for duckdb {duckdb.__version__} "
            f"(no {path}); run {INSTALL_HINT}"
        )
    return path


def open_lake(
    location: LakeLocation, read_only: bool, config: dict[str, Any] | None = None
) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with the lake's extensions loaded, `location` attached
    (read-only when asked) as the default database, and then `config` set: settings such as
    enable_external_access cannot be given when the connection opens, since loading the
    extensions and attaching need them. With external access off, the lake's own data path
    stays readable. Raises LakeError when the catalog cannot be reached."""
    con = duckdb.connect()
    try:
        for module, name in EXTENSION_WHEELS.items():
            path = _literal(str(extension_file(module, name)))
            con.execute(read_sql("session/load_extension.sql").format(path=path))
        attach = "session/attach_lake_read_only.sql" if read_only else "session/attach_lake.sql"
        statement = read_sql(attach).format(
            catalog=_literal(_catalog(location, read_only)),
            data_path=_literal(location.data_path or ""),
        )
        try:
            con.execute(statement)
        except duckdb.Error as error:
            raise LakeError(f"cannot open the DuckLake warehouse {location}: {error}") from error
        con.execute(read_sql("session/use_lake.sql"))
        if config and not config.get("enable_external_access", True):
            [(data_path,)] = con.execute(read_sql("session/select_lake_data_path.sql")).fetchall()
            config = {"allowed_directories": [data_path], **config}
        for name, value in (config or {}).items():
            con.execute(read_sql("session/set_option.sql").format(name=name), {"value": value})
    except BaseException:
        con.close()
        raise
    return con
