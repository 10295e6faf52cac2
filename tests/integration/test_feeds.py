"""feeds_schedule against a real HTTP server on 127.0.0.1 serving an RSS feed and HTML pages."""

import shutil
import threading
from collections.abc import Iterator
from functools import partial
from http.server import BaseHTTPRequestHandler, SimpleHTTPRequestHandler
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from orchestration.ingest.feeds import Feed, poll_feed
from orchestration.ingest.policy import IngestPolicy
from orchestration.ingest.resources import SourcesResource
from orchestration.ingest.schedules import feeds_schedule
from orchestration.runner import reported, run_job
from tests.conftest import FIXTURES, serving

PAGES = ["wind-farm.html", "port-strike.html", "rail-link.html", "vaccine-trial.html"]
# The servers listen on 127.0.0.1, which only an operator's setting lets a fetch reach; and
# these tests are not about pacing (tests/integration/test_polite_feeds.py is).
LOCAL = {"allow_private_networks": True, "host_interval_seconds": 0}


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A folder served over HTTP on a free loopback port, and its base URL."""
    root = tmp_path / "site"
    shutil.copytree(FIXTURES / "site", root)
    with serving(partial(QuietHandler, directory=str(root))) as url:
        yield root, url


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
    sources = SourcesResource(
        folders=[], inbox=str(tmp_path / "inbox"), feeds_file=str(feeds_file), **LOCAL
    )
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


MANY = 12
# A link whose host name has a label too long for IDNA: the socket library raises UnicodeError.
IDN_LINK = f"http://{'ä' * 70}.example/news.html"
STOP_TRICKLING = threading.Event()


def page_title(i: int) -> str:
    return f"Council approves {100 + i} new homes by the river"


class Newsroom(BaseHTTPRequestHandler):
    """Tiny feeds of tiny pages, and pages that misbehave while being read."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_body(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def feed(self, links: list[str]) -> bytes:
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        urls = [link if "://" in link else base + link for link in links]
        items = "".join(f"<item><title>t</title><link>{url}</link></item>" for url in urls)
        return f'<rss version="2.0"><channel><title>N</title>{items}</channel></rss>'.encode()

    def do_GET(self) -> None:
        if self.path == "/many.xml":
            self.send_body(
                self.feed([f"/page-{i}.html" for i in range(MANY)]), "application/rss+xml"
            )
        elif self.path == "/mixed.xml":
            links = [
                "/page-0.html",
                "/trickle.html",
                "/broken-chunks.html",
                IDN_LINK,
                "/page-1.html",
            ]
            self.send_body(self.feed(links), "application/rss+xml")
        elif self.path.startswith("/page-"):
            i = int(self.path.removeprefix("/page-").removesuffix(".html"))
            text = (
                f"Officials said on Monday that {100 + i} new homes would be built near the "
                f"river over the next {2 + i} years, after a consultation that drew "
                f"{1000 + 3 * i} responses from residents of the district."
            )
            page = f"<article><h1>{page_title(i)}</h1><p>{text}</p></article>"
            self.send_body(f"<html><body>{page}</body></html>".encode(), "text/html")
        elif self.path == "/trickle.html":
            self.send_response(200)
            self.send_header("Content-Length", "300")
            self.end_headers()
            for _ in range(300):  # a byte every 0.2 s: a minute, unless the client hangs up
                if STOP_TRICKLING.wait(0.2):
                    return
                try:
                    self.wfile.write(b"x")
                    self.wfile.flush()
                except OSError:
                    return
        elif self.path.startswith("/broken-chunks"):
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            self.wfile.write(b"zz\r\nnot a chunk size\r\n")
        else:
            self.send_error(404, "Not Found")


@pytest.fixture(scope="module")
def newsroom() -> Iterator[str]:
    """The base URL of a Newsroom server on a free loopback port."""
    STOP_TRICKLING.clear()
    with serving(Newsroom) as url:
        try:
            yield url
        finally:
            STOP_TRICKLING.set()


def feeds_sources(tmp_path: Path, feeds: dict[str, str], **limits: float) -> SourcesResource:
    """Sources that read only the given feeds (name: URL), with the given limits."""
    path = tmp_path / "feeds.yaml"
    path.write_text(
        "feeds:\n" + "".join(f"  - name: {n}\n    url: {u}\n" for n, u in feeds.items()),
        encoding="utf-8",
    )
    return SourcesResource(
        folders=[], inbox=str(tmp_path / "inbox"), feeds_file=str(path), **LOCAL, **limits
    )


def titles(warehouse: Path) -> list[str]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return [r[0] for r in con.execute("select title from dim_article order by 1").fetchall()]


