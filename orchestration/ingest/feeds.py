"""RSS and Atom feeds: which are configured, and polling them for pages not yet ingested."""

import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import feedparser
import yaml

from orchestration.ingest.articles import ArticleInput, ReadResult, Rejection
from orchestration.ingest.authors import stated_authors
from orchestration.ingest.html import read_html
from orchestration.ingest.http import FetchError, fetch
from orchestration.ingest.policy import IngestPolicy
from orchestration.ingest.readers import apply_policy
from orchestration.ingest.text import UnreadableInput


@dataclass(frozen=True)
class Feed:
    """A configured feed."""

    name: str
    url: str


@dataclass(frozen=True)
class FeedReport:
    """What polling one feed found: its entries, the pages it added, and the new entries left
    for the next run by `max_entries_per_feed`."""

    feed: str
    entries: int
    new_pages: int
    error: str | None = None
    deferred: int = 0


def load_feeds(path: Path) -> list[Feed]:
    """The feeds listed in a YAML file (`feeds: [{name, url}]`); none when the file is absent."""
    if not path.exists():
        return []
    config = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return [
        Feed(name=str(f.get("name") or f["url"]), url=str(f["url"]))
        for f in config.get("feeds") or []
    ]


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


def read_page(
    link: str, feed: Feed, entry: feedparser.FeedParserDict, policy: IngestPolicy
) -> ReadResult:
    """Fetch one entry's page and read it as HTML, with the entry's date, feed name and
    authors where the page gives none. Any failure, of whatever class, becomes a rejection of
    that page, so one broken page never stops the feed or the run."""
    try:
        page = fetch(link, policy)
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
    feed: Feed, known_urls: set[str], policy: IngestPolicy
) -> tuple[ReadResult, FeedReport]:
    parsed = feedparser.parse(fetch(feed.url, policy).body)
    if parsed.bozo and not parsed.entries:
        raise UnreadableInput(f"not a feed: {parsed.get('bozo_exception')}")
    entries = [e for e in parsed.entries if e.get("link")]
    new: dict[str, feedparser.FeedParserDict] = {}
    for entry in entries:
        if entry["link"] not in known_urls:
            new.setdefault(entry["link"], entry)
    result = ReadResult()
    for link, entry in list(new.items())[: policy.max_entries_per_feed]:
        result.extend(read_page(link, feed, entry, policy))
        known_urls.add(link)
    deferred = max(0, len(new) - policy.max_entries_per_feed)
    return result, FeedReport(feed.name, len(entries), len(result.articles), deferred=deferred)


def poll_feed(
    feed: Feed, known_urls: set[str], policy: IngestPolicy
) -> tuple[ReadResult, FeedReport]:
    """Read the pages of `feed`'s entries whose links are not in `known_urls`, at most
    `policy.max_entries_per_feed` of them, in feed order (newest first in most feeds).

    The entries beyond the cap are left for the next poll: they are not in the known URLs, so
    it finds them new. A feed that cannot be fetched or read, for whatever reason, becomes one
    rejection and a report with the error; it never stops the other feeds.
    """
    try:
        return _poll_feed(feed, known_urls, policy)
    except Exception as error:
        failure = _rejected(feed.url, feed, error)
        return failure, FeedReport(feed.name, 0, 0, _failure(error))
