"""Warehouse stage: dimensions and facts for analysts, loaded once the checks pass."""

from collections.abc import Iterator

import dagster as dg

from orchestration.core.connection import row_count
from orchestration.core.resources import WarehouseResource
from orchestration.core.settings import DUCKDB_POOL
from orchestration.core.tables import table_specs
from orchestration.quality.assets import STAGING_TABLES
from orchestration.warehouse.load import LOAD_ORDER, awaiting_runs, load_batch
from orchestration.warehouse.marts import create_marts

DESCRIPTIONS = {
    "dim_source": "One outlet or feed.",
    "dim_date": "One calendar day.",
    "dim_entity": "One real-world entity with canonical name, type and country.",
    "dim_entity_alias": "One surface form of an entity.",
    "dim_article": "One article, with its source, date, dateline and word count.",
    "fct_entity_mention": "One entity mention with exact offsets.",
    "fct_figure": "One numeric figure with value (low and high for a range), unit, currency "
    "and qualifier, from the title or the body.",
    "fct_quote": "One quotation with its speaker.",
    "fct_date_reference": "One date expression resolved to ISO.",
    "fct_date_reference_sentence": "The sentence around one date expression.",
    "fct_sentence_tone": "One sentence's tone by VADER: compound score and intensity shares.",
    "fct_theme_mention": "One place an article names a theme of GDELT's GKG taxonomy, with the "
    "words that named it.",
    "fct_count": "One count of those an event befell (killed, wounded, arrested, ...), in "
    "GDELT's count types, with the counted noun and the place.",
    "story_signatures": "The MinHash signature of one article's body and the story it is in.",
    "dim_story": "One story: articles whose bodies are near-copies (a wire story printed by "
    "several outlets, a republished copy), with its first article, title, counts and dates.",
}


@dg.multi_asset(
    specs=table_specs({table: DESCRIPTIONS[table] for table in LOAD_ORDER}, STAGING_TABLES),
    group_name="warehouse",
    pool=DUCKDB_POOL,
)
def warehouse_tables(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource
) -> Iterator[dg.MaterializeResult]:
    """Merge the checked staging batch into the star schema in one transaction, then create or
    refresh the analysts' marts (the views of sql/marts/).

    Reports how many articles still await loading, extracted or not: a backlog larger than one
    batch is extracted and loaded by the runs that follow (`newsledger run` starts them itself;
    the backlog sensor in the UI).
    """
    with warehouse.connect() as con:
        counts = load_batch(con, context.run.run_id)
        batch = row_count(con, "batch_articles")
        create_marts(con)
        awaiting = awaiting_runs(con)
    context.log.info(
        f"loaded {batch} articles into the warehouse"
        + (f"; {awaiting} more await the next batches" if awaiting else "")
    )
    for table in LOAD_ORDER:
        yield dg.MaterializeResult(
            asset_key=table,
            metadata={
                "dagster/row_count": counts[table],
                "articles_loaded": batch,
                "articles_awaiting_load": awaiting,
            },
        )
