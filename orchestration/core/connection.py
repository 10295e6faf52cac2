"""Opening the warehouse, a DuckDB file or a DuckLake catalog: short connections, a compatible
storage version, bounded waits, and transactions retried when a concurrent writer conflicts."""

import hashlib
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, suppress
from functools import cache
from types import TracebackType
from typing import Any

import duckdb

from orchestration.core.lake import open_lake
from orchestration.core.location import LakeLocation, Warehouse
from orchestration.core.settings import DEFAULT_LOCK_WAIT_SECONDS
from orchestration.core.sql import read_sql, sql_files

# Files written with this storage version open in the DuckDB 1.4+ CLI as well as the package.
STORAGE_VERSION = "v1.4.0"
# No progress bar on the output of a statement that runs for seconds (a run's log, a query's
# CSV): DuckDB draws one even where the output is not a terminal.
QUIET = {"enable_progress_bar": False}
# How many times, in all, a transaction that conflicts with another writer's is tried.
TRANSACTION_ATTEMPTS = 6


class WarehouseBusyError(RuntimeError):
    """The warehouse file stayed locked by another process for longer than allowed."""


def _open(path: Warehouse, read_only: bool, config: dict[str, Any]) -> duckdb.DuckDBPyConnection:
    if isinstance(path, LakeLocation):
        return open_lake(path, read_only, {**QUIET, **config})
    # Session settings cannot be given as the file opens: they are set once it is open, and
    # then the configuration is locked when asked.
    opening = {name: value for name, value in config.items() if name != "lock_configuration"}
    if read_only:
        con = duckdb.connect(str(path), read_only=True, config=opening)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        con = duckdb.connect(str(path), config={"storage_compatibility_version": STORAGE_VERSION})
    settings = {**QUIET, **{k: v for k, v in config.items() if k not in opening}}
    for name, value in settings.items():
        con.execute(read_sql("session/set_option.sql").format(name=name), {"value": value})
    return con


def _is_lock_error(error: duckdb.Error) -> bool:
    return "lock" in str(error).lower()


def _log_wait(message: str) -> None:
    # Imported when a wait or a retry happens: the SQL door and the exports open the warehouse
    # without loading Dagster.
    from dagster import get_dagster_logger

    get_dagster_logger().warning(message)


