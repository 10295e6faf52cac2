"""Ingest stage: read article files and feeds into raw_articles; record the unreadable."""

import itertools
from collections.abc import Iterator
from pathlib import Path

import dagster as dg
import pandas as pd

from orchestration.core.previews import PREVIEW_ROWS, preview_markdown
from orchestration.core.resources import WarehouseResource
from orchestration.core.settings import DUCKDB_POOL
from orchestration.core.sql import read_sql
from orchestration.ingest.articles import ArticleInput, ReadResult, word_count
from orchestration.ingest.feeds import FeedReport, poll_feed
from orchestration.ingest.load import store_inputs
from orchestration.ingest.readers import read_paths
from orchestration.ingest.resources import SourcesResource


class IngestConfig(dg.Config):
    """What to read. By default the configured folders (data/articles/, data/inbox/)."""

    paths: list[str] | None = None
    fetch_feeds: bool = False


def poll_feeds(
    sources: SourcesResource, known_urls: set[str]
) -> tuple[ReadResult, list[FeedReport]]:
    """Poll every configured feed; one failing feed does not stop the others."""
    result, reports = ReadResult(), []
    for feed in sources.feeds():
        feed_result, report = poll_feed(feed, known_urls, sources.policy())
        result.extend(feed_result)
        reports.append(report)
    return result, reports


def preview(articles: list[ArticleInput], new_ids: list[str]) -> str:
    """A Markdown table of the first articles this run added."""
    new = set(new_ids)
    added = (a for a in articles if a.article_id in new)
    rows = [
        {"source": a.source, "title": a.title, "words": word_count(a.body)}
        for a in itertools.islice(added, PREVIEW_ROWS)
    ]
    return preview_markdown(rows, len(new), "new articles") if rows else "no new articles"


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
    """Read articles (txt, md, json, jsonl, html, feeds) into raw_articles, keyed by body hash."""
    paths = [Path(p) for p in (sources.folders if config.paths is None else config.paths)]
    result = read_paths(paths, sources.policy())
    reports: list[FeedReport] = []
    if config.fetch_feeds:
        with warehouse.connect() as con:
            known = {r[0] for r in con.execute(read_sql("select/select_known_urls.sql")).fetchall()}
        feed_result, reports = poll_feeds(sources, known)
        result.extend(feed_result)
    for report in reports:
        if report.error:
            context.log.error(f"feed {report.feed} failed: {report.error}")
    for rejection in result.rejections:
        context.log.warning(f"rejected {rejection.source}: {rejection.reason}")
    with warehouse.connect() as con:
        counts = store_inputs(con, result.articles, result.rejections)
    context.log.info(
        f"read {counts.read} articles, {len(counts.new_article_ids)} new; "
        f"{counts.rejected} rejected"
    )
    yield dg.MaterializeResult(
        asset_key="raw_articles",
        metadata={
            "articles_read": counts.read,
            "new_articles": len(counts.new_article_ids),
            "new_articles_preview": dg.MetadataValue.md(
                preview(result.articles, counts.new_article_ids)
            ),
            "feeds": dg.MetadataValue.md(
                pd.DataFrame([r.__dict__ for r in reports]).to_markdown(index=False)
                if reports
                else "not polled"
            ),
        },
    )
    yield dg.MaterializeResult(asset_key="article_sources", metadata={"sources_read": counts.read})
    yield dg.MaterializeResult(
        asset_key="rejected_inputs",
        metadata={
            "rejected": counts.rejected,
            "new_rejections": counts.new_rejections,
            "reasons": dg.MetadataValue.md(
                "\n".join(f"- `{r.source}`: {r.reason}" for r in result.rejections) or "none"
            ),
        },
    )
