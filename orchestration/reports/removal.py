"""Taking forgotten articles out of the reports: their pages, their index lines and what the
dashboard drew from them, at once rather than at the next run."""

from pathlib import Path

from orchestration.core.connection import connect
from orchestration.core.location import Warehouse
from orchestration.core.settings import DEFAULT_LOCK_WAIT_SECONDS
from orchestration.reports.dashboard_page import render_dashboard
from orchestration.reports.files import (
    digest,
    read_manifest,
    reports_dir,
    write_atomic,
    write_manifest,
)
from orchestration.reports.index_page import render_index
from orchestration.reports.queries import dashboard_rows, loaded_articles, rows


def remove_article_pages(
    warehouse: Warehouse,
    article_ids: list[str],
    lock_wait_seconds: float = DEFAULT_LOCK_WAIT_SECONDS,
) -> list[Path]:
    """Delete the pages of `article_ids` beside the warehouse at `warehouse`, drop them from the
    manifest, and write the index and (when there is one) the dashboard again from what the
    warehouse now holds. Returns the page files deleted.
    """
    folder = reports_dir(warehouse)
    pages = folder / "articles"
    manifest_path = pages / "manifest.json"
    manifest = read_manifest(manifest_path)
    deleted = [pages / f"{article_id}.html" for article_id in article_ids]
    deleted = [page for page in deleted if page.exists()]
    for page in deleted:
        page.unlink()
    listed = [article_id for article_id in article_ids if article_id in manifest]
    for article_id in listed:
        del manifest[article_id]
    if listed:
        write_manifest(manifest_path, manifest)
    dashboard = folder / "dashboard.html"
    with connect(warehouse, read_only=True, wait_seconds=lock_wait_seconds) as con:
        loaded = loaded_articles(con)
        held_back = rows(con, "reports/select_held_back_articles")
        drawn = dashboard_rows(con) if dashboard.exists() else None
    if (folder / "index.html").exists():
        entries = {a: manifest[a] for a in loaded if a in manifest}
        write_atomic(folder / "index.html", render_index(entries, held_back))
    if drawn is not None:
        write_atomic(dashboard, render_dashboard(drawn))
        write_manifest(folder / "dashboard.json", {"digest": digest(drawn)})
    return deleted