def open_with_retry(
    path: Warehouse,
    read_only: bool,
    wait_seconds: float,
    config: dict[str, Any] | None = None,
    on_first_wait: Callable[[str], None] | None = None,
) -> duckdb.DuckDBPyConnection:
    """Open `path`, waiting up to `wait_seconds` while another process holds its lock.

    `config` applies to read-only opens (a writable file always uses the storage version).
    A lake has no lock to wait for: many processes read and write it at once.
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
def schema_ddl() -> tuple[str, dict[str, str], dict[str, str]]:
    """The DDL of sql/schema/, by the name of what each file creates, the primary key of each
    keyed table (from sql/schema/keys/), and their digest: the schema version they define."""
    statements = {
        path.stem.removeprefix("create_"): path.read_text(encoding="utf-8")
        for path in sql_files("schema", "create_")
    }
    keys = {path.stem: path.read_text(encoding="utf-8") for path in sql_files("schema/keys")}
    text = "\0".join([*statements.values(), *keys.values()])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16], statements, keys


def _applied_version(con: duckdb.DuckDBPyConnection) -> str | None:
    try:
        [(version,)] = con.execute(read_sql("select/select_schema_version.sql")).fetchall()
    except duckdb.CatalogException:  # a new warehouse, or one from before schema versions
        return None
    return version


def _keyed_tables(con: duckdb.DuckDBPyConnection) -> set[str] | None:
    # The tables that have a primary key; None on a lake, which has no keys: its loads keep
    # rows unique alone, as they do in a DuckDB file's tables that have none.
    [(kind,)] = con.execute(read_sql("select/select_catalog_type.sql")).fetchall()
    if kind != "duckdb":
        return None
    return {
        table for (table,) in con.execute(read_sql("select/select_keyed_tables.sql")).fetchall()
    }


def _migrate(
    con: duckdb.DuckDBPyConnection, statements: dict[str, str], keys: dict[str, str]
) -> None:
    # Run the DDL, then add each key of sql/schema/keys/ that its table lacks. A keyed table of
    # the DDL whose key file has left that folder is renamed first, so that its DDL makes it again
    # without the key (DuckDB cannot drop one), and refilled from the renamed copy.
    keyed = _keyed_tables(con)
    retired = sorted((keyed or set()) & (statements.keys() - keys.keys()))
    for table in retired:
        con.execute(read_sql("schema/retired_keys/rename_keyed_table.sql").format(table=table))
    for statement in statements.values():
        con.execute(statement)
    for table in retired:
        con.execute(read_sql("schema/retired_keys/copy_from_keyed_table.sql").format(table=table))
    if keyed is None:
        return
    for table, statement in keys.items():
        if table not in keyed:
            con.execute(statement)


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create every table of sql/schema/ that does not exist yet, once per schema version, with
    its primary key where the catalog has keys (a DuckDB file; not a lake).

    The DDL runs when the warehouse is new or its recorded version differs from the DDL's
    digest, not on every connection. A table whose key file has left sql/schema/keys/ loses its
    key: it is made again without it and refilled with its rows.
    """
    version, statements, keys = schema_ddl()
    if _applied_version(con) == version:
        return
    for attempt in transactions(con):
        with attempt:
            _migrate(con, statements, keys)
            con.execute(read_sql("load/insert_into_schema_version.sql"), {"version": version})


@contextmanager
def connect(
    path: Warehouse,
    read_only: bool = False,
    wait_seconds: float = DEFAULT_LOCK_WAIT_SECONDS,
    on_first_wait: Callable[[str], None] | None = None,
) -> Iterator[duckdb.DuckDBPyConnection]:
    """Yield a connection to the warehouse at `path` (a DuckDB file or a lake) and always close it.

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


def _is_conflict(error: BaseException | None) -> bool:
    return isinstance(error, duckdb.TransactionException) and "conflict" in str(error).lower()


class _Attempt(AbstractContextManager):
    """One try of a transaction: begun on entering, committed when the body returns, rolled
    back when it raises; a conflict with another writer is kept for the caller to retry."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        self.conflict: duckdb.TransactionException | None = None

    def __enter__(self) -> duckdb.DuckDBPyConnection:
        self.con.begin()
        return self.con

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> bool:
        if error is None:
            try:
                self.con.commit()
            except duckdb.TransactionException as failed:  # a failed commit ends the transaction
                if not _is_conflict(failed):
                    raise
                self.conflict = failed
            return False
        with suppress(duckdb.TransactionException):  # the failure may have ended it already
            self.con.rollback()
        if _is_conflict(error):
            self.conflict = error
            return True
        return False


def transactions(
    con: duckdb.DuckDBPyConnection, attempts: int = TRANSACTION_ATTEMPTS
) -> Iterator[_Attempt]:
    """Tries of one transaction on `con`, for a body that writes: each is used as
    `for attempt in transactions(con): with attempt: ...`.

    Each try commits when its body returns and rolls back when it raises. When the transaction
    conflicted with another writer's (writers of a lake run at once), the next try runs the
    body again, after a logged pause, up to `attempts` in all; then the conflict is raised.
    """
    delay = 0.1
    for number in range(1, attempts + 1):
        attempt = _Attempt(con)
        yield attempt
        if attempt.conflict is None:
            return
        if number == attempts:
            raise attempt.conflict
        _log_wait(
            f"a transaction conflicted with another writer's; trying it again in {delay:.1f}s "
            f"(try {number + 1} of {attempts}): {attempt.conflict}"
        )
        time.sleep(delay)
        delay = min(delay * 2, 5.0)
