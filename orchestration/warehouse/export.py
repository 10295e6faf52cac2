"""Writing tables, marts and the GDELT GKG 2.1 view of the warehouse to files.

The warehouse is opened read-only and rows are written by DuckDB's COPY through the relation
API (write_parquet, write_csv), so no SQL text is ever built from the name or path a user
gives: the name must be one the warehouse's catalog lists before anything is read.
"""

from collections.abc import Callable
from pathlib import Path

import duckdb

from orchestration.core.connection import connect, row_count
from orchestration.core.location import Warehouse
from orchestration.core.settings import DEFAULT_LOCK_WAIT_SECONDS
from orchestration.core.sql import read_sql

GKG_VIEW = "gkg_export"
FORMATS = (".parquet", ".csv")


class ExportError(Exception):
    """The export cannot run: unknown table or view, or a file type we do not write."""


def relation_names(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The tables and views of the warehouse, sorted by name."""
    rows = con.execute(read_sql("select/select_relation_names.sql")).fetchall()
    return [name for (name,) in rows]


def catalog_name(con: duckdb.DuckDBPyConnection, name: str) -> str:
    """The catalog's spelling of the table or view `name` (matched in any letter case).

    Raises ExportError when the warehouse has no such table or view.
    """
    known = {known.lower(): known for known in relation_names(con)}
    if name.lower() not in known:
        hint = (
            "; `newsledger run` creates the marts"
            if name.lower() == GKG_VIEW or name.lower().startswith("mart_")
            else ""
        )
        raise ExportError(
            f"no table or view named {name!r} in the warehouse{hint}. "
            f"Known: {', '.join(known.values())}"
        )
    return known[name.lower()]


def export_table(
    warehouse: Warehouse,
    name: str,
    out: Path,
    wait_seconds: float = DEFAULT_LOCK_WAIT_SECONDS,
    on_first_wait: Callable[[str], None] | None = None,
) -> int:
    """Write the table or view `name` to `out`, as Parquet or CSV (with a header) according to
    its extension. Returns the number of rows written.

    Waits up to `wait_seconds` while a writer holds the file, telling `on_first_wait` once.
    """
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise ExportError(f"cannot write {out.name}: the file must end in {' or '.join(FORMATS)}")
    with connect(warehouse, True, wait_seconds, on_first_wait) as con:
        table = catalog_name(con, name)
        out.parent.mkdir(parents=True, exist_ok=True)
        if suffix == ".parquet":
            con.table(table).write_parquet(str(out))
        else:
            con.table(table).write_csv(str(out), header=True)
        return row_count(con, table)


def export_gkg(
    warehouse: Warehouse,
    out: Path,
    header: bool = False,
    wait_seconds: float = DEFAULT_LOCK_WAIT_SECONDS,
    on_first_wait: Callable[[str], None] | None = None,
) -> int:
    """Write one GKG 2.1 record per loaded article to `out` as GDELT does: tab-separated, no
    quoting, and no header unless asked. Returns the number of records.

    Waits up to `wait_seconds` while a writer holds the file, telling `on_first_wait` once.
    """
    with connect(warehouse, True, wait_seconds, on_first_wait) as con:
        view = catalog_name(con, GKG_VIEW)
        out.parent.mkdir(parents=True, exist_ok=True)
        # The view already turned tabs and line breaks inside fields into spaces.
        con.table(view).write_csv(str(out), sep="\t", header=header, quotechar="")
        return row_count(con, view)
