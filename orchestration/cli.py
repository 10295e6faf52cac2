"""The `newsledger` command: run the job, extract articles, query and export the warehouse.

Each command imports what it needs (Dagster, DuckDB, pandas) when it runs. Extraction's worker
processes are spawned and import this entry module again; importing little here keeps them
about 100 MB lighter each, and `newsledger --help` quick.
"""

import json
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Column, Table

from orchestration.cli_help import HelpCommand, HelpGroup
from orchestration.core.deployment import DEPLOYMENT
from orchestration.core.location import Warehouse, warehouse_location
from orchestration.core.run_summary import RunSummary
from orchestration.core.settings import (
    DEFAULT_LOCK_WAIT_SECONDS,
    DEFAULT_SQL_MAX_QUERY_CHARS,
    DEFAULT_SQL_MAX_ROWS,
    DEFAULT_SQL_TIMEOUT_SECONDS,
    FEEDS_FILE,
)
from orchestration.core.sql import read_sql

app = typer.Typer(
    cls=HelpGroup,
    help="Turn news articles into an analytical DuckDB warehouse.",
    no_args_is_help=True,
)
console = Console()
# Errors are never folded: they name paths and SQL, which scripts and tests search whole.
errors = Console(stderr=True, soft_wrap=True)

# A string: Typer takes no union of types, so each command reads it with warehouse_location.
WarehouseOption = Annotated[
    str,
    typer.Option(
        "--warehouse",
        metavar="FILE",
        help="DuckDB warehouse file, or a DuckLake catalog (ducklake:postgres:…; its data path "
        "from NEWSLEDGER_LAKE_DATA_PATH or newsledger.yaml). Default: the deployment's.",
    ),
]
LockWaitOption = Annotated[
    float,
    typer.Option(
        "--lock-wait",
        min=0,
        metavar="SECONDS",
        help="How long to wait while another process (a run) holds the warehouse file.",
    ),
]


class ExtractFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"


class SqlFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


class LogLevel(StrEnum):
    DEBUG = "DEBUG"
    INFO = "INFO"
    WARNING = "WARNING"
    ERROR = "ERROR"
    CRITICAL = "CRITICAL"


def print_table(columns: list[str], rows: list[tuple], title: str | None = None) -> None:
    """Print rows as a rich table."""
    import pandas as pd

    table = Table(*columns, title=title)
    for row in rows:
        table.add_row(*("" if v is None or v is pd.NA or v != v else str(v) for v in row))
    console.print(table)


def require_paths(paths: list[Path]) -> None:
    """Exit 2, naming each one, when a path given on the command line does not exist.

    Checked before any work starts: a mistyped path would otherwise read as an empty input.
    A symbolic link counts as existing, so ingest can refuse a dangling one with its reason.
    """
    missing = [path for path in paths if not (path.exists() or path.is_symlink())]
    for path in missing:
        errors.print(f"[red]no such file or folder:[/red] {escape(str(path))}")
    if missing:
        raise typer.Exit(2)


