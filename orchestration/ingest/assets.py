"""Ingest stage: read article files and feeds into raw_articles; record the unreadable."""

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import dagster as dg
import pandas as pd

from orchestration.core.previews import PREVIEW_ROWS, preview_markdown
from orchestration.core.resources import WarehouseResource
from orchestration.core.settings import DUCKDB_POOL
from orchestration.core.sql import read_sql
from orchestration.ingest.articles import ReadResult, Rejection, word_count
from orchestration.ingest.feed_state import LastFetch, last_fetches, record_fetches
from orchestration.ingest.feeds import Crawl, FeedReport, poll_feed
from orchestration.ingest.feeds_file import FeedsFileError
from orchestration.ingest.load import IngestCounts, store_inputs
from orchestration.ingest.readers import read_batches
from orchestration.ingest.resources import SourcesResource


class IngestConfig(dg.Config):
    """What to read. By default the configured folders (data/articles/, data/inbox/)."""

    paths: list[str] | None = None
    fetch_feeds: bool = False


def poll_feeds(
    sources: SourcesResource, known_urls: set[str], last: dict[str, LastFetch]
) -> tuple[ReadResult, list[FeedReport]]:
    """Poll every configured feed, each conditionally on its `last` fetch, their requests to
    each host spaced over the whole run; one failing feed does not stop the others, and a
    feeds file that cannot be used is itself a rejection."""
    try:
        config = sources.feeds_config()
    except FeedsFileError as error:
        return ReadResult(rejections=[Rejection.of(sources.feeds_file, str(error), b"")]), []
    crawl = Crawl.start(sources.feed_policy(config))
    result, reports = ReadResult(), []
    for feed in config.feeds:
        previous = last[feed.url].validators if feed.url in last else None
        feed_result, report = poll_feed(feed, known_urls, crawl, previous)
        result.extend(feed_result)
        reports.append(report)
    return result, reports


def feed_row(report: FeedReport) -> dict[str, Any]:
    """A feed's line in the run's metadata: what polling it found."""
    return {
        "feed": report.feed,
        "status": report.http_status,
        "entries": report.entries,
        "new_pages": report.new_pages,
        "deferred": report.deferred,
        "error": report.error,
    }


@dataclass
class StoredInputs:
    """What the batches of one ingestion stored: counts, the first new articles, and every
    rejection (each named in the run's metadata: few, next to the articles)."""

    read: int = 0
    new: int = 0
    rejected: int = 0
    new_rejections: int = 0
    preview: list[dict[str, Any]] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)

    def add(self, batch: ReadResult, counts: IngestCounts) -> None:
        """Count one stored batch, and keep its first new articles for the preview."""
        self.read += counts.read
        self.new += len(counts.new_article_ids)
        self.rejected += counts.rejected
        self.new_rejections += counts.new_rejections
        self.rejections.extend(batch.rejections)
        new = set(counts.new_article_ids)
        added = (a for a in batch.articles if a.article_id in new)
        self.preview.extend(
            {
                "source": a.source,
                "title": a.title,
                "words": word_count(a.body),
                "language": a.language,
            }
            for a in itertools.islice(added, PREVIEW_ROWS - len(self.preview))
        )


@dg.multi_asset(
    specs=[
        dg.AssetSpec(name, description=description, kinds={"duckdb"})
        for name, description in [
            ("raw_articles", "One row per distinct article body."),
            ("article_sources", "Every source each body was read from."),
            ("rejected_inputs", "Inputs that could not be read, with the reason."),
        ]
    ],
    group_name="ingest",
    pool=DUCKDB_POOL,
)
def raw_articles(
    context: dg.AssetExecutionContext,
    config: IngestConfig,
    warehouse: WarehouseResource,
    sources: SourcesResource,
) -> Iterator[dg.MaterializeResult]:
    """Read articles (txt, md, json, jsonl, html, feeds) into raw_articles, keyed by body hash.

    The files are read and stored a batch at a time (WarehouseResource.batch_articles), each
    batch in its own transaction, so a large drop of files does not have to fit in memory.
    """
    paths = [Path(p) for p in (sources.folders if config.paths is None else config.paths)]
    # Writable first, so that the schema is brought up to date (columns added since the
    # warehouse was made, which extraction reads) even by a run that reads nothing new.
    with warehouse.connect():
        pass
    batches: Iterator[ReadResult] = read_batches(paths, warehouse.batch_articles, sources.policy())
    reports: list[FeedReport] = []
    if config.fetch_feeds:
        with warehouse.connect() as con:
            known = {r[0] for r in con.execute(read_sql("select/select_known_urls.sql")).fetchall()}
            last = last_fetches(con)
        feed_result, reports = poll_feeds(sources, known, last)
        batches = itertools.chain(batches, [feed_result])
    for report in reports:
        if report.error:
            context.log.error(f"feed {report.feed} failed: {report.error}")
    stored = StoredInputs()
    for batch in batches:
        for rejection in batch.rejections:
            context.log.warning(f"rejected {rejection.source}: {rejection.reason}")
        with warehouse.connect() as con:
            stored.add(batch, store_inputs(con, batch.articles, batch.rejections))
    if reports:
        with warehouse.connect() as con:
            record_fetches(con, reports)
    context.log.info(f"read {stored.read} articles, {stored.new} new; {stored.rejected} rejected")
    yield dg.MaterializeResult(
        asset_key="raw_articles",
        metadata={
            "articles_read": stored.read,
            "new_articles": stored.new,
            "new_articles_preview": dg.MetadataValue.md(
                preview_markdown(stored.preview, stored.new, "new articles")
                if stored.preview
                else "no new articles"
            ),
            "feeds": dg.MetadataValue.md(
                pd.DataFrame([feed_row(r) for r in reports]).to_markdown(index=False)
                if reports
                else "not polled"
            ),
        },
    )
    yield dg.MaterializeResult(asset_key="article_sources", metadata={"sources_read": stored.read})
    yield dg.MaterializeResult(
        asset_key="rejected_inputs",
        metadata={
            "rejected": stored.rejected,
            "new_rejections": stored.new_rejections,
            "reasons": dg.MetadataValue.md(
                "\n".join(f"- `{r.source}`: {r.reason}" for r in stored.rejections) or "none"
            ),
        },
    )
