"""Writing what the readers produced into raw_articles, article_sources and rejected_inputs."""

from dataclasses import asdict, dataclass

import duckdb
import pandas as pd

from orchestration.ingest.articles import ArticleInput, Rejection
from orchestration.sql import read_sql
from orchestration.warehouse.connection import transaction

ARTICLE_COLUMNS = ["article_id", "source", "outlet", "url", "title", "body", "published_date"]
REJECTION_COLUMNS = ["source", "reason", "size_bytes", "sha256"]


@dataclass(frozen=True)
class IngestCounts:
    """What one ingestion added."""

    read: int
    new_article_ids: list[str]
    rejected: int
    new_rejections: int


def articles_frame(articles: list[ArticleInput]) -> pd.DataFrame:
    """The articles as a frame with the columns of raw_articles."""
    rows = [{**asdict(a), "article_id": a.article_id} for a in articles]
    frame = pd.DataFrame(rows, columns=ARTICLE_COLUMNS)
    frame["published_date"] = pd.to_datetime(frame["published_date"]).dt.date
    return frame


def store_inputs(
    con: duckdb.DuckDBPyConnection, articles: list[ArticleInput], rejections: list[Rejection]
) -> IngestCounts:
    """Insert new articles and rejections in one transaction; known ones are left as they are."""
    rejected = pd.DataFrame([asdict(r) for r in rejections], columns=REJECTION_COLUMNS)
    con.register("incoming_articles", articles_frame(articles))
    con.register("incoming_rejections", rejected)
    try:
        with transaction(con):
            merged = con.execute(read_sql("load/merge_into_raw_articles.sql")).fetchall()
            con.execute(read_sql("load/merge_into_article_sources.sql"))
            new_rejections = len(
                con.execute(read_sql("load/merge_into_rejected_inputs.sql")).fetchall()
            )
    finally:
        con.unregister("incoming_articles")
        con.unregister("incoming_rejections")
    return IngestCounts(len(articles), [r[0] for r in merged], len(rejections), new_rejections)
