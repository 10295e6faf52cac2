"""Quality stage: stage the batch awaiting load as one frame per fact kind, for the checks."""

from collections.abc import Iterator

import dagster as dg

from orchestration.quality.suites import SUITES
from orchestration.resources import WarehouseResource
from orchestration.settings import DUCKDB_POOL
from orchestration.sql import read_sql
from orchestration.warehouse.connection import row_count, set_run, transaction

STAGING_TABLES = list(SUITES)


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            table, deps=["extractions"], kinds={"duckdb"}, description=SUITES[table].__doc__
        )
        for table in STAGING_TABLES
    ],
    group_name="quality",
    pool=DUCKDB_POOL,
)
def staging(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource
) -> Iterator[dg.MaterializeResult]:
    """Flatten the extractions not yet loaded into staging tables, one per fact kind.

    The tables are replaced in one transaction and tagged with the run id, so checks and the
    load of a run only ever see the rows that run staged.
    """
    with warehouse.connect() as con:
        set_run(con, context.run.run_id)
        con.execute(read_sql("session/use_one_thread.sql"))
        with transaction(con):
            for table in STAGING_TABLES:
                con.execute(read_sql(f"staging/{table}.sql"))
        counts = {t: row_count(con, t) for t in STAGING_TABLES}
    for table in STAGING_TABLES:
        yield dg.MaterializeResult(asset_key=table, metadata={"dagster/row_count": counts[table]})
