"""Which articles the current extractor version still has to extract, as one query that the
extraction asset reads its work from and `newsledger status` counts, and their texts."""

from collections.abc import Sequence

import duckdb

from orchestration.core.sql import read_sql
from orchestration.extract.article_text import ArticleText
from orchestration.extract.version import EXTRACTOR_VERSION


def articles_to_extract(
    con: duckdb.DuckDBPyConnection, article_ids: Sequence[str] | None = None
) -> duckdb.DuckDBPyRelation:
    """The ids of the articles in raw_articles not yet extracted by EXTRACTOR_VERSION (nor
    failed by it), in the stable order extraction takes them; only those of `article_ids` when
    given."""
    return con.sql(
        read_sql("select/select_articles_to_extract.sql"),
        params={
            "extractor_version": EXTRACTOR_VERSION,
            "article_ids": None if article_ids is None else list(article_ids),
        },
    )


def article_texts(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> list[ArticleText]:
    """The texts of the articles `article_ids`, in that order (an id not in raw_articles has
    none)."""
    rows = con.execute(
        read_sql("select/select_article_texts.sql"), {"article_ids": list(article_ids)}
    ).fetchall()
    texts = {row[0]: ArticleText(*row) for row in rows}
    return [texts[article_id] for article_id in article_ids if article_id in texts]
