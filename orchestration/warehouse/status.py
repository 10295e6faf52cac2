"""Whether the pipeline is healthy, from the warehouse and the recorded runs: `newsledger status`.

The verdict has three levels:
- failing (exit 1): the latest run that ended failed, or a `newsledger run` of this machine
  left a run unfinished and its process is gone (its pool slot blocks later runs until the
  next `newsledger run` ends it);
- attention (exit 0): the pipeline works but something wants a look: inputs rejected or
  articles quarantined since the latest successful run, failed checks or a cancellation in the
  latest run that ended, articles waiting for extraction or load while no run is under way,
  or no run recorded at all;
- healthy (exit 0): none of these.
"""

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import dagster as dg
import duckdb

from orchestration.core.location import Warehouse
from orchestration.core.run_history import RunHistory, RunSummary
from orchestration.core.sql import read_sql
from orchestration.extract.pending import articles_to_extract
from orchestration.warehouse.load import awaiting_load

HEALTHY, ATTENTION, FAILING = "healthy", "attention", "failing"
EXIT_CODES = {HEALTHY: 0, ATTENTION: 0, FAILING: 1}
RUN_COLUMNS = ["started", "took", "status", "launched by", "new", "loaded", "failed checks", "run"]
REJECTION_COLUMNS = ["seen_at", "source", "reason"]
QUARANTINE_COLUMNS = ["quarantined_at", "article_id", "source", "reasons"]


@dataclass(frozen=True)
class Listing:
    """The latest few rows of a longer list, and how many it holds in all."""

    total: int
    latest: list[dict[str, str | None]]


