"""Loading the staged batch into the star schema in one transaction."""

import duckdb

from orchestration.core.connection import row_count, set_run, transactions
from orchestration.core.sql import read_sql
from orchestration.extract.pending import articles_to_extract
from orchestration.warehouse.story_load import batch_signatures, batch_stories

# Dimensions before facts, so a reader never sees a fact whose keys are missing.
LOAD_ORDER = [
    "dim_source",
    "dim_date",
    "dim_entity",
    "dim_entity_alias",
    "dim_article",
    "fct_entity_mention",
    "fct_figure",
    "fct_quote",
    "fct_date_reference",
    "fct_date_reference_sentence",
    "fct_sentence_tone",
    "fct_theme_mention",
    "fct_count",
    "story_signatures",
    "dim_story",
]


def load_batch(con: duckdb.DuckDBPyConnection, run_id: str) -> dict[str, int]:
    """Merge the rows run `run_id` staged (and kept) into every dimension and fact; all or nothing.

    The batch's new articles join the stories of the articles they copy (see story_load.py);
    their signatures are made before the transaction, as they depend on the bodies alone.
    Returns the row count of each table after the load.
    """
    set_run(con, run_id)
    con.execute(read_sql("load/create_batch_views.sql"))
    new = batch_signatures(con)
    for attempt in transactions(con):
        with attempt, batch_stories(con, new):
            for table in LOAD_ORDER:
                con.execute(read_sql(f"load/merge_into_{table}.sql"))
    return {table: row_count(con, table) for table in LOAD_ORDER}


def awaiting_load(con: duckdb.DuckDBPyConnection) -> int:
    """How many articles await loading: extracted, not loaded, not held back."""
    con.execute(read_sql("staging/create_articles_to_load.sql"))
    return row_count(con, "articles_to_load")


def awaiting_runs(con: duckdb.DuckDBPyConnection) -> int:
    """How many articles later runs will take on: those awaiting loading, and those awaiting
    extraction (a run extracts one batch of them)."""
    return awaiting_load(con) + len(articles_to_extract(con))
