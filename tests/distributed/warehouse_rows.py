"""Reading a warehouse's rows for comparison, the same way from a DuckDB file and from a lake."""

import duckdb

from orchestration.core.connection import connect
from orchestration.core.location import Warehouse

# Tables keyed by one column, each key once.
KEYS = {
    "raw_articles": "article_id",
    "extractions": "article_id",
    "dim_article": "article_id",
    "dim_entity": "entity_id",
    "fct_entity_mention": "mention_id",
    "fct_figure": "figure_id",
    "fct_quote": "quote_id",
    "fct_date_reference": "date_reference_id",
}


def tables(warehouse: Warehouse) -> list[str]:
    """The warehouse's tables, by name."""
    with connect(warehouse, read_only=True) as con:
        rows = con.execute(
            "select table_name from duckdb_tables() "
            "where database_name = current_database() and schema_name = 'main'"
        ).fetchall()
    return sorted(name for (name,) in rows)


def contents(warehouse: Warehouse, table: str, keep_times: bool = False) -> list[tuple]:
    """The rows of `table`, sorted, without the columns that name a run or a moment."""
    with connect(warehouse, read_only=True) as con:
        columns = [
            name
            for name, kind in con.execute(
                "select column_name, data_type from duckdb_columns() "
                "where database_name = current_database() and table_name = ?",
                [table],
            ).fetchall()
            if name != "run_id" and (keep_times or not kind.startswith("TIMESTAMP"))
        ]
        rows = con.table(table).project(*[duckdb.ColumnExpression(c) for c in columns])
        return sorted(rows.fetchall(), key=repr)


def duplicates(warehouse: Warehouse) -> dict[str, int]:
    """Per keyed table, how many rows repeat a key; only the tables where some do."""
    found = {}
    with connect(warehouse, read_only=True) as con:
        for table, key in KEYS.items():
            [(repeated,)] = con.execute(
                f"select count(*) - count(distinct {key}) from {table}"
            ).fetchall()
            if repeated:
                found[table] = repeated
    return found
