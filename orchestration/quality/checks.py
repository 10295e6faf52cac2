"""Blocking asset checks that run the Great Expectations suites and record every outcome.

Error-level failures confined to a few articles quarantine those articles (the rest of the
batch loads); a systemic failure fails the check with ERROR severity, which blocks the load.
"""

from pathlib import Path

import dagster as dg
import duckdb
import pandas as pd

from orchestration.core.connection import set_run
from orchestration.core.resources import WarehouseResource
from orchestration.core.settings import DUCKDB_POOL
from orchestration.quality.quarantine import Verdict, apply_quarantine, decide, staged_articles
from orchestration.quality.resources import QualityResource
from orchestration.quality.suites import SUITES
from orchestration.quality.validation import Outcome, record_outcomes, validate_frame


def check_result(
    outcomes: list[Outcome], verdict: Verdict, docs_page: str | None = None
) -> dg.AssetCheckResult:
    """ERROR severity when the verdict blocks the load; WARN for quarantines and warnings."""
    failed = [o for o in outcomes if not o.success]
    table = pd.DataFrame(
        [
            {"expectation": o.expectation, "column": o.column_name, "severity": o.severity,
             "unexpected": o.unexpected_count}
            for o in failed
        ]
    )  # fmt: skip
    return dg.AssetCheckResult(
        passed=not failed,
        severity=dg.AssetCheckSeverity.ERROR if verdict.blocking else dg.AssetCheckSeverity.WARN,
        metadata={
            "expectations": len(outcomes),
            "failed": len(failed),
            "verdict": verdict.reason,
            "quarantined_articles": sorted(verdict.quarantine),
            "failures": dg.MetadataValue.md(table.to_markdown(index=False) if failed else "none"),
            **({"data_docs": dg.MetadataValue.url(docs_page)} if docs_page else {}),
        },
    )


def this_run_rows(con: duckdb.DuckDBPyConnection, table: str, run_id: str) -> pd.DataFrame:
    """The rows of `table` this run staged."""
    run = duckdb.ColumnExpression("run_id") == duckdb.ConstantExpression(run_id)
    return con.table(table).filter(run).df()


def expectations_check(table: str) -> dg.AssetChecksDefinition:
    """A blocking check that validates this run's rows of `table` with its suite."""

    @dg.asset_check(
        asset=table,
        name="great_expectations",
        description=(
            f"Great Expectations suite for {table}: failing articles are quarantined; "
            "a systemic failure blocks the load."
        ),
        blocking=True,
        pool=DUCKDB_POOL,
    )
    def _check(
        context: dg.AssetCheckExecutionContext,
        warehouse: WarehouseResource,
        quality: QualityResource,
    ) -> dg.AssetCheckResult:
        run_id = context.run.run_id
        with warehouse.connect() as con:
            set_run(con, run_id)
            frame = this_run_rows(con, table, run_id)
            outcomes, docs_page = validate_frame(
                table, SUITES[table](), frame, Path(quality.docs_dir)
            )
            record_outcomes(con, run_id, outcomes)
            verdict = decide(outcomes, staged_articles(con), quality.max_failure_share)
            if verdict.quarantine and not verdict.blocking:
                apply_quarantine(con, table, verdict)
        for outcome in outcomes:
            if not outcome.success:
                context.log.warning(
                    f"{table}: {outcome.expectation} on {outcome.column_name} failed "
                    f"({outcome.severity}, {outcome.unexpected_count} unexpected)"
                )
        if verdict.quarantine or verdict.blocking:
            context.log.warning(f"{table}: {verdict.reason}")
        return check_result(outcomes, verdict, docs_page)

    return _check


staging_checks = [expectations_check(table) for table in SUITES]
