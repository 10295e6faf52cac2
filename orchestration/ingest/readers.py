"""Reading input files into articles, or into rejections with a reason.

Listing (orchestration.ingest.listing) and reading (orchestration.ingest.files) are two steps;
here each file's bytes go to the reader for its format, and the articles must meet the limits.
Nothing one input holds or does can raise out of `read_path` or `read_paths`.
"""

import dataclasses
import hashlib
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Protocol

from orchestration.ingest.articles import ArticleInput, ReadResult, Rejection, word_count
from orchestration.ingest.files import Refused, read_bytes
from orchestration.ingest.formats import read_json, read_jsonl, read_markdown, read_txt
from orchestration.ingest.html import read_html
from orchestration.ingest.language import with_language
from orchestration.ingest.listing import ListedFile, list_inputs, source_of
from orchestration.ingest.policy import DEFAULT_POLICY, IngestPolicy
from orchestration.ingest.text import UnreadableInput, valid_text


class Reader(Protocol):
    """Turns one input's bytes into articles; raises UnreadableInput with the reason."""

    def __call__(self, source: str, data: bytes, *, policy: IngestPolicy) -> ReadResult: ...


READERS: dict[str, Reader] = {
    ".txt": read_txt,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".json": read_json,
    ".jsonl": read_jsonl,
    ".html": read_html,
    ".htm": read_html,
}


def within_window(article: ArticleInput, earliest: date, latest: date) -> ArticleInput:
    """The article, without a publication date outside [earliest, latest]; the source says why."""
    published = article.published_date
    if published is None or earliest <= published <= latest:
        return article
    reason = (
        f"rejected: {published.isoformat()} is before the earliest accepted date {earliest}"
        if published < earliest
        else f"rejected: {published.isoformat()} is after the latest accepted date {latest}"
    )
    return dataclasses.replace(article, published_date=None, published_date_source=reason)


def apply_policy(result: ReadResult, policy: IngestPolicy, today: date | None = None) -> ReadResult:
    """Move articles too short or too long to be news into the rejections, drop publication
    dates outside the accepted window (counted from `today`, by default the current date), and
    detect the language of the articles admitted.
    """
    admitted = ReadResult(rejections=list(result.rejections))
    latest = policy.latest_published(today)
    for article in result.articles:
        words = word_count(article.body)
        if words < policy.min_words:
            reason = f"body too short to be an article: {words} words (minimum {policy.min_words})"
        elif words > policy.max_words:
            reason = f"body too long to be an article: {words} words (maximum {policy.max_words})"
        else:
            dated = within_window(article, policy.earliest_published, latest)
            admitted.articles.append(with_language(dated))
            continue
        admitted.rejections.append(Rejection.of(article.source, reason, article.body.encode()))
    return admitted


def in_folder(result: ReadResult, listed: ListedFile) -> ReadResult:
    """The articles read from `listed`, each with its path relative to the folder it was read
    from, followed by its place in the file when the reader gave one ("#L3")."""
    source = source_of(listed.path)
    articles = [
        dataclasses.replace(a, relative_path=listed.relative_path + a.source.removeprefix(source))
        for a in result.articles
    ]
    return ReadResult(articles, result.rejections)


def read_file(listed: ListedFile, policy: IngestPolicy = DEFAULT_POLICY) -> ReadResult:
    """Read one listed file into its articles; whatever cannot be read becomes a Rejection.

    Never raises: an unforeseen error is a rejection naming the exception.
    """
    source, data = source_of(listed.path), b""
    try:
        data = read_bytes(listed, policy)
        reader = READERS.get(listed.path.suffix.lower())
        if reader is None:
            raise UnreadableInput(f"unsupported file type {listed.path.suffix or '(none)'}")
        return in_folder(apply_policy(reader(source, data, policy=policy), policy), listed)
    except Refused as refused:
        digest = hashlib.sha256(refused.data).hexdigest()
        return ReadResult(rejections=[Rejection(source, str(refused), refused.size, digest)])
    except UnreadableInput as error:
        return ReadResult(rejections=[Rejection.of(source, valid_text(str(error)), data)])
    except Exception as error:  # one input must never stop the others
        reason = valid_text(f"unexpected {type(error).__name__}: {error}")
        return ReadResult(rejections=[Rejection.of(source, reason, data)])


def read_batches(
    paths: Iterable[Path], batch_articles: int, policy: IngestPolicy = DEFAULT_POLICY
) -> Iterator[ReadResult]:
    """Read every file under `paths`, a result at a time: each holds at least `batch_articles`
    articles (one file's articles stay together) or is the last, so a caller that stores each
    before asking for the next holds one batch in memory however many files there are. The
    entries refused by the listing come with the first."""
    listing = list_inputs(paths, READERS)
    batch = ReadResult(rejections=list(listing.rejections))
    for listed in listing.files:
        batch.extend(read_file(listed, policy))
        if len(batch.articles) >= batch_articles:
            yield batch
            batch = ReadResult()
    if batch.articles or batch.rejections:
        yield batch


def read_paths(paths: Iterable[Path], policy: IngestPolicy = DEFAULT_POLICY) -> ReadResult:
    """Read every file under `paths`; every entry not read as an article is a rejection."""
    result = ReadResult()
    for batch in read_batches(paths, sys.maxsize, policy):
        result.extend(batch)
    return result


def read_path(path: Path, policy: IngestPolicy = DEFAULT_POLICY) -> ReadResult:
    """Read one file (or every file of one folder); whatever cannot be read is a Rejection."""
    return read_paths([path], policy)
