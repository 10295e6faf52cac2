"""Opening the DuckDB warehouse: short connections, a compatible storage version, bounded waits."""

import hashlib
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

import duckdb

from orchestration.core.settings import DEFAULT_LOCK_WAIT_SECONDS
from orchestration.core.sql import read_sql, sql_files

# Files written with this storage version open in the DuckDB 1.4+ CLI as well as the package.
STORAGE_VERSION = "v1.4.0"


class WarehouseBusyError(RuntimeError):
    """The warehouse file stayed locked by another process for longer than allowed."""


def _open(path: Path, read_only: bool, config: dict[str, Any]) -> duckdb.DuckDBPyConnection:
    if read_only:
        return duckdb.connect(str(path), read_only=True, config=config)
    path.parent.mkdir(parents=True, exist_ok=True)
    return duckdb.connect(str(path), config={"storage_compatibility_version": STORAGE_VERSION})


def _is_lock_error(error: duckdb.Error) -> bool:
    return "lock" in str(error).lower()


def _log_wait(message: str) -> None:
    # Imported when a wait happens: the SQL door and the exports open the warehouse without
    # loading Dagster.
    from dagster import get_dagster_logger

    get_dagster_logger().warning(message)


def open_with_retry(
    path: Path,
    read_only: bool,
    wait_seconds: float,
    config: dict[str, Any] | None = None,
    on_first_wait: Callable[[str], None] | None = None,
) -> duckdb.DuckDBPyConnection:
    """Open `path`, waiting up to `wait_seconds` while another process holds its lock.

    `config` applies to read-only opens (a writable one always uses the storage version).
    Each retry is logged to Dagster, unless `on_first_wait` is given: then it alone hears of
    the wait, once, before the first retry, as a command tells its user.
    """
    deadline = time.monotonic() + wait_seconds
    delay = 0.2
    waited = False
    while True:
        try:
            return _open(path, read_only, config or {})
        except duckdb.IOException as error:
            if not _is_lock_error(error) or time.monotonic() >= deadline:
                if _is_lock_error(error):
                    raise WarehouseBusyError(
                        f"{path} is locked by another process (waited {wait_seconds:.0f}s): {error}"
                    ) from error
                raise
            if on_first_wait is None:
                _log_wait(
                    f"warehouse {path} is locked by another process; waiting {delay:.1f}s "
                    f"(giving up after {wait_seconds:.0f}s)"
                )
            elif not waited:
                on_first_wait(
                    f"warehouse {path} is locked by another process; waiting up to "
                    f"{wait_seconds:g} s for it"
                )
            waited = True
            time.sleep(min(delay, max(deadline - time.monotonic(), 0.0)))
            delay = min(delay * 2, 5.0)


@cache
def schema_ddl() -> tuple[str, list[str]]:
    """The DDL of sql/schema/, file by file, and its digest: the schema version it defines."""
    statements = [path.read_text(encoding="utf-8") for path in sql_files("schema", "create_")]
    digest = hashlib.sha256("\0".join(statements).encode("utf-8")).hexdigest()[:16]
    return digest, statements


def _applied_version(con: duckdb.DuckDBPyConnection) -> str | None:
    try:
        [(version,)] = con.execute(read_sql("select/select_schema_version.sql")).fetchall()
    except duckdb.CatalogException:  # a new warehouse, or one from before schema versions
        return None
    return version


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create every table of sql/schema/ that does not exist yet, once per schema version.

    The DDL runs when the warehouse is new or its recorded version differs from the DDL's
    digest, not on every connection.
    """
    version, statements = schema_ddl()
    if _applied_version(con) == version:
        return
    with transaction(con):
        for statement in statements:
            con.execute(statement)
        con.execute(read_sql("load/insert_into_schema_version.sql"), {"version": version})


@contextmanager
def connect(
    path: Path,
    read_only: bool = False,
    wait_seconds: float = DEFAULT_LOCK_WAIT_SECONDS,
    on_first_wait: Callable[[str], None] | None = None,
) -> Iterator[duckdb.DuckDBPyConnection]:
    """Yield a connection to the warehouse at `path` and always close it.

    A writable connection creates the schema first, so every stage can rely on the tables.
    While another process holds the file, waits as open_with_retry does.
    """
    con = open_with_retry(path, read_only, wait_seconds, on_first_wait=on_first_wait)
    try:
        if not read_only:
            create_schema(con)
        yield con
    finally:
        con.close()


def row_count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    """Number of rows in `table`."""
    return con.table(table).count("*").fetchall()[0][0]


def set_run(con: duckdb.DuckDBPyConnection, run_id: str) -> None:
    """Make `run_id` the run that staging, checks and loads on `con` work for."""
    con.execute(read_sql("session/set_run_id.sql"), {"run_id": run_id})


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """Run the body as one transaction: committed when it returns, rolled back when it raises."""
    con.begin()
    try:
        yield con
    except BaseException:
        con.rollback()
        raise
    con.commit()
