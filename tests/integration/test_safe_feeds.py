"""No requests into private networks: with the default settings a feed or entry link on
loopback, a private, link-local or other non-public address is refused before any connection,
with the address class as the reason; a real server on 127.0.0.1 counts what reaches it."""

import socket
from collections.abc import Iterator
from pathlib import Path

import duckdb
import feedparser
import pytest

from orchestration.ingest.feeds import Crawl, Feed, read_page
from orchestration.ingest.http import fetch
from orchestration.ingest.policy import IngestPolicy
from orchestration.ingest.resources import SourcesResource
from orchestration.runner import run_job
from tests.conftest import OffLoopback
from tests.feed_site import Site, site

pytestmark = pytest.mark.usefixtures("loopback_only")


@pytest.fixture
def newsroom() -> Iterator[Site]:
    """A site with a feed of one page, all on 127.0.0.1."""
    with site() as served:
        served.page("/homes.html", "Council approves new homes by the river", 1)
        served.feed("/rss.xml", ["/homes.html"])
        yield served


def run_feeds(tmp_path: Path, feeds_yaml: str) -> tuple[list[tuple], list[tuple], list[str]]:
    """Run the job on the feeds of `feeds_yaml` with default sources settings; the rejections,
    feed_state rows and article titles it left."""
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text(feeds_yaml, encoding="utf-8")
    warehouse = tmp_path / "warehouse.duckdb"
    sources = SourcesResource(folders=[], inbox=str(tmp_path / "inbox"), feeds_file=str(feeds))
    config = {"ops": {"raw_articles": {"config": {"paths": [], "fetch_feeds": True}}}}
    result = run_job(None, warehouse, sources=sources, run_config=config, log_level="WARNING")
    assert result.success
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rejected = con.execute("select source, reason from rejected_inputs order by 1").fetchall()
        state = con.execute("select feed_name, http_status, error from feed_state").fetchall()
        titles = [r[0] for r in con.execute("select title from raw_articles").fetchall()]
    return rejected, state, titles


def test_a_feed_on_loopback_is_refused_by_default_and_never_asked(
    newsroom: Site, tmp_path: Path
) -> None:
    url = f"{newsroom.base}/rss.xml"
    rejected, state, titles = run_feeds(tmp_path, f"feeds:\n  - name: Local\n    url: {url}\n")
    reason = "refused: 127.0.0.1 is a loopback address"
    assert rejected == [(url, f"feed Local: {reason}")]
    assert state == [("Local", None, reason)]
    assert titles == []
    assert newsroom.seen == []


def test_feeds_yaml_can_allow_private_networks(newsroom: Site, tmp_path: Path) -> None:
    url = f"{newsroom.base}/rss.xml"
    feeds = (
        f"allow_private_networks: true\nhost_interval_seconds: 0\n"
        f"feeds:\n  - name: Local\n    url: {url}\n"
    )
    rejected, state, titles = run_feeds(tmp_path, feeds)
    assert rejected == []
    assert state == [("Local", 200, None)]
    assert titles == ["Council approves new homes by the river"]
    assert [s.path for s in newsroom.seen] == ["/rss.xml", "/robots.txt", "/homes.html"]


REFUSED_LINKS = {
    "127.0.0.1": "refused: 127.0.0.1 is a loopback address",
    "[::1]": "refused: ::1 is a loopback address",
    "10.0.0.1": "refused: 10.0.0.1 is a private address",
    "169.254.169.254": "refused: 169.254.169.254 is a link-local address",
    "[::ffff:10.0.0.1]": "refused: ::ffff:10.0.0.1 is a private address",
    "0.0.0.0": "refused: 0.0.0.0 is an unspecified address",
    "224.0.0.1": "refused: 224.0.0.1 is a multicast address",
    "[fe80::1]": "refused: fe80::1 is a link-local address",
    "[fd00::1]": "refused: fd00::1 is a private address",
}


@pytest.mark.parametrize("host", list(REFUSED_LINKS))
def test_an_entry_link_to_a_non_public_address_is_refused_before_connecting(
    newsroom: Site, host: str
) -> None:
    port = newsroom.base.rsplit(":", 1)[1]
    link = f"http://{host}:{port}/homes.html"
    entry = feedparser.FeedParserDict(link=link)
    result = read_page(link, Feed("Local", link), entry, Crawl.start(IngestPolicy()))
    assert result.articles == []
    assert [(r.source, r.reason) for r in result.rejections] == [
        (link, f"feed Local: {REFUSED_LINKS[host]}")
    ]
    assert newsroom.seen == []


def test_a_name_that_resolves_to_loopback_is_refused(newsroom: Site) -> None:
    port = newsroom.base.rsplit(":", 1)[1]
    link = f"http://localhost:{port}/homes.html"
    entry = feedparser.FeedParserDict(link=link)
    result = read_page(link, Feed("Local", link), entry, Crawl.start(IngestPolicy()))
    [rejection] = result.rejections
    assert rejection.reason.startswith("feed Local: refused: localhost resolves to ")
    assert rejection.reason.endswith(", a loopback address")
    assert newsroom.seen == []


def test_the_guard_fails_a_connection_off_loopback_before_it_is_made() -> None:
    with pytest.raises(OffLoopback, match=r"10\.0\.0\.1"):
        socket.create_connection(("10.0.0.1", 9), timeout=0.1)


def test_a_fetch_connects_to_the_address_it_checked_not_to_a_second_answer(
    newsroom: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DNS rebinding: a name that answers 127.0.0.1 when checked and 10.0.0.1 a moment later.
    The fetch asks once and connects to the first answer, keeping the name in the Host header;
    a second lookup would send the connection to 10.0.0.1, which the guard fails loudly."""
    answers = iter(["127.0.0.1", "10.0.0.1"])
    lookups = []
    resolve = socket.getaddrinfo

    def rebinding(host: object, port: object, *args: object, **kwargs: object) -> list:
        if host in ("rebind.test", b"rebind.test"):
            lookups.append(host)
            return resolve(next(answers), port, *args, **kwargs)
        return resolve(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    port = newsroom.base.rsplit(":", 1)[1]
    policy = IngestPolicy(allow_private_networks=True, obey_robots_txt=False)
    page = fetch(f"http://rebind.test:{port}/homes.html", policy)
    assert b"Council approves new homes" in page.body
    assert len(lookups) == 1
    [seen] = newsroom.seen
    assert seen.headers["Host"] == f"rebind.test:{port}"