@app.command(cls=HelpCommand)
def run(
    paths: Annotated[list[Path] | None, typer.Argument(help="Files or folders to ingest.")] = None,
    warehouse: WarehouseOption = DEPLOYMENT.warehouse,
    log_level: Annotated[
        LogLevel,
        typer.Option(
            "--log-level",
            case_sensitive=False,
            metavar="LEVEL",
            help=f"Dagster console log level: {', '.join(LogLevel)}, in any case "
            "(DEBUG shows each step).",
        ),
    ] = LogLevel.INFO,
    feeds: Annotated[
        bool,
        typer.Option(
            "--feeds",
            help="Also poll the feeds of the feeds file, as feeds_schedule does.",
        ),
    ] = False,
    feeds_file: Annotated[
        Path,
        typer.Option("--feeds-file", metavar="FILE", help="The feeds file --feeds polls."),
    ] = FEEDS_FILE,
) -> None:
    """Materialize the job on PATHs (default data/articles/ and data/inbox/), and with --feeds
    on the new entries of the configured feeds, in-process or on the deployment's Celery
    workers, recording the run in the Dagster instance at $DAGSTER_HOME (default
    dagster_home/); then again, one batch a run, until no article awaits loading. Each run has
    a process of its own (see run_processes)."""
    require_paths([*(paths or []), *([feeds_file] if feeds else [])])
    location = warehouse_location(warehouse)
    from concurrent.futures.process import BrokenProcessPool

    from orchestration.core.connection import connect
    from orchestration.run_processes import run_in_processes

    def tell_batch(summary: RunSummary) -> None:
        if summary.awaiting:
            errors.print(
                f"loaded a batch of {summary.loaded} articles; {summary.awaiting} await the next"
            )

    try:
        results = run_in_processes(
            paths or None,
            location,
            log_level.value,
            on_run=tell_batch,
            feeds_file=feeds_file.absolute() if feeds else None,
        )
    except BrokenProcessPool:
        errors.print(
            "[red]the run's process ended before the run did (killed, or out of memory); "
            "the next `newsledger run` marks that run failed and goes on[/red]"
        )
        raise typer.Exit(1) from None
    passed = sum(result.checks_passed for result in results)
    failed = sum(result.checks_failed for result in results)
    result = results[-1]
    with connect(location, read_only=True) as con:  # waits while an analyst writes
        cursor = con.execute(read_sql("select/select_run_summary.sql"))
        columns = [d[0] for d in cursor.description]
        row = cursor.fetchone()
    measures = [
        *zip(columns, row, strict=True),
        ("checks passed", passed),
        ("checks failed", failed),
    ]
    print_table(["measure", "count"], measures, "warehouse after this run")
    if not result.success:
        errors.print(f"[red]run {result.run_id} failed; the warehouse load did not complete[/red]")
        raise typer.Exit(1)


@app.command(cls=HelpCommand)
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Article files or folders.")],
    output_format: Annotated[ExtractFormat, typer.Option("--format")] = ExtractFormat.json,
) -> None:
    """Print the extraction JSON of each article; nothing is written."""
    require_paths(paths)
    from orchestration.extract.document import load_pipeline
    from orchestration.extract.output import extraction_record
    from orchestration.ingest.readers import read_paths

    nlp = load_pipeline()
    result = read_paths(paths)
    for rejection in result.rejections:
        errors.print(f"rejected {escape(rejection.source)}: {escape(rejection.reason)}")
    records = [extraction_record(nlp, article) for article in result.articles]
    if output_format is ExtractFormat.jsonl:
        for record in records:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    if result.rejections:
        raise typer.Exit(1)


def tell_wait(message: str) -> None:
    """Tell the user, on stderr, that the command waits for another process's lock."""
    errors.print(f"{escape(message)} (--lock-wait)")


def unreachable(error: Exception) -> typer.Exit:
    """Report that the lake could not be opened (its catalog or extensions), exit status 2."""
    errors.print(f"[red]no warehouse:[/red] {escape(str(error))}")
    return typer.Exit(2)


def busy(error: Exception) -> typer.Exit:
    """Report that the warehouse stayed locked, and the exit status that says so."""
    errors.print(
        f"[red]warehouse busy:[/red] {escape(str(error))}; try again, or raise --lock-wait"
    )
    return typer.Exit(1)


def query_text(query: str | None, file: Path | None, max_chars: int) -> str:
    """The SQL of QUERY or of -f FILE; exit 2 when it is longer than `max_chars`, before
    DuckDB is even imported, and reading no more of the file than that."""
    if (query is None) == (file is None):
        errors.print("give either a QUERY or -f FILE")
        raise typer.Exit(2)
    if query is None:
        require_paths([file])
        try:
            with file.open(encoding="utf-8") as handle:
                query = handle.read(max_chars + 1)
        except (OSError, UnicodeDecodeError) as error:
            errors.print(
                f"[red]cannot read the SQL of {escape(str(file))}:[/red] {escape(str(error))}"
            )
            raise typer.Exit(2) from error
    if len(query) > max_chars:
        errors.print(
            f"[red]query refused:[/red] it is longer than {max_chars:,} characters "
            "(--max-query-chars)"
        )
        raise typer.Exit(2)
    return query


