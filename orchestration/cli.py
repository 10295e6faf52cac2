"""The `newsledger` command: run the job, extract articles, query and export the warehouse.

Each command imports what it needs (Dagster, DuckDB, pandas) when it runs. Extraction's worker
processes are spawned and import this entry module again; importing little here keeps them
about 100 MB lighter each, and `newsledger --help` quick.
"""

import atexit
import gc
import json
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from orchestration.settings import DEFAULT_WAREHOUSE
from orchestration.sql import read_sql

app = typer.Typer(
    help="Turn news articles into an analytical DuckDB warehouse.", no_args_is_help=True
)
console = Console()
# Errors are never folded: they name paths and SQL, which scripts and tests search whole.
errors = Console(stderr=True, soft_wrap=True)

WarehouseOption = Annotated[Path, typer.Option("--warehouse", help="DuckDB warehouse file.")]


class ExtractFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"


class SqlFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


def print_table(columns: list[str], rows: list[tuple], title: str | None = None) -> None:
    """Print rows as a rich table."""
    import pandas as pd

    table = Table(*columns, title=title)
    for row in rows:
        table.add_row(*("" if v is None or v is pd.NA or v != v else str(v) for v in row))
    console.print(table)


def exempt_loaded_objects_from_collection() -> None:
    """Keep the garbage collector off every object that exists now, for the rest of the run
    and at exit.

    Dagster, Great Expectations and spaCy leave millions of long-lived objects behind their
    imports. Every full collection walks them all, about half a second over a run, and Python's
    collection at exit takes another second. None of them is garbage, and every file and
    connection of the run is closed before the process exits.
    """
    gc.freeze()
    atexit.register(gc.freeze)


@app.command()
def run(
    paths: Annotated[list[Path] | None, typer.Argument(help="Files or folders to ingest.")] = None,
    warehouse: WarehouseOption = DEFAULT_WAREHOUSE,
    log_level: Annotated[
        str, typer.Option("--log-level", help="Dagster console log level (DEBUG shows each step).")
    ] = "INFO",
) -> None:
    """Materialize the job in-process on PATHs (default data/articles/ and data/inbox/)."""
    from orchestration.workers import run_workers

    # The workers load spaCy's model while this process imports and starts the job.
    with run_workers():
        import duckdb

        from orchestration.runner import check_evaluations, run_job

        exempt_loaded_objects_from_collection()
        result = run_job(paths or None, warehouse, log_level=log_level.upper())
    passed, failed = check_evaluations(result)
    with duckdb.connect(str(warehouse), read_only=True) as con:
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


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Article files or folders.")],
    output_format: Annotated[ExtractFormat, typer.Option("--format")] = ExtractFormat.json,
) -> None:
    """Print the extraction JSON of each article; nothing is written."""
    from orchestration.extract.document import load_pipeline
    from orchestration.extract.output import extraction_record
    from orchestration.ingest.readers import read_paths

    nlp = load_pipeline()
    result = read_paths(paths)
    for rejection in result.rejections:
        errors.print(f"rejected {escape(rejection.source)}: {escape(rejection.reason)}")
    records = [
        extraction_record(
            nlp,
            article_id=article.article_id,
            source=article.source,
            body=article.body,
            title=article.title,
            published_date=article.published_date,
        )
        for article in result.articles
    ]
    if output_format is ExtractFormat.jsonl:
        for record in records:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    if result.rejections:
        raise typer.Exit(1)


@app.command()
def sql(
    query: Annotated[str | None, typer.Argument(help="SQL to run.")] = None,
    file: Annotated[
        Path | None, typer.Option("-f", "--file", help="Read the SQL from a file.")
    ] = None,
    warehouse: WarehouseOption = DEFAULT_WAREHOUSE,
    output_format: Annotated[SqlFormat, typer.Option("--format")] = SqlFormat.table,
) -> None:
    """Run a read-only query against the warehouse."""
    import duckdb

    from orchestration.warehouse.query import ReadOnlyViolation, run_read_only

    if (query is None) == (file is None):
        errors.print("give either a QUERY or -f FILE")
        raise typer.Exit(2)
    text = query if query is not None else file.read_text(encoding="utf-8")
    if not warehouse.exists():
        errors.print(f"no warehouse at {escape(str(warehouse))}; run `newsledger run` first")
        raise typer.Exit(2)
    try:
        frame = run_read_only(warehouse, text)
    except ReadOnlyViolation as error:
        errors.print(f"[red]newsledger sql is read-only:[/red] {escape(str(error))}")
        raise typer.Exit(1) from error
    except duckdb.Error as error:
        errors.print(f"[red]query failed:[/red] {escape(str(error))}")
        raise typer.Exit(1) from error
    if output_format is SqlFormat.csv:
        sys.stdout.write(frame.to_csv(index=False))
    elif output_format is SqlFormat.json:
        sys.stdout.write(
            frame.to_json(orient="records", date_format="iso", force_ascii=False) + "\n"
        )
    else:
        print_table(list(frame.columns), list(frame.itertuples(index=False, name=None)))


export_app = typer.Typer(
    help="Write warehouse tables, marts and the GDELT GKG 2.1 export to files.",
    no_args_is_help=True,
)
app.add_typer(export_app, name="export")

OutOption = Annotated[Path, typer.Option("--out", help="File to write.")]


def exported(write: Callable[[], int], warehouse: Path, out: Path, what: str) -> None:
    """Run an export of the warehouse and report it; exit 1 with the reason when it fails."""
    import duckdb

    from orchestration.warehouse.connection import WarehouseBusyError
    from orchestration.warehouse.export import ExportError

    if not warehouse.exists():
        errors.print(f"no warehouse at {escape(str(warehouse))}; run `newsledger run` first")
        raise typer.Exit(2)
    try:
        rows = write()
    except (ExportError, WarehouseBusyError, duckdb.Error) as error:
        errors.print(f"[red]export failed:[/red] {escape(str(error))}")
        raise typer.Exit(1) from error
    console.print(f"wrote {rows} {what} to {escape(str(out))}")


@export_app.command("gkg")
def export_gkg(
    out: OutOption,
    warehouse: WarehouseOption = DEFAULT_WAREHOUSE,
    header: Annotated[
        bool, typer.Option("--header", help="Start with a line of GKG column names.")
    ] = False,
) -> None:
    """Write one GDELT GKG 2.1 record per article: tab-separated, without header, as GDELT does."""
    from orchestration.warehouse import export

    exported(lambda: export.export_gkg(warehouse, out, header), warehouse, out, "GKG records")


@export_app.command("table")
def export_table(
    name: Annotated[str, typer.Argument(help="A table or mart of the warehouse.")],
    out: OutOption,
    warehouse: WarehouseOption = DEFAULT_WAREHOUSE,
) -> None:
    """Write a table or mart to Parquet or CSV, as the extension of --out says."""
    from orchestration.warehouse import export

    exported(lambda: export.export_table(warehouse, name, out), warehouse, out, "rows")
