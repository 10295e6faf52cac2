"""Reading what the reports show from the warehouse, with the SQL of sql/reports/."""

from typing import Any

import duckdb

from orchestration.core.sql import read_sql

Row = dict[str, Any]

# The facts shown on an article's page: part name -> query under sql/reports/.
ARTICLE_PARTS = {
    "mentions": "select_article_mentions",
    "figures": "select_article_figures",
    "quotes": "select_article_quotes",
    "dates": "select_article_dates",
    "quarantines": "select_article_quarantines",
}


def rows(con: duckdb.DuckDBPyConnection, query: str, params: Row | None = None) -> list[Row]:
    """The result of `sql/<query>.sql` as one dict per row (NULL stays None)."""
    cursor = con.execute(read_sql(f"{query}.sql"), params or {})
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]


def loaded_articles(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Every loaded article id with the time of its latest load, as text."""
    return {r["article_id"]: r["loaded_at"] for r in rows(con, "reports/select_loaded_articles")}


def article_records(con: duckdb.DuckDBPyConnection, article_ids: list[str]) -> list[Row]:
    """Header, text and facts of each article in `article_ids`, one query per kind of fact.

    Each record is the article's header row plus one list of rows per part of ARTICLE_PARTS,
    and under "checks" the outcomes of the run that loaded it: one list shared by every
    article of that run.
    """
    params = {"article_ids": article_ids}
    records = {
        row["article_id"]: {**row, "checks": [], **{part: [] for part in ARTICLE_PARTS}}
        for row in rows(con, "reports/select_article_headers", params)
    }
    for part, query in ARTICLE_PARTS.items():
        for row in rows(con, f"reports/{query}", params):
            records[row.pop("article_id")][part].append(row)
    loading_runs = rows(con, "reports/select_article_loading_runs", params)
    run_ids = sorted({r["run_id"] for r in loading_runs if r["run_id"] is not None})
    checks: dict[str, list[Row]] = {}
    for row in rows(con, "reports/select_run_checks", {"run_ids": run_ids}):
        checks.setdefault(row["run_id"], []).append(row)
    for run in loading_runs:
        records[run["article_id"]]["checks"] = checks.get(run["run_id"], [])
    return [records[article_id] for article_id in article_ids if article_id in records]


def dashboard_rows(
    con: duckdb.DuckDBPyConnection, timeline: int = 12, pairs: int = 30, matrix: int = 15
) -> dict[str, list[Row]]:
    """What the corpus dashboard draws: headline counts and one result per chart.

    The `timeline` most mentioned entities get a timeline, the `pairs` country pairs and
    currencies with the most money figures a row, the `matrix` most mentioned entities a place
    in the co-occurrence matrix.
    """
    return {
        "summary": rows(con, "select/select_run_summary"),
        "mentions": rows(con, "reports/select_mentions_over_time", {"top_n": timeline}),
        "money": rows(con, "reports/select_money_by_country_pair", {"top_n": pairs}),
        "cooccurrence": rows(con, "reports/select_entity_cooccurrence", {"top_n": matrix}),
        "tone": rows(con, "reports/select_tone_over_time"),
    }