@app.command(cls=HelpCommand)
def sql(
    query: Annotated[str | None, typer.Argument(help="SQL to run.")] = None,
    file: Annotated[
        Path | None,
        typer.Option("-f", "--file", metavar="FILE", help="Read the SQL from a file."),
    ] = None,
    warehouse: WarehouseOption = DEPLOYMENT.warehouse,
    output_format: Annotated[SqlFormat, typer.Option("--format")] = SqlFormat.table,
    timeout: Annotated[
        float,
        typer.Option(
            "--timeout",
            min=0,
            metavar="SECONDS",
            envvar="NEWSLEDGER_SQL_TIMEOUT",
            show_envvar=True,
            help="Stop the statements when together they run longer than this; 0: no limit.",
        ),
    ] = DEFAULT_SQL_TIMEOUT_SECONDS,
    max_query_chars: Annotated[
        int,
        typer.Option(
            "--max-query-chars",
            min=1,
            metavar="CHARS",
            help="Refuse, before parsing, SQL longer than this.",
        ),
    ] = DEFAULT_SQL_MAX_QUERY_CHARS,
    max_rows: Annotated[
        int,
        typer.Option(
            "--max-rows",
            min=0,
            metavar="ROWS",
            help="Show at most this many rows in a table, saying how many were left out; "
            "0: all. CSV and JSON always hold every row.",
        ),
    ] = DEFAULT_SQL_MAX_ROWS,
    lock_wait: LockWaitOption = DEFAULT_LOCK_WAIT_SECONDS,
) -> None:
    """Run a read-only query against the warehouse."""
    text = query_text(query, file, max_query_chars)
    import duckdb

    from orchestration.core.connection import WarehouseBusyError
    from orchestration.core.lake import LakeError
    from orchestration.result_table import result_table
    from orchestration.warehouse.query import QueryTimeout, ReadOnlyViolation, run_read_only

    location = warehouse_location(warehouse)
    if not location.exists():
        errors.print(f"no warehouse at {escape(str(location))}; run `newsledger run` first")
        raise typer.Exit(2)
    try:
        result = run_read_only(location, text, timeout, max_query_chars, lock_wait, tell_wait)
    except ReadOnlyViolation as error:
        errors.print(f"[red]newsledger sql is read-only:[/red] {escape(str(error))}")
        raise typer.Exit(1) from error
    except QueryTimeout as error:
        errors.print(f"[red]{escape(str(error))}[/red] (--timeout)")
        raise typer.Exit(1) from error
    except WarehouseBusyError as error:
        raise busy(error) from error
    except LakeError as error:
        raise unreachable(error) from error
    except duckdb.Error as error:
        errors.print(f"[red]query failed:[/red] {escape(str(error))}")
        raise typer.Exit(1) from error
    if output_format is SqlFormat.csv:
        sys.stdout.write(result.frame.to_csv(index=False))
    elif output_format is SqlFormat.json:
        sys.stdout.write(
            result.frame.to_json(orient="records", date_format="iso", force_ascii=False) + "\n"
        )
    else:
        console.print(result_table(result, console.width, max_rows))
        if 0 < max_rows < len(result.frame):
            errors.print(f"showing {max_rows:,} of {len(result.frame):,} rows (--max-rows)")


feeds_app = typer.Typer(
    cls=HelpGroup,
    help="Check the feeds file and see each feed's last fetch.",
    no_args_is_help=True,
)
app.add_typer(feeds_app, name="feeds")


