"""Running a suite over a frame with an ephemeral Great Expectations context."""

import json
import uuid
from dataclasses import asdict, dataclass
from functools import cache

import duckdb
import great_expectations as gx
import pandas as pd
from great_expectations.core.expectation_validation_result import (
    ExpectationSuiteValidationResult,
)
from great_expectations.data_context import AbstractDataContext
from great_expectations.data_context.types.base import ProgressBarsConfig
from great_expectations.expectations import Expectation

from orchestration.sql import read_sql

ERROR = "error"
WARN = "warn"


@dataclass(frozen=True)
class Outcome:
    """The result of one expectation on one frame."""

    suite: str
    expectation: str
    column_name: str | None
    severity: str
    success: bool
    element_count: int | None
    unexpected_count: int | None
    unexpected_percent: float | None
    details: str


@cache
def gx_context() -> AbstractDataContext:
    """One ephemeral context per process, with progress bars off."""
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    return context


def run_suite(
    name: str, expectations: list[Expectation], frame: pd.DataFrame
) -> ExpectationSuiteValidationResult:
    """Validate `frame` against a suite made of `expectations`."""
    context = gx_context()
    source = context.data_sources.add_pandas(f"{name}_{uuid.uuid4().hex[:8]}")
    batch = source.add_dataframe_asset(name).add_batch_definition_whole_dataframe(name)
    suite = gx.ExpectationSuite(name=f"{source.name}_suite", expectations=expectations)
    try:
        return batch.get_batch(batch_parameters={"dataframe": frame}).validate(suite)
    finally:
        context.data_sources.delete(source.name)


def outcomes(name: str, result: ExpectationSuiteValidationResult) -> list[Outcome]:
    """Flatten a validation result into one Outcome per expectation."""
    rows = []
    for item in result.results:
        config = item.expectation_config
        kwargs = config.kwargs
        column = kwargs.get("column") or ",".join(
            kwargs.get("column_list")
            or [c for c in (kwargs.get("column_A"), kwargs.get("column_B")) if c]
        )
        res = item.result or {}
        rows.append(
            Outcome(
                suite=name,
                expectation=config.type,
                column_name=column or None,
                severity=ERROR if str(config.severity.value) == "critical" else WARN,
                success=bool(item.success),
                element_count=res.get("element_count"),
                unexpected_count=res.get("unexpected_count"),
                unexpected_percent=res.get("unexpected_percent"),
                details=json.dumps(
                    {"partial_unexpected_list": res.get("partial_unexpected_list", [])[:10]},
                    default=str,
                ),
            )
        )
    return rows


def validate_frame(
    name: str, expectations: list[Expectation], frame: pd.DataFrame
) -> list[Outcome]:
    """Run the suite and return its outcomes."""
    return outcomes(name, run_suite(name, expectations, frame))


def record_outcomes(con: duckdb.DuckDBPyConnection, run_id: str, results: list[Outcome]) -> None:
    """Append outcomes to dq_results under `run_id`."""
    frame = pd.DataFrame([{"run_id": run_id, **asdict(o)} for o in results])
    con.register("new_outcomes", frame)
    try:
        con.execute(read_sql("load/merge_into_dq_results.sql"))
    finally:
        con.unregister("new_outcomes")
