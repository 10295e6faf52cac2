"""RSS and Atom feeds: which are configured, and polling them for pages not yet ingested."""

import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import feedparser
import yaml

from orchestration.ingest.articles import ArticleInput, ReadResult, Rejection
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
    """What polling one feed found."""

    feed: str
    entries: int
    new_pages: int
    error: str | None = None


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


def read_page(link: str, feed: Feed, published: date | None, policy: IngestPolicy) -> ReadResult:
    """Fetch one entry's page and read it as HTML; failures become rejections."""
    try:
        page = fetch(link, policy)
        result = read_html(link, page.body, url=link)
    except (FetchError, UnreadableInput) as error:
        return ReadResult(rejections=[Rejection.of(link, f"feed {feed.name}: {error}", b"")])
    articles = [
        ArticleInput(
            source=a.source,
            body=a.body,
            title=a.title,
            published_date=a.published_date or published,
            outlet=a.outlet or feed.name,
            url=link,
        )
        for a in result.articles
    ]
    return apply_policy(ReadResult(articles, result.rejections), policy)


def poll_feed(
    feed: Feed, known_urls: set[str], policy: IngestPolicy
) -> tuple[ReadResult, FeedReport]:
    """Read every entry of `feed` whose link is not in `known_urls`."""
    try:
        parsed = feedparser.parse(fetch(feed.url, policy).body)
    except FetchError as error:
        reason = f"feed {feed.name}: {error}"
        return ReadResult(rejections=[Rejection.of(feed.url, reason, b"")]), FeedReport(
            feed.name, 0, 0, str(error)
        )
    if parsed.bozo and not parsed.entries:
        error = f"not a feed: {parsed.get('bozo_exception')}"
        reason = f"feed {feed.name}: {error}"
        return ReadResult(rejections=[Rejection.of(feed.url, reason, b"")]), FeedReport(
            feed.name, 0, 0, error
        )
    result = ReadResult()
    links = [e.get("link") for e in parsed.entries if e.get("link")]
    for entry in parsed.entries:
        link = entry.get("link")
        if link and link not in known_urls:
            result.extend(read_page(link, feed, _entry_date(entry), policy))
            known_urls.add(link)
    new_pages = len(result.articles)
    return result, FeedReport(feed.name, len(links), new_pages)