def fetch_status(http_status: int | None, error: str | None) -> str:
    """A feed's last fetch in a few words: its HTTP status, or why it failed."""
    if error:
        return f"failed: {error}"
    return "304 unchanged" if http_status == 304 else str(http_status)


@feeds_app.command("check", cls=HelpCommand)
def feeds_check(
    file: Annotated[
        Path, typer.Argument(metavar="[FILE]", help="The feeds file (default: feeds.yaml).")
    ] = FEEDS_FILE,
    warehouse: WarehouseOption = DEPLOYMENT.warehouse,
    lock_wait: LockWaitOption = DEFAULT_LOCK_WAIT_SECONDS,
) -> None:
    """Check the feeds file, saying everything wrong with it (exit 1), and list each feed with
    its last fetch recorded in the warehouse: when, the HTTP status or the error, the entries
    it listed and the new pages it gave."""
    require_paths([file])
    import duckdb

    from orchestration.core.connection import WarehouseBusyError, connect
    from orchestration.core.lake import LakeError
    from orchestration.ingest.feed_state import last_fetches
    from orchestration.ingest.feeds_file import FeedsFileError, read_feeds_file

    try:
        config = read_feeds_file(file)
    except FeedsFileError as error:
        errors.print(f"[red]{escape(str(file))} cannot be used:[/red]")
        for problem in error.problems:
            errors.print(f"  {escape(problem)}")
        raise typer.Exit(1) from error
    location = warehouse_location(warehouse)
    last = {}
    if location.exists():
        try:
            with connect(location, True, lock_wait, tell_wait) as con:
                last = last_fetches(con)
        except duckdb.CatalogException:
            pass  # a warehouse from before feed_state: no feed fetched yet
        except WarehouseBusyError as error:
            raise busy(error) from error
        except LakeError as error:
            raise unreachable(error) from error
    console.print(f"{escape(str(file))}: {len(config.feeds)} feeds", soft_wrap=True)
    for key, value in config.settings.items():
        console.print(f"  {key}: {escape(str(value))}", soft_wrap=True)
    rows = []
    for feed in config.feeds:
        fetched = last.get(feed.url)
        rows.append(
            (
                escape(feed.name),
                escape(feed.url),
                "obeyed" if feed.obey_robots_txt else "ignored",
                f"{fetched.fetched_at:%Y-%m-%d %H:%M:%S}" if fetched else "never",
                escape(fetch_status(fetched.http_status, fetched.error)) if fetched else "",
                fetched.entries if fetched else "",
                fetched.new_pages if fetched else "",
            )
        )
    columns = ["feed", "url", "robots", "last fetch", "status", "entries", "new pages"]
    # Folding long names and URLs rather than cutting them: they are what a person fixes.
    table = Table(*(Column(header, overflow="fold") for header in columns))
    for row in rows:
        table.add_row(*(str(value) for value in row))
    console.print(table)


export_app = typer.Typer(
    cls=HelpGroup,
    help="Write warehouse tables, marts and the GDELT GKG 2.1 export to files.",
    no_args_is_help=True,
)
app.add_typer(export_app, name="export")

OutOption = Annotated[Path, typer.Option("--out", metavar="FILE", help="File to write.")]


def exported(write: Callable[[], int], warehouse: Warehouse, out: Path, what: str) -> None:
    """Run an export of the warehouse and report it; exit 1 with the reason when it fails."""
    import duckdb

    from orchestration.core.connection import WarehouseBusyError
    from orchestration.core.lake import LakeError
    from orchestration.warehouse.export import ExportError

    if not warehouse.exists():
        errors.print(f"no warehouse at {escape(str(warehouse))}; run `newsledger run` first")
        raise typer.Exit(2)
    try:
        rows = write()
    except WarehouseBusyError as error:
        raise busy(error) from error
    except LakeError as error:
        raise unreachable(error) from error
    except (ExportError, duckdb.Error) as error:
        errors.print(f"[red]export failed:[/red] {escape(str(error))}")
        raise typer.Exit(1) from error
    console.print(f"wrote {rows} {what} to {escape(str(out))}")


