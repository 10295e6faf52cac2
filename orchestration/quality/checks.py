"""Blocking asset checks that run the Great Expectations suites and record every outcome."""

from pathlib import Path

import dagster as dg
import pandas as pd

from orchestration.quality.suites import SUITES
from orchestration.quality.validation import ERROR, Outcome, record_outcomes, validate_frame
from orchestration.resources import QualityResource, WarehouseResource
from orchestration.settings import DUCKDB_POOL


def check_result(outcomes: list[Outcome], docs_page: str | None = None) -> dg.AssetCheckResult:
    """Fail with ERROR severity when an error-level expectation failed, WARN for warnings only."""
    failed = [o for o in outcomes if not o.success]
    errors = [o for o in failed if o.severity == ERROR]
    table = pd.DataFrame(
        [
            {"expectation": o.expectation, "column": o.column_name, "severity": o.severity,
             "unexpected": o.unexpected_count}
            for o in failed
        ]
    )  # fmt: skip
    return dg.AssetCheckResult(
        passed=not failed,
        severity=dg.AssetCheckSeverity.ERROR if errors else dg.AssetCheckSeverity.WARN,
        metadata={
            "expectations": len(outcomes),
            "failed_errors": len(errors),
            "failed_warnings": len(failed) - len(errors),
            "failures": dg.MetadataValue.md(table.to_markdown(index=False) if failed else "none"),
            **({"data_docs": dg.MetadataValue.url(docs_page)} if docs_page else {}),
        },
    )


def expectations_check(table: str) -> dg.AssetChecksDefinition:
    """A blocking check that validates `table` with its suite."""

    @dg.asset_check(
        asset=table,
        name="great_expectations",
        description=f"Great Expectations suite for {table}; error-level failures block the load.",
        blocking=True,
        pool=DUCKDB_POOL,
    )
    def _check(
        context: dg.AssetCheckExecutionContext,
        warehouse: WarehouseResource,
        quality: QualityResource,
    ) -> dg.AssetCheckResult:
        with warehouse.connect() as con:
            frame = con.table(table).df()
            outcomes, docs_page = validate_frame(
                table, SUITES[table](), frame, Path(quality.docs_dir)
            )
            record_outcomes(con, context.run.run_id, outcomes)
        for outcome in outcomes:
            if not outcome.success:
                context.log.warning(
                    f"{table}: {outcome.expectation} on {outcome.column_name} failed "
                    f"({outcome.severity}, {outcome.unexpected_count} unexpected)"
                )
        return check_result(outcomes, docs_page)

    return _check


staging_checks = [expectations_check(table) for table in SUITES]
