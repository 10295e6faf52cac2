"""Reports stage: HTML pages for analysts, rendered from the warehouse after each load."""

from collections.abc import Iterator
from pathlib import Path

import dagster as dg

from orchestration.core.resources import WarehouseResource, Workers
from orchestration.core.settings import DUCKDB_POOL
from orchestration.core.workers import ordered_results
from orchestration.reports.dashboard_page import render_dashboard
from orchestration.reports.files import (
    digest,
    read_manifest,
    reports_dir,
    stale_articles,
    write_atomic,
    write_manifest,
)
from orchestration.reports.index_page import render_index
from orchestration.reports.pages import PageBatch, Row, write_pages
from orchestration.reports.queries import article_records, dashboard_rows, loaded_articles, rows

WAREHOUSE_TABLES = ["dim_article", "fct_entity_mention", "fct_figure", "fct_quote",
                    "fct_date_reference"]  # fmt: skip
CHUNK = 500  # articles read per connection, so memory stays bounded on a large backlog
PAGES_PER_BATCH = 50  # pages written per task, in this process or a worker
PREVIEW = 20


def file_url(path: Path) -> dg.MetadataValue:
    """A link to `path` for the asset's metadata."""
    return dg.MetadataValue.url(path.resolve().as_uri())


def page_batches(
    warehouse: WarehouseResource, folder: Path, article_ids: list[str]
) -> Iterator[PageBatch]:
    """The records of `article_ids`, read CHUNK at a time, in batches of PAGES_PER_BATCH."""
    for start in range(0, len(article_ids), CHUNK):
        with warehouse.connect(read_only=True) as con:
            records = article_records(con, article_ids[start : start + CHUNK])
        for at in range(0, len(records), PAGES_PER_BATCH):
            yield PageBatch(folder, records[at : at + PAGES_PER_BATCH])


def written_pages(
    workers: Workers, batches: Iterator[PageBatch]
) -> Iterator[list[tuple[str, Row]]]:
    """The index entries of each batch once its pages are written: by the run's workers when
    it has them (`newsledger run`), which render while this process reads the next batch;
    in this process when there are none, or they broke. Rendering alone does not repay
    starting workers of its own."""
    pool = workers.shared()
    if pool is None:
        yield from map(write_pages, batches)
    else:
        yield from (entries for _, entries in ordered_results(pool, write_pages, batches))


@dg.asset(deps=WAREHOUSE_TABLES, group_name="reports", kinds={"html"}, pool=DUCKDB_POOL)
def article_reports(
    context: dg.AssetExecutionContext,
    warehouse: WarehouseResource,
    workers: dg.ResourceParam[Workers],
) -> dg.MaterializeResult:
    """One HTML page per article (text with entities highlighted, figures, quotations, dates,
    data-quality verdict) and an index, under reports/ beside the warehouse.

    Only articles loaded since their page was written are rendered, so a run costs what its
    new articles cost.
    """
    folder = reports_dir(warehouse.location)
    pages = folder / "articles"
    manifest_path = pages / "manifest.json"
    manifest = read_manifest(manifest_path)
    with warehouse.connect(read_only=True) as con:
        loaded = loaded_articles(con)
        held_back = rows(con, "reports/select_held_back_articles")
        failed = rows(con, "reports/select_failed_extractions")
    stale = stale_articles(loaded, manifest, pages)
    written: list[str] = []
    unsaved = 0
    for entries in written_pages(workers, page_batches(warehouse, pages, stale)):
        for article_id, entry in entries:
            manifest[article_id] = entry
            written.append(article_id)
        unsaved += len(entries)
        if unsaved >= CHUNK:
            write_manifest(manifest_path, manifest)
            unsaved = 0
    if unsaved:
        write_manifest(manifest_path, manifest)
    entries = {article_id: manifest[article_id] for article_id in loaded if article_id in manifest}
    write_atomic(folder / "index.html", render_index(entries, held_back, failed))
    context.log.info(f"wrote {len(written)} article pages; {len(entries)} listed in the index")
    preview = "\n".join(
        f"- [{manifest[a]['title']}]({(pages / f'{a}.html').resolve().as_uri()}) "
        f"({manifest[a]['quality']})"
        for a in written[:PREVIEW]
    )
    return dg.MaterializeResult(
        metadata={
            "index": file_url(folder / "index.html"),
            "pages_written": len(written),
            "pages_total": len(entries),
            "held_back": len(held_back),
            "extraction_failed": len(failed),
            "preview": dg.MetadataValue.md(preview or "no new pages"),
        }
    )


@dg.asset(deps=WAREHOUSE_TABLES, group_name="reports", kinds={"html", "altair"}, pool=DUCKDB_POOL)
def corpus_dashboard(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource
) -> dg.MaterializeResult:
    """A dashboard of the whole corpus: mentions over time of the top entities, money by
    country pair, entity co-occurrence and the average tone per day, drawn offline
    (reports/dashboard.html).

    The page is rewritten only when what it draws has changed.
    """
    folder = reports_dir(warehouse.location)
    with warehouse.connect(read_only=True) as con:
        data = dashboard_rows(con)
    drawn = digest(data)
    stamp_path = folder / "dashboard.json"
    page = folder / "dashboard.html"
    changed = read_manifest(stamp_path).get("digest") != drawn or not page.exists()
    if changed:
        write_atomic(page, render_dashboard(data))
        write_manifest(stamp_path, {"digest": drawn})
    context.log.info(f"dashboard {'rewritten' if changed else 'unchanged'}")
    summary = data["summary"][0]
    table = "\n".join(f"| {name} | {count} |" for name, count in summary.items())
    return dg.MaterializeResult(
        metadata={
            "dashboard": file_url(page),
            "rewritten": changed,
            "entities_charted": len({r["entity"] for r in data["mentions"]}),
            "country_pairs": len({r["pair"] for r in data["money"]}),
            "summary": dg.MetadataValue.md(f"| measure | count |\n|---|---|\n{table}"),
        }
    )
