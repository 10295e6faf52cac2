"""feeds_schedule against a real HTTP server on 127.0.0.1 serving an RSS feed and HTML pages."""

import shutil
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from orchestration.ingest.schedules import feeds_schedule
from orchestration.resources import SourcesResource
from orchestration.runner import reported, run_job
from tests.conftest import FIXTURES

PAGES = ["wind-farm.html", "port-strike.html", "rail-link.html", "vaccine-trial.html"]


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A folder served over HTTP on a free loopback port, and its base URL."""
    root = tmp_path / "site"
    shutil.copytree(FIXTURES / "site", root)
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield root, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def write_feed(root: Path, base: str, pages: list[str]) -> None:
    items = "".join(
        f"<item><title>{page}</title><link>{base}/{page}</link>"
        f"<pubDate>Mon, 03 Feb 2025 08:00:00 GMT</pubDate></item>"
        for page in pages
    )
    (root / "rss.xml").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Coastal Courier</title>'
        f"<link>{base}/</link><description>News</description>{items}</channel></rss>",
        encoding="utf-8",
    )


def tick(sources: SourcesResource, warehouse: Path) -> dg.ExecuteInProcessResult:
    """Evaluate the schedule as the daemon would, then run what it requested."""
    request = feeds_schedule(dg.build_schedule_context(resources={"sources": sources}))
    assert isinstance(request, dg.RunRequest)
    result = run_job(None, warehouse, sources=sources, run_config=request.run_config)
    assert result.success
    return result


def test_schedule_ingests_each_feed_entry_once(site: tuple[Path, str], tmp_path: Path) -> None:
    root, base = site
    write_feed(root, base, PAGES[:3])
    feeds_file = tmp_path / "feeds.yaml"
    feeds_file.write_text(
        f"feeds:\n  - name: Coastal Courier\n    url: {base}/rss.xml\n"
        f"  - name: Gone\n    url: {base}/missing.xml\n",
        encoding="utf-8",
    )
    sources = SourcesResource(folders=[], inbox=str(tmp_path / "inbox"), feeds_file=str(feeds_file))
    warehouse = tmp_path / "warehouse.duckdb"

    assert reported(tick(sources, warehouse), "raw_articles", "new_articles") == 3
    assert reported(tick(sources, warehouse), "raw_articles", "new_articles") == 0
    write_feed(root, base, PAGES)
    assert reported(tick(sources, warehouse), "raw_articles", "new_articles") == 1

    with duckdb.connect(str(warehouse), read_only=True) as con:
        articles = con.execute(
            """select a.title, s.name, a.published_date::varchar from dim_article a
               join dim_source s using (source_id) order by a.title"""
        ).fetchall()
        failures = con.execute("select source, reason from rejected_inputs").fetchall()
    assert articles == [
        ("Australian researchers report malaria vaccine results", "Coastal Courier", "2025-02-06"),
        ("Dock workers end strike at Santos port", "Coastal Courier", "2025-02-04"),
        ("Kenya opens rail link to Ugandan border", "Coastal Courier", "2025-02-05"),
        ("Offshore wind farm wins approval in Denmark", "Coastal Courier", "2025-02-03"),
    ]
    assert failures == [
        (f"{base}/missing.xml", f"feed Gone: HTTP 404 File not found from {base}/missing.xml")
    ]


def test_schedule_skips_when_no_feed_is_configured(tmp_path: Path) -> None:
    sources = SourcesResource(feeds_file=str(tmp_path / "absent.yaml"))
    result = feeds_schedule(dg.build_schedule_context(resources={"sources": sources}))
    assert isinstance(result, dg.SkipReason)
