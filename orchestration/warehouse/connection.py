"""Opening the DuckDB warehouse: short connections, a compatible storage version, bounded waits."""

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
from dagster import get_dagster_logger

from orchestration.sql import read_sql, sql_files

# Files written with this storage version open in the DuckDB 1.4+ CLI as well as the package.
STORAGE_VERSION = "v1.4.0"


class WarehouseBusyError(RuntimeError):
    """The warehouse file stayed locked by another process for longer than allowed."""


def _open(path: Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    if read_only:
        return duckdb.connect(str(path), read_only=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    return duckdb.connect(str(path), config={"storage_compatibility_version": STORAGE_VERSION})


def _is_lock_error(error: duckdb.Error) -> bool:
    return "lock" in str(error).lower()


def open_with_retry(path: Path, read_only: bool, wait_seconds: float) -> duckdb.DuckDBPyConnection:
    """Open `path`, waiting up to `wait_seconds` while another process holds its lock."""
    deadline = time.monotonic() + wait_seconds
    delay = 0.2
    while True:
        try:
            return _open(path, read_only)
        except duckdb.IOException as error:
            if not _is_lock_error(error) or time.monotonic() >= deadline:
                if _is_lock_error(error):
                    raise WarehouseBusyError(
                        f"{path} is locked by another process (waited {wait_seconds:.0f}s): {error}"
                    ) from error
                raise
            get_dagster_logger().warning(
                f"warehouse {path} is locked by another process; waiting {delay:.1f}s "
                f"(giving up after {wait_seconds:.0f}s)"
            )
            time.sleep(delay)
            delay = min(delay * 2, 5.0)


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create every table of sql/schema/ that does not exist yet."""
    for path in sql_files("schema", "create_"):
        con.execute(path.read_text(encoding="utf-8"))


@contextmanager
def connect(
    path: Path, read_only: bool = False, wait_seconds: float = 120.0
) -> Iterator[duckdb.DuckDBPyConnection]:
    """Yield a connection to the warehouse at `path` and always close it.

    A writable connection creates the schema first, so every stage can rely on the tables.
    """
    con = open_with_retry(path, read_only, wait_seconds)
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