@export_app.command("gkg", cls=HelpCommand)
def export_gkg(
    out: OutOption,
    warehouse: WarehouseOption = DEPLOYMENT.warehouse,
    header: Annotated[
        bool, typer.Option("--header", help="Start with a line of GKG column names.")
    ] = False,
    lock_wait: LockWaitOption = DEFAULT_LOCK_WAIT_SECONDS,
) -> None:
    """Write one GDELT GKG 2.1 record per article: tab-separated, without header, as GDELT does."""
    from orchestration.warehouse import export

    location = warehouse_location(warehouse)

    exported(
        lambda: export.export_gkg(location, out, header, lock_wait, tell_wait),
        location,
        out,
        "GKG records",
    )


@export_app.command("table", cls=HelpCommand)
def export_table(
    name: Annotated[str, typer.Argument(help="A table or mart of the warehouse.")],
    out: OutOption,
    warehouse: WarehouseOption = DEPLOYMENT.warehouse,
    lock_wait: LockWaitOption = DEFAULT_LOCK_WAIT_SECONDS,
) -> None:
    """Write a table or mart to Parquet or CSV, as the extension of --out says."""
    from orchestration.warehouse import export

    location = warehouse_location(warehouse)

    exported(
        lambda: export.export_table(location, name, out, lock_wait, tell_wait),
        location,
        out,
        "rows",
    )


@app.command(cls=HelpCommand)
def forget(
    article_ids: Annotated[
        list[str] | None, typer.Argument(metavar="ARTICLE_ID", help="Articles to forget.")
    ] = None,
    source: Annotated[
        str | None,
        typer.Option(
            "--source",
            metavar="PATH_OR_URL",
            help="Forget the articles read from this file path or URL instead.",
        ),
    ] = None,
    reason: Annotated[
        str | None,
        typer.Option("--reason", metavar="TEXT", help="Why, kept in forgotten_articles."),
    ] = None,
    warehouse: WarehouseOption = DEPLOYMENT.warehouse,
    lock_wait: LockWaitOption = DEFAULT_LOCK_WAIT_SECONDS,
) -> None:
    """Delete articles and every fact of theirs from the warehouse and the reports, in one
    transaction, recording who did it in forgotten_articles."""
    import getpass

    from orchestration.core.connection import WarehouseBusyError, connect
    from orchestration.core.lake import LakeError
    from orchestration.reports.removal import remove_article_pages
    from orchestration.warehouse.forget import UnknownArticles, articles_read_from, forget_articles

    if bool(article_ids) == (source is not None):
        errors.print("give either ARTICLE_IDs or --source PATH_OR_URL")
        raise typer.Exit(2)
    location = warehouse_location(warehouse)
    if not location.exists():
        errors.print(f"no warehouse at {escape(str(location))}; nothing to forget")
        raise typer.Exit(2)
    try:
        with connect(location, False, lock_wait, tell_wait) as con:
            if source is not None:
                article_ids = articles_read_from(con, [source, str(Path(source).absolute())])
                if not article_ids:
                    errors.print(f"[red]no article was read from {escape(source)}[/red]")
                    raise typer.Exit(1)
            done = forget_articles(con, article_ids, getpass.getuser(), reason)
        pages = remove_article_pages(location, article_ids, lock_wait)
    except UnknownArticles as error:
        errors.print(f"[red]{escape(str(error))}[/red]")
        raise typer.Exit(1) from error
    except WarehouseBusyError as error:
        raise busy(error) from error
    except LakeError as error:
        raise unreachable(error) from error
    for article in done.articles:
        console.print(
            f"forgot {article.article_id} ({escape(article.source)}): {article.total_rows} rows "
            f"from {', '.join(sorted(article.rows_deleted))}",
            soft_wrap=True,
        )
    console.print(
        f"also deleted {done.entities_deleted} entities no other article mentions, "
        f"{done.aliases_deleted} aliases and {len(pages)} report pages"
    )


