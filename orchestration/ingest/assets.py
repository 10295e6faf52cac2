"""Ingest stage: read article files into raw_articles; quarantine the unreadable."""

from collections.abc import Iterator
from pathlib import Path

import dagster as dg
from pydantic import Field

from orchestration.ingest.articles import ArticleInput, Rejection
from orchestration.ingest.load import store_inputs
from orchestration.ingest.readers import discover, read_path
from orchestration.resources import WarehouseResource
from orchestration.settings import DEFAULT_SOURCES, DUCKDB_POOL


class IngestConfig(dg.Config):
    """Which files or folders to read; empty means data/articles/ and data/inbox/."""

    paths: list[str] = Field(default_factory=list)


def read_all(paths: list[Path]) -> tuple[list[ArticleInput], list[Rejection]]:
    """Read every supported file under `paths`, separating articles from rejections."""
    articles: list[ArticleInput] = []
    rejections: list[Rejection] = []
    for path in discover(paths):
        result = read_path(path)
        if isinstance(result, Rejection):
            rejections.append(result)
        else:
            articles.extend(result)
    return articles, rejections


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            "raw_articles", description="One row per distinct article body.", kinds={"duckdb"}
        ),
        dg.AssetSpec(
            "article_sources", description="Every source each body was read from.", kinds={"duckdb"}
        ),
        dg.AssetSpec(
            "rejected_inputs",
            description="Inputs that could not be read, with the reason.",
            kinds={"duckdb"},
        ),
    ],
    group_name="ingest",
    pool=DUCKDB_POOL,
)
def raw_articles(
    context: dg.AssetExecutionContext, config: IngestConfig, warehouse: WarehouseResource
) -> Iterator[dg.MaterializeResult]:
    """Read article files (txt, json) into raw_articles keyed by the hash of the body."""
    paths = [Path(p) for p in config.paths] or list(DEFAULT_SOURCES)
    articles, rejections = read_all(paths)
    for rejection in rejections:
        context.log.warning(f"rejected {rejection.source}: {rejection.reason}")
    with warehouse.connect() as con:
        counts = store_inputs(con, articles, rejections)
    context.log.info(
        f"read {counts.read} articles, {counts.new_articles} new; {counts.rejected} rejected"
    )
    yield dg.MaterializeResult(
        asset_key="raw_articles",
        metadata={"articles_read": counts.read, "new_articles": counts.new_articles},
    )
    yield dg.MaterializeResult(asset_key="article_sources", metadata={"sources_read": counts.read})
    yield dg.MaterializeResult(
        asset_key="rejected_inputs",
        metadata={
            "rejected": counts.rejected,
            "new_rejections": counts.new_rejections,
            "reasons": dg.MetadataValue.md(
                "\n".join(f"- `{r.source}`: {r.reason}" for r in rejections) or "none"
            ),
        },
    )
