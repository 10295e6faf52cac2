"""RSS and Atom feeds: polling them for pages not yet ingested, politely.

A feed is fetched conditionally (the ETag and Last-Modified it last sent): an unchanged feed
answers 304 and costs no entry. Its pages are fetched only where the site's robots.txt allows,
and every request of a run to one host waits its turn (see politeness and robots).
"""

import time
from dataclasses import dataclass, field
from datetime import date

import feedparser

from orchestration.ingest.articles import ArticleInput, ReadResult, Rejection
from orchestration.ingest.authors import stated_authors
from orchestration.ingest.feeds_file import Feed
from orchestration.ingest.html import read_html
from orchestration.ingest.http import FetchError, Validators, fetch
from orchestration.ingest.policy import IngestPolicy
from orchestration.ingest.politeness import HostPacer
from orchestration.ingest.readers import apply_policy
from orchestration.ingest.robots import RobotsRules
from orchestration.ingest.text import UnreadableInput


@dataclass(frozen=True)
class FeedReport:
    """What polling one feed found: its entries, the pages it added, the new entries left for
    the next run by `max_entries_per_feed`, the feed's HTTP status (304: unchanged) and the
    validators to send next time."""

    feed: str
    entries: int
    new_pages: int
    error: str | None = None
    deferred: int = 0
    url: str = ""
    http_status: int | None = None
    validators: Validators = field(default_factory=Validators)


@dataclass(frozen=True)
class Crawl:
    """What the fetches of one run share: the limits, each host's turn, each site's robots.txt."""

    policy: IngestPolicy
    pacer: HostPacer
    robots: RobotsRules

    @classmethod
    def start(cls, policy: IngestPolicy) -> "Crawl":
        """A run's crawl with no host asked yet."""
        pacer = HostPacer(policy.host_interval_seconds)
        return cls(policy, pacer, RobotsRules(policy, pacer))


def _entry_date(entry: feedparser.FeedParserDict) -> date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return date.fromtimestamp(time.mktime(parsed)) if parsed else None


def _failure(error: Exception) -> str:
    """Why a fetch or read failed: the message of an expected error, the class of any other."""
    if isinstance(error, (FetchError, UnreadableInput)):
        return str(error)
    return f"unexpected {type(error).__name__}: {error}"


def _rejected(source: str, feed: Feed, error: Exception) -> ReadResult:
    return ReadResult(
        rejections=[Rejection.of(source, f"feed {feed.name}: {_failure(error)}", b"")]
    )


def entry_authors(entry: feedparser.FeedParserDict) -> tuple[str, ...]:
    """The authors a feed entry names (Atom's author, RSS's dc:creator, or RSS's author
    without its e-mail address), for a page that names none itself."""
    detail = entry.get("author_detail") or {}
    return stated_authors(detail.get("name") or entry.get("author"))


def read_page(link: str, feed: Feed, entry: feedparser.FeedParserDict, crawl: Crawl) -> ReadResult:
    """Fetch one entry's page, where robots.txt allows, and read it as HTML, with the entry's
    date, feed name and authors where the page gives none. Any failure, of whatever class,
    becomes a rejection of that page, so one broken page never stops the feed or the run."""
    policy = crawl.policy
    gate = crawl.robots.check if policy.obey_robots_txt and feed.obey_robots_txt else None
    try:
        page = fetch(link, policy, crawl.pacer, gate=gate)
        result = read_html(link, page.body, url=link)
        published = _entry_date(entry)
        articles = [
            ArticleInput(
                source=a.source,
                body=a.body,
                title=a.title,
                published_date=a.published_date or published,
                outlet=a.outlet or feed.name,
                url=link,
                authors=a.authors or entry_authors(entry),
            )
            for a in result.articles
        ]
        return apply_policy(ReadResult(articles, result.rejections), policy)
    except Exception as error:
        return _rejected(link, feed, error)


def _poll_feed(
    feed: Feed, known_urls: set[str], previous: Validators, crawl: Crawl
) -> tuple[ReadResult, FeedReport]:
    policy = crawl.policy
    fetched = fetch(feed.url, policy, crawl.pacer, previous)
    if fetched.not_modified:
        validators = Validators(
            fetched.validators.etag or previous.etag,
            fetched.validators.last_modified or previous.last_modified,
        )
        report = FeedReport(feed.name, 0, 0, url=feed.url, http_status=304, validators=validators)
        return ReadResult(), report
    parsed = feedparser.parse(fetched.body)
    if parsed.bozo and not parsed.entries:
        raise UnreadableInput(f"not a feed: {parsed.get('bozo_exception')}")
    entries = [e for e in parsed.entries if e.get("link")]
    new: dict[str, feedparser.FeedParserDict] = {}
    for entry in entries:
        if entry["link"] not in known_urls:
            new.setdefault(entry["link"], entry)
    result = ReadResult()
    for link, entry in list(new.items())[: policy.max_entries_per_feed]:
        result.extend(read_page(link, feed, entry, crawl))
        known_urls.add(link)
    deferred = max(0, len(new) - policy.max_entries_per_feed)
    # Entries left for the next poll, and pages that failed (tried again on the next poll, as
    # they are not among the known URLs), must not meet a 304: it then asks in full.
    validators = Validators() if deferred or result.rejections else fetched.validators
    report = FeedReport(
        feed.name,
        len(entries),
        len(result.articles),
        deferred=deferred,
        url=feed.url,
        http_status=fetched.status,
        validators=validators,
    )
    return result, report


def poll_feed(
    feed: Feed,
    known_urls: set[str],
    crawl: Crawl | IngestPolicy,
    previous: Validators | None = None,
) -> tuple[ReadResult, FeedReport]:
    """Read the pages of `feed`'s entries whose links are not in `known_urls`, at most
    `max_entries_per_feed` of them, in feed order (newest first in most feeds).

    `crawl` is what the run's fetches share, or the limits to start a crawl of its own with.
    With `previous` validators the feed is asked conditionally, and a 304 reads no entry. The
    entries beyond the cap are left for the next poll: they are not in the known URLs, so it
    finds them new. A feed that cannot be fetched or read, for whatever reason, becomes one
    rejection and a report with the error (keeping `previous`); it never stops the other
    feeds.
    """
    previous = previous or Validators()
    try:
        crawl = crawl if isinstance(crawl, Crawl) else Crawl.start(crawl)
        return _poll_feed(feed, known_urls, previous, crawl)
    except Exception as error:
        failure = _rejected(feed.url, feed, error)
        status = error.status if isinstance(error, FetchError) else None
        report = FeedReport(
            feed.name, 0, 0, _failure(error), url=feed.url, http_status=status, validators=previous
        )
        return failure, report
