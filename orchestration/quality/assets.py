"""Quality stage: stage the batch awaiting load as one frame per fact kind, for the checks."""

from collections.abc import Iterator

import dagster as dg

from orchestration.core.connection import row_count, set_run, transactions
from orchestration.core.resources import WarehouseResource
from orchestration.core.settings import DUCKDB_POOL
from orchestration.core.sql import read_sql
from orchestration.core.tables import table_specs
from orchestration.extract.schema import json_structures
from orchestration.quality.suites import SUITES

STAGING_TABLES = list(SUITES)


def staging_parameters(sql: str) -> dict[str, str]:
    """The record structures a staging query names (`$entities`, ...): DuckDB refuses
    parameters a query does not use."""
    return {key: value for key, value in json_structures().items() if f"${key}" in sql}


@dg.multi_asset(
    specs=table_specs({table: SUITES[table].__doc__ for table in STAGING_TABLES}, ["extractions"]),
    group_name="quality",
    pool=DUCKDB_POOL,
)
def staging(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource
) -> Iterator[dg.MaterializeResult]:
    """Flatten the next batch of extractions not yet loaded (at most
    WarehouseResource.batch_articles articles) into staging tables, one per fact kind.

    The tables are replaced in one transaction and tagged with the run id, so checks and the
    load of a run only ever see the rows that run staged.
    """
    with warehouse.connect() as con:
        set_run(con, context.run.run_id)
        con.execute(read_sql("session/use_one_thread.sql"))
        con.execute(read_sql("staging/create_articles_to_load.sql"))
        con.execute(
            read_sql("staging/create_batch_to_load.sql"),
            {"batch_articles": warehouse.batch_articles},
        )
        con.execute(read_sql("staging/create_batch_extractions.sql"))
        for attempt in transactions(con):
            with attempt:
                for table in STAGING_TABLES:
                    sql = read_sql(f"staging/{table}.sql")
                    con.execute(sql, staging_parameters(sql))
        counts = {t: row_count(con, t) for t in STAGING_TABLES}
    for table in STAGING_TABLES:
        yield dg.MaterializeResult(asset_key=table, metadata={"dagster/row_count": counts[table]})
