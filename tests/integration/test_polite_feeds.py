"""Polite feed polling against a real server on 127.0.0.1 that records every request: a feed
unchanged since the last poll answers 304 and costs no entry; robots.txt keeps its pages out;
Retry-After is waited for; requests to one host are spaced (a timing check whose only bound is
a lower one, measured on the server's own clock)."""

import itertools
from collections.abc import Iterator
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from orchestration.ingest.feeds import Crawl, Feed, poll_feed
from orchestration.ingest.policy import IngestPolicy
from orchestration.ingest.resources import SourcesResource
from orchestration.ingest.schedules import feeds_schedule
from orchestration.runner import run_job
from tests.feed_site import Site, send, site

pytestmark = pytest.mark.usefixtures("loopback_only")
# The site listens on 127.0.0.1, which only an operator's setting lets a fetch reach.
LOCAL = {"allow_private_networks": True}
UNPACED = {**LOCAL, "host_interval_seconds": 0}


@pytest.fixture
def newsroom() -> Iterator[Site]:
    with site() as served:
        yield served


def tick(sources: SourcesResource, warehouse: Path) -> None:
    """Evaluate the feeds schedule as the daemon would, then run what it requested."""
    request = feeds_schedule(dg.build_schedule_context(resources={"sources": sources}))
    assert isinstance(request, dg.RunRequest)
    assert run_job(None, warehouse, sources=sources, run_config=request.run_config).success


def test_an_unchanged_feed_answers_304_and_costs_no_entry(newsroom: Site, tmp_path: Path) -> None:
    newsroom.page("/a.html", "Council approves new homes by the river", 1)
    newsroom.page("/b.html", "Port reopens after a week of storms", 2)
    newsroom.feed("/rss.xml", ["/a.html", "/b.html"], etag='"v1"')
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text(f"feeds:\n  - name: N\n    url: {newsroom.base}/rss.xml\n", encoding="utf-8")
    sources = SourcesResource(folders=[], feeds_file=str(feeds), **UNPACED)
    warehouse = tmp_path / "warehouse.duckdb"

    tick(sources, warehouse)
    first = len(newsroom.seen)
    tick(sources, warehouse)

    [_, again] = newsroom.requests_to("/rss.xml")
    assert again.headers.get("If-None-Match") == '"v1"'
    assert [s.path for s in newsroom.seen[first:]] == ["/rss.xml"], "no page, no robots.txt"
    with duckdb.connect(str(warehouse), read_only=True) as con:
        state = con.execute(
            "select http_status, entries, new_pages, etag, error from feed_state"
        ).fetchall()
        articles = con.execute("select count(*) from raw_articles").fetchone()
    assert state == [(304, 0, 0, '"v1"', None)]
    assert articles == (2,)


def test_a_feed_with_entries_left_for_later_is_asked_again_in_full(newsroom: Site) -> None:
    for i in range(3):
        newsroom.page(f"/{i}.html", f"Council approves {i} new homes by the river", i)
    newsroom.feed("/rss.xml", ["/0.html", "/1.html", "/2.html"], etag='"v1"')
    policy = IngestPolicy(max_entries_per_feed=2, **UNPACED)
    known: set[str] = set()
    _, first = poll_feed(Feed("N", f"{newsroom.base}/rss.xml"), known, policy)
    _, second = poll_feed(Feed("N", f"{newsroom.base}/rss.xml"), known, policy, first.validators)
    assert (first.deferred, first.validators.etag) == (1, None)
    assert (second.http_status, second.new_pages, second.deferred) == (200, 1, 0)
    assert second.validators.etag == '"v1"'