def rejections(warehouse: Path) -> dict[str, str]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return dict(con.execute("select source, reason from rejected_inputs").fetchall())


def test_feed_entries_beyond_the_cap_wait_for_the_next_runs(newsroom: str, tmp_path: Path) -> None:
    sources = feeds_sources(tmp_path, {"Many": f"{newsroom}/many.xml"}, max_entries_per_feed=5)
    warehouse = tmp_path / "warehouse.duckdb"

    assert reported(tick(sources, warehouse), "raw_articles", "new_articles") == 5
    assert titles(warehouse) == sorted(page_title(i) for i in range(5)), "feed order, first 5"
    assert reported(tick(sources, warehouse), "raw_articles", "new_articles") == 5
    assert reported(tick(sources, warehouse), "raw_articles", "new_articles") == 2
    assert titles(warehouse) == sorted(page_title(i) for i in range(MANY))


def test_feed_report_counts_the_deferred_entries(newsroom: str) -> None:
    feed = Feed("Many", f"{newsroom}/many.xml")
    policy = IngestPolicy(max_entries_per_feed=5, **LOCAL)
    known: set[str] = set()
    reports = [poll_feed(feed, known, policy)[1] for _ in range(3)]
    assert [(r.entries, r.new_pages, r.deferred, r.error) for r in reports] == [
        (MANY, 5, 7, None),
        (MANY, 5, 2, None),
        (MANY, 2, 0, None),
    ]


def test_trickling_page_is_rejected_at_the_deadline_and_the_run_goes_on(
    newsroom: str, tmp_path: Path
) -> None:
    sources = feeds_sources(
        tmp_path, {"Mixed": f"{newsroom}/mixed.xml"}, fetch_deadline_seconds=1.5
    )
    warehouse = tmp_path / "warehouse.duckdb"
    tick(sources, warehouse)
    assert titles(warehouse) == [page_title(0), page_title(1)]
    rejected = rejections(warehouse)
    assert rejected[f"{newsroom}/trickle.html"] == (
        f"feed Mixed: fetch exceeded its 1.5 s deadline: {newsroom}/trickle.html"
    )


def test_unexpected_error_rejects_one_page_or_feed_and_the_others_load(
    newsroom: str, tmp_path: Path
) -> None:
    feeds = {"Broken": "http://[::1/feed.xml", "Mixed": f"{newsroom}/mixed.xml"}
    warehouse = tmp_path / "warehouse.duckdb"
    tick(feeds_sources(tmp_path, feeds, fetch_deadline_seconds=1.5), warehouse)
    assert titles(warehouse) == [page_title(0), page_title(1)]
    rejected = rejections(warehouse)
    assert (
        rejected["http://[::1/feed.xml"] == "feed Broken: unexpected ValueError: Invalid IPv6 URL"
    )
    assert rejected[IDN_LINK] == (
        "feed Mixed: unexpected UnicodeError: encoding with 'idna' codec failed "
        "(UnicodeError: label empty or too long)"
    )
    assert rejected[f"{newsroom}/broken-chunks.html"] == (
        f"feed Mixed: broken response from {newsroom}/broken-chunks.html: "
        r"""RemoteProtocolError("illegal chunk header: bytearray(b'zz\\r\\n')")"""
    )


def test_feed_pages_keep_their_authors_or_take_the_entry_s(
    site: tuple[Path, str], tmp_path: Path
) -> None:
    root, base = site
    page = (root / "wind-farm.html").read_text(encoding="utf-8")
    (root / "bylined.html").write_text(
        page.replace("</head>", '<meta name="author" content="Daniel Reyes"></head>'),
        encoding="utf-8",
    )
    items = "".join(
        f"<item><title>{name}</title><link>{base}/{name}</link>{creator}</item>"
        for name, creator in [
            ("bylined.html", "<dc:creator>Someone Else</dc:creator>"),
            ("port-strike.html", "<dc:creator>Ana Ruiz</dc:creator>"),
            ("rail-link.html", "<author>desk@example.org (Li Wei)</author>"),
            ("vaccine-trial.html", ""),
        ]
    )
    (root / "authors.xml").write_text(
        '<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<channel><title>Coastal Courier</title><link>{base}/</link>"
        f"<description>News</description>{items}</channel></rss>",
        encoding="utf-8",
    )
    result, report = poll_feed(
        Feed("Coastal Courier", f"{base}/authors.xml"), set(), IngestPolicy(**LOCAL)
    )
    assert report.error is None
    authors = {Path(a.url or "").name: a.authors for a in result.articles}
    assert authors == {
        "bylined.html": ("Daniel Reyes",),
        "port-strike.html": ("Ana Ruiz",),
        "rail-link.html": ("Li Wei",),
        "vaccine-trial.html": (),
    }
