"""Writing what the readers produced into raw_articles, article_sources and rejected_inputs."""

from dataclasses import dataclass

import duckdb
import pyarrow as pa

from orchestration.core.connection import transactions
from orchestration.core.sql import read_sql
from orchestration.ingest.articles import ArticleInput, Rejection

# Dates stay plain dates end to end (date32), so any year a date object can hold is stored as is.
ARTICLE_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("source", pa.string()),
        ("outlet", pa.string()),
        ("url", pa.string()),
        ("title", pa.string()),
        ("body", pa.string()),
        ("published_date", pa.date32()),
        ("published_date_source", pa.string()),
        ("relative_path", pa.string()),
        ("language", pa.string()),
        ("language_confidence", pa.float64()),
        ("authors", pa.list_(pa.string())),
    ]
)
REJECTION_SCHEMA = pa.schema(
    [
        ("source", pa.string()),
        ("reason", pa.string()),
        ("size_bytes", pa.int64()),
        ("sha256", pa.string()),
    ]
)


@dataclass(frozen=True)
class IngestCounts:
    """What one ingestion added."""

    read: int
    new_article_ids: list[str]
    rejected: int
    new_rejections: int


def articles_table(articles: list[ArticleInput]) -> pa.Table:
    """The articles as an Arrow table with the columns of raw_articles."""
    fields = ARTICLE_SCHEMA.names[1:]
    rows = [{"article_id": a.article_id, **{f: getattr(a, f) for f in fields}} for a in articles]
    return pa.Table.from_pylist(rows, schema=ARTICLE_SCHEMA)


def rejections_table(rejections: list[Rejection]) -> pa.Table:
    """The rejections as an Arrow table with the columns of rejected_inputs."""
    rows = [{name: getattr(r, name) for name in REJECTION_SCHEMA.names} for r in rejections]
    return pa.Table.from_pylist(rows, schema=REJECTION_SCHEMA)


def without_forgotten(
    con: duckdb.DuckDBPyConnection, articles: list[ArticleInput]
) -> tuple[list[ArticleInput], list[Rejection]]:
    """The articles not removed by `newsledger forget`, and a rejection for each one that was:
    a retracted or taken-down article stays out when its file is read again."""
    ids = [a.article_id for a in articles]
    forgotten = dict(
        con.execute(
            read_sql("select/select_forgotten_articles.sql"), {"article_ids": ids}
        ).fetchall()
    )
    if not forgotten:
        return articles, []
    kept = [a for a in articles if a.article_id not in forgotten]
    refused = [
        Rejection.of(a.source, forgotten[a.article_id], a.body.encode())
        for a in articles
        if a.article_id in forgotten
    ]
    return kept, refused


def store_inputs(
    con: duckdb.DuckDBPyConnection, articles: list[ArticleInput], rejections: list[Rejection]
) -> IngestCounts:
    """Insert new articles and rejections in one transaction; known ones are left as they are,
    and forgotten ones become rejections."""
    articles, refused = without_forgotten(con, articles)
    rejections = [*rejections, *refused]
    con.register("incoming_articles", articles_table(articles))
    con.register("incoming_rejections", rejections_table(rejections))
    try:
        for attempt in transactions(con):
            with attempt:
                merged = con.execute(read_sql("select/select_new_articles.sql")).fetchall()
                [(new_rejections,)] = con.execute(
                    read_sql("select/select_new_rejections.sql")
                ).fetchall()
                con.execute(read_sql("load/merge_into_raw_articles.sql"))
                con.execute(read_sql("load/merge_into_article_sources.sql"))
                con.execute(read_sql("load/merge_into_rejected_inputs.sql"))
    finally:
        con.unregister("incoming_articles")
        con.unregister("incoming_rejections")
    return IngestCounts(len(articles), [r[0] for r in merged], len(rejections), new_rejections)