@dataclass(frozen=True)
class WarehouseStatus:
    """What the warehouse holds and what awaits it."""

    path: Warehouse
    size_bytes: int
    counts: dict[str, int]
    pending_extraction: int
    pending_load: int
    rejections: Listing
    quarantines: Listing
    languages: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Verdict:
    """The pipeline's health in a word, why, and the exit code that says it to a script."""

    level: str
    reasons: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0 when healthy or wanting attention, 1 when failing."""
        return EXIT_CODES[self.level]

    @property
    def line(self) -> str:
        """The verdict as one line: "healthy", or the level and its reasons."""
        return ": ".join([self.level, "; ".join(self.reasons)]) if self.reasons else self.level


def file_size(path: Path) -> int:
    """Bytes of the warehouse file and of its write-ahead log, when it has one."""
    wal = path.with_name(path.name + ".wal")
    return path.stat().st_size + (wal.stat().st_size if wal.exists() else 0)


def warehouse_size(con: duckdb.DuckDBPyConnection, warehouse: Warehouse) -> int:
    """Bytes of the warehouse: its file and write-ahead log, or a lake's Parquet files (data
    and deletions) as its catalog lists them."""
    if isinstance(warehouse, Path):
        return file_size(warehouse)
    [(size,)] = con.execute(read_sql("select/select_lake_size.sql")).fetchall()
    return size


def size_label(warehouse: Warehouse) -> str:
    """What warehouse_size counts, for the status table."""
    return "size (with the .wal)" if isinstance(warehouse, Path) else "size (Parquet files)"


def listing(
    con: duckdb.DuckDBPyConnection, sql_file: str, since: datetime | None, limit: int
) -> Listing:
    """The rows of a select/ file taking $since and $limit, without their `total` column."""
    cursor = con.execute(read_sql(f"select/{sql_file}"), {"since": since, "limit": limit})
    columns = [d[0] for d in cursor.description]
    rows = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
    total = rows[0]["total"] if rows else 0
    return Listing(total, [{k: v for k, v in row.items() if k != "total"} for row in rows])


def articles_by_language(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """How many stored articles each language has ("en", "fr", ..., "unknown"), most first;
    none for a warehouse whose articles were stored before languages were, until its next
    run adds the column."""
    if "language" not in con.table("raw_articles").columns:
        return {}
    return dict(con.execute(read_sql("select/select_articles_by_language.sql")).fetchall())


def language_rows(languages: dict[str, int]) -> list[tuple[str, str]]:
    """The status table's row of articles per language ("en 120, fr 2, ru 1"), when the
    warehouse records languages."""
    if not languages:
        return []
    return [("articles by language", ", ".join(f"{k} {n}" for k, n in languages.items()))]


def warehouse_status(
    con: duckdb.DuckDBPyConnection, path: Warehouse, since: datetime | None, latest: int
) -> WarehouseStatus:
    """The warehouse's counts and backlog, and the `latest` inputs rejected and articles
    quarantined at or after `since` (every one when None)."""
    cursor = con.execute(read_sql("select/select_run_summary.sql"))
    [row] = cursor.fetchall()
    counts = dict(zip([d[0] for d in cursor.description], row, strict=True))
    return WarehouseStatus(
        path=path,
        size_bytes=warehouse_size(con, path),
        counts=counts,
        pending_extraction=len(articles_to_extract(con)),
        pending_load=awaiting_load(con),
        rejections=listing(con, "select_rejections_since.sql", since, latest),
        quarantines=listing(con, "select_quarantines_since.sql", since, latest),
        languages=articles_by_language(con),
    )


def plural(count: int, noun: str) -> str:
    """A count with its noun, plural when it is not 1: "1 input", "3 inputs"."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def verdict(history: RunHistory | None, warehouse: WarehouseStatus) -> Verdict:
    """The pipeline's health by the rules of this module's docstring."""
    failing = [
        f"run {run.run_id[:8]} ({run.launched_by}) is unfinished and its process is gone"
        for run in (history.abandoned if history else [])
    ]
    last = history.last_ended if history else None
    if last is not None and last.status == dg.DagsterRunStatus.FAILURE:
        failing.insert(0, f"last run failed ({last.run_id[:8]})")
    if failing:
        return Verdict(FAILING, failing)
    attention = []
    if history is None or not history.runs:
        attention.append("no runs recorded")
    if last is not None and last.status == dg.DagsterRunStatus.CANCELED:
        attention.append(f"last run was canceled ({last.run_id[:8]})")
    if last is not None and last.failed_checks:
        attention.append(f"{plural(len(last.failed_checks), 'check')} failed in the last run")
    since = (
        "since the last successful run"
        if history and history.last_success_started
        else "with no successful run recorded"
    )
    if warehouse.rejections.total:
        attention.append(f"{plural(warehouse.rejections.total, 'input')} rejected {since}")
    if warehouse.quarantines.total:
        attention.append(f"{plural(warehouse.quarantines.total, 'article')} quarantined {since}")
    if not (history and history.in_progress):
        if warehouse.pending_extraction:
            attention.append(f"{plural(warehouse.pending_extraction, 'article')} to extract")
        if warehouse.pending_load:
            attention.append(f"{plural(warehouse.pending_load, 'article')} to load")
    return Verdict(ATTENTION, attention) if attention else Verdict(HEALTHY)


def readable_duration(seconds: float) -> str:
    """A duration as a person reads it: "12.3 s", "4 min 05 s", "2 h 07 min"."""
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes, secs = divmod(round(seconds), 60)
    if minutes < 60:
        return f"{minutes} min {secs:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


def readable_size(size_bytes: int) -> str:
    """A file size in binary units: "812 B", "3.4 MiB", "1.2 GiB"."""
    size, unit = float(size_bytes), "B"
    for larger in ("KiB", "MiB", "GiB"):
        if size < 1024:
            break
        size, unit = size / 1024, larger
    return f"{size_bytes} B" if unit == "B" else f"{size:.1f} {unit}"


def local_time(moment: datetime, seconds: bool = True) -> str:
    """A moment in this machine's time zone, as the warehouse's times read."""
    return f"{moment.astimezone():%Y-%m-%d %H:%M{':%S' if seconds else ''}}"


def run_row(run: RunSummary) -> tuple[str | int | None, ...]:
    """A run as a row under RUN_COLUMNS; a run's id is shortened as the Dagster UI does."""
    return (
        run.started and local_time(run.started, seconds=False),
        None if run.seconds is None else readable_duration(run.seconds),
        run.status.value + (" (process gone)" if run.abandoned else ""),
        run.launched_by,
        run.new_articles,
        run.articles_loaded,
        ", ".join(run.failed_checks),
        run.run_id[:8],
    )
