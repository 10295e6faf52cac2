"""Forgetting articles: every row of a poisoned, retracted or taken-down article, in one
transaction, with an audit row saying who removed what, when and why.

The tables to clear are read from the catalog (every table with an article_id column), so a
table added to sql/schema/ later is cleared too. Entities known only from the forgotten
articles go with them, and so do aliases only their mentions gave an entity that stays.
The stories the articles belonged to are grouped again from the articles they have left.
"""

from dataclasses import dataclass, field
from typing import Any

import duckdb

from orchestration.core.connection import transactions
from orchestration.core.sql import read_sql
from orchestration.warehouse.story_load import regroup_stories


class UnknownArticles(Exception):
    """Some of the articles to forget are not in the warehouse; nothing was deleted."""

    def __init__(self, article_ids: list[str], forgotten: dict[str, str]) -> None:
        named = ", ".join(
            f"{article_id} ({forgotten[article_id]})" if article_id in forgotten else article_id
            for article_id in article_ids
        )
        super().__init__(f"not in the warehouse: {named}; nothing was deleted")
        self.article_ids = article_ids


@dataclass(frozen=True)
class ForgottenArticle:
    """An article that was forgotten, and how many rows each table lost with it."""

    article_id: str
    source: str
    title: str | None
    rows_deleted: dict[str, int] = field(default_factory=dict)

    @property
    def total_rows(self) -> int:
        """Rows deleted over every table."""
        return sum(self.rows_deleted.values())


@dataclass(frozen=True)
class Forgetting:
    """What one `forget` removed: the articles and the entities no other article mentions."""

    articles: list[ForgottenArticle]
    entities_deleted: int
    aliases_deleted: int


def _column(con: duckdb.DuckDBPyConnection, query: str, params: dict[str, Any]) -> list:
    return [row[0] for row in con.execute(read_sql(f"forget/{query}.sql"), params).fetchall()]


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def articles_read_from(con: duckdb.DuckDBPyConnection, sources: list[str]) -> list[str]:
    """The ids of the articles whose body was read from any of `sources` (paths or URLs)."""
    return _column(con, "select_articles_read_from", {"sources": sources})


def _previously_forgotten(con: duckdb.DuckDBPyConnection, article_ids: list[str]) -> dict[str, str]:
    rows = con.execute(read_sql("forget/select_forgotten.sql"), {"article_ids": article_ids})
    return {
        article_id: f"forgotten on {at:%Y-%m-%d %H:%M} by {by}"
        for article_id, by, at in rows.fetchall()
    }


def _deleted(con: duckdb.DuckDBPyConnection, query: str, params: dict[str, Any]) -> int:
    return con.execute(read_sql(f"forget/{query}.sql"), params).fetchone()[0]


def _delete_article(
    con: duckdb.DuckDBPyConnection,
    article_id: str,
    source: str,
    title: str | None,
    tables: list[str],
    forgotten_by: str,
    reason: str | None,
) -> ForgottenArticle:
    template = read_sql("forget/delete_article_rows.sql")
    counts = {
        table: con.execute(
            template.format(table=_quoted(table)), {"article_id": article_id}
        ).fetchone()[0]
        for table in tables
    }
    deleted = {table: count for table, count in counts.items() if count}
    article = ForgottenArticle(article_id, source, title, deleted)
    con.execute(
        read_sql("forget/insert_into_forgotten_articles.sql"),
        {
            "article_id": article_id,
            "source": source,
            "title": title,
            "reason": reason,
            "forgotten_by": forgotten_by,
            "rows_deleted": article.total_rows,
        },
    )
    return article


def forget_articles(
    con: duckdb.DuckDBPyConnection, article_ids: list[str], forgotten_by: str, reason: str | None
) -> Forgetting:
    """Delete every row of `article_ids` and record each in forgotten_articles, in one
    transaction on the writable connection `con`.

    Raises UnknownArticles, before deleting anything, when the warehouse does not hold one of
    them (naming when it was forgotten, if it was).
    """
    wanted = sorted(set(article_ids))
    for attempt in transactions(con):
        with attempt:
            known = {
                article_id: (source, title)
                for article_id, source, title in con.execute(
                    read_sql("forget/select_articles.sql"), {"article_ids": wanted}
                ).fetchall()
            }
            unknown = [article_id for article_id in wanted if article_id not in known]
            if unknown:
                raise UnknownArticles(unknown, _previously_forgotten(con, unknown))
            params = {"article_ids": wanted}
            entities = _column(con, "select_article_entities", params)
            surfaces = con.execute(
                read_sql("forget/select_article_surfaces.sql"), params
            ).fetchall()
            stories = _column(con, "select_article_stories", params)
            tables = _column(con, "select_article_tables", {})
            articles = [
                _delete_article(con, article_id, *known[article_id], tables, forgotten_by, reason)
                for article_id in wanted
            ]
            unreferenced = _column(con, "select_unreferenced_entities", {"entity_ids": entities})
            aliases = _deleted(con, "delete_entity_aliases", {"entity_ids": unreferenced})
            aliases += _deleted(
                con,
                "delete_unused_aliases",
                {"aliases": [a for a, _ in surfaces], "entity_ids": [e for _, e in surfaces]},
            )
            _deleted(con, "delete_entities", {"entity_ids": unreferenced})
            regroup_stories(con, stories)
    return Forgetting(articles, len(unreferenced), aliases)