def test_robots_txt_keeps_a_disallowed_page_out_and_says_why(newsroom: Site) -> None:
    newsroom.answers["/robots.txt"] = lambda h, _: send(
        h, 200, b"User-agent: *\nDisallow: /private/\n", Content_Type="text/plain"
    )
    newsroom.page("/private/memo.html", "Internal memo on the river homes plan", 1)
    newsroom.page("/news/homes.html", "Council approves new homes by the river", 2)
    newsroom.feed("/rss.xml", ["/private/memo.html", "/news/homes.html"])

    result, report = poll_feed(
        Feed("N", f"{newsroom.base}/rss.xml"), set(), IngestPolicy(**UNPACED)
    )

    assert [a.title for a in result.articles] == ["Council approves new homes by the river"]
    memo = f"{newsroom.base}/private/memo.html"
    assert [(r.source, r.reason) for r in result.rejections] == [
        (memo, f"feed N: robots.txt of {newsroom.base} disallows {memo} for newsledger")
    ]
    assert newsroom.requests_to("/private/memo.html") == []
    assert len(newsroom.requests_to("/robots.txt")) == 1, "read once for the run"
    assert report.error is None


def test_robots_txt_is_not_read_for_a_feed_the_operator_owns(newsroom: Site) -> None:
    newsroom.answers["/robots.txt"] = lambda h, _: send(h, 200, b"User-agent: *\nDisallow: /\n")
    newsroom.page("/homes.html", "Council approves new homes by the river", 2)
    newsroom.feed("/rss.xml", ["/homes.html"])
    feed = Feed("Ours", f"{newsroom.base}/rss.xml", obey_robots_txt=False)
    result, _ = poll_feed(feed, set(), IngestPolicy(**UNPACED))
    assert [a.title for a in result.articles] == ["Council approves new homes by the river"]
    assert newsroom.requests_to("/robots.txt") == []


def test_retry_after_on_503_is_waited_for_then_the_page_loads(newsroom: Site) -> None:
    newsroom.page("/homes.html", "Council approves new homes by the river", 1)
    ready = newsroom.answers["/homes.html"]
    newsroom.answers["/homes.html"] = lambda h, nth: (
        send(h, 503, b"busy", Retry_After="1") if nth == 1 else ready(h, nth)
    )
    newsroom.feed("/rss.xml", ["/homes.html"])
    result, _ = poll_feed(Feed("N", f"{newsroom.base}/rss.xml"), set(), IngestPolicy(**UNPACED))
    assert [a.title for a in result.articles] == ["Council approves new homes by the river"]
    busy, served = newsroom.requests_to("/homes.html")
    assert served.at - busy.at >= 1.0


def test_a_retry_after_past_the_deadline_is_a_rejection_saying_so(newsroom: Site) -> None:
    newsroom.answers["/homes.html"] = lambda h, _: send(h, 429, b"slow down", Retry_After="3600")
    newsroom.feed("/rss.xml", ["/homes.html"])
    result, _ = poll_feed(Feed("N", f"{newsroom.base}/rss.xml"), set(), IngestPolicy(**UNPACED))
    link = f"{newsroom.base}/homes.html"
    assert [(r.source, r.reason) for r in result.rejections] == [
        (
            link,
            f"feed N: HTTP 429 Too Many Requests from {link}: it asks to retry after 3600 s, "
            "past the fetch's 30 s deadline",
        )
    ]
    assert len(newsroom.requests_to("/homes.html")) == 1


def test_requests_to_one_host_are_spaced(newsroom: Site) -> None:
    """A timing check in the manner of a benchmark: the gaps between the requests the server
    received, on its own clock, are at least the interval. The interval runs from the end of one
    request to the start of the next, so a loaded machine only widens them; nothing bounds how
    long the poll may take."""
    for i in range(3):
        newsroom.page(f"/{i}.html", f"Council approves {i} new homes by the river", i)
    newsroom.feed("/rss.xml", ["/0.html", "/1.html", "/2.html"])
    crawl = Crawl.start(IngestPolicy(**LOCAL))  # the default interval: one request a second
    result, _ = poll_feed(Feed("N", f"{newsroom.base}/rss.xml"), set(), crawl)
    assert len(result.articles) == 3
    arrivals = [s.at for s in newsroom.seen]
    assert len(arrivals) == 5, "the feed, robots.txt and three pages"
    gaps = [later - earlier for earlier, later in itertools.pairwise(arrivals)]
    assert min(gaps) >= crawl.policy.host_interval_seconds == 1.0