# How many of the inputs rejected, and articles quarantined, since the last run `status` lists.
STATUS_LATEST = 5
VERDICT_STYLES = {"healthy": "green", "attention": "yellow", "failing": "red"}


@app.command(cls=HelpCommand)
def status(
    warehouse: WarehouseOption = DEPLOYMENT.warehouse,
    runs: Annotated[
        int, typer.Option("--runs", min=1, metavar="N", help="How many of the latest runs to list.")
    ] = 5,
    lock_wait: LockWaitOption = DEFAULT_LOCK_WAIT_SECONDS,
) -> None:
    """Tell whether the pipeline is healthy: the warehouse, the latest runs in $DAGSTER_HOME,
    the articles awaiting extraction or load, and the inputs rejected and articles quarantined
    since the last successful run. Exit 0 when healthy or wanting attention, 1 when the last
    run failed or an unfinished run's process is gone, 2 when there is no warehouse."""
    import duckdb

    from orchestration.core.connection import WarehouseBusyError, connect
    from orchestration.core.instance import dagster_home
    from orchestration.core.lake import LakeError
    from orchestration.core.run_history import recorded_runs
    from orchestration.warehouse import status as health

    location = warehouse_location(warehouse)
    if not location.exists():
        errors.print(f"no warehouse at {escape(str(location))}; run `newsledger run` first")
        raise typer.Exit(2)
    home = dagster_home()
    history = recorded_runs(home, runs)
    since = history.last_success_started if history else None
    try:
        with connect(location, True, lock_wait, tell_wait) as con:
            state = health.warehouse_status(con, location, since, STATUS_LATEST)
    except WarehouseBusyError as error:
        raise busy(error) from error
    except LakeError as error:
        raise unreachable(error) from error
    except duckdb.Error as error:
        errors.print(f"[red]cannot read the warehouse:[/red] {escape(str(error))}")
        raise typer.Exit(1) from error
    verdict = health.verdict(history, state)
    style = VERDICT_STYLES[verdict.level]
    console.print(f"[bold {style}]{escape(verdict.line)}[/]", soft_wrap=True)
    print_table(
        ["warehouse", "value"],
        [
            ("path", escape(str(state.path))),
            (health.size_label(state.path), health.readable_size(state.size_bytes)),
            *state.counts.items(),
            ("pending extraction", state.pending_extraction),
            ("pending load", state.pending_load),
            *health.language_rows(state.languages),
        ],
    )
    if history is None or not history.runs:
        console.print(f"no runs recorded in {escape(str(home))}", soft_wrap=True)
    else:
        # Without inner borders, and folding values rather than cutting them short.
        table = Table(
            *(Column(header, overflow="fold") for header in health.RUN_COLUMNS),
            title=f"latest runs in {escape(str(home))}",
            box=box.SIMPLE_HEAD,
            pad_edge=False,
        )
        for run in history.runs:
            table.add_row(*("" if v is None else escape(str(v)) for v in health.run_row(run)))
        console.print(table)
    since_text = (
        f"since the last successful run ({health.local_time(since)})"
        if since
        else "(no successful run recorded)"
    )
    for listing, noun, verb, columns in (
        (state.rejections, "input", "rejected", health.REJECTION_COLUMNS),
        (state.quarantines, "article", "quarantined", health.QUARANTINE_COLUMNS),
    ):
        if listing.total:
            print_table(
                columns,
                [tuple(escape(str(row[c] or "")) for c in columns) for row in listing.latest],
                f"{health.plural(listing.total, noun)} {verb} {since_text}, latest first",
            )
    if verdict.exit_code:
        raise typer.Exit(verdict.exit_code)
