"""Running a suite over a frame with an ephemeral Great Expectations context."""

import json
import uuid
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

import duckdb
import great_expectations as gx
import pandas as pd
from great_expectations.checkpoint import UpdateDataDocsAction
from great_expectations.core.expectation_validation_result import (
    ExpectationSuiteValidationResult,
)
from great_expectations.data_context import AbstractDataContext
from great_expectations.data_context.types.base import ProgressBarsConfig
from great_expectations.expectations import Expectation

from orchestration.core.sql import read_sql

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
    failing_article_ids: tuple[str | None, ...] = ()


DOCS_SITE = "newsledger"
# The Data Docs views, which compile each template once per process.
DOCS_VIEWS = "orchestration.quality.docs_views"
# Every failing row, named by its article, so one bad article can be held back on its own.
RESULT_FORMAT = {"result_format": "COMPLETE", "unexpected_index_column_names": ["article_id"]}


@dataclass(frozen=True)
class Validation:
    """A suite's result on a frame, and where its Data Docs page was written (if anywhere)."""

    result: ExpectationSuiteValidationResult
    docs_page: str | None


@cache
def gx_context(docs_dir: str | None) -> AbstractDataContext:
    """One ephemeral context per process and docs folder, with progress bars off.

    The Data Docs site has no pages of bare suites: each check's validation page lists its
    suite's expectations with their results, and rendering the suite's page as well took
    about 30 ms of every check. Its pages are rendered by the views of `docs_views`.
    """
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    if docs_dir:
        context.add_data_docs_site(
            site_name=DOCS_SITE,
            site_config={
                "class_name": "SiteBuilder",
                "site_index_builder": {
                    "class_name": "DefaultSiteIndexBuilder",
                    "view": {"module_name": DOCS_VIEWS, "class_name": "IndexPageView"},
                },
                "site_section_builders": {
                    "expectations": "None",
                    "validations": {"view": {"module_name": DOCS_VIEWS, "class_name": "PageView"}},
                },
                "store_backend": {
                    "class_name": "TupleFilesystemStoreBackend",
                    "base_directory": docs_dir,
                },
            },
        )
    return context


def run_suite(
    name: str, expectations: list[Expectation], frame: pd.DataFrame, docs_dir: Path | None = None
) -> Validation:
    """Validate `frame` against a suite made of `expectations`.

    With `docs_dir`, the result is also rendered as Great Expectations Data Docs there.
    """
    context = gx_context(str(docs_dir) if docs_dir else None)
    unique = f"{name}_{uuid.uuid4().hex[:8]}"
    source = context.data_sources.add_pandas(unique)
    batch = source.add_dataframe_asset(name).add_batch_definition_whole_dataframe(name)
    suite = context.suites.add(gx.ExpectationSuite(name=name, expectations=expectations))
    definition = context.validation_definitions.add(
        gx.ValidationDefinition(name=unique, data=batch, suite=suite)
    )
    actions = [UpdateDataDocsAction(name="docs", site_names=[DOCS_SITE])] if docs_dir else []
    checkpoint = context.checkpoints.add(
        gx.Checkpoint(
            name=unique,
            validation_definitions=[definition],
            actions=actions,
            result_format=RESULT_FORMAT,
        )
    )
    try:
        run = checkpoint.run(batch_parameters={"dataframe": frame})
        [(identifier, result)] = run.run_results.items()
        page = None
        if docs_dir:
            [site] = context.get_docs_sites_urls(
                resource_identifier=identifier, site_names=[DOCS_SITE]
            )
            page = site["site_url"]
        return Validation(result, page)
    finally:
        context.checkpoints.delete(unique)
        context.validation_definitions.delete(unique)
        context.suites.delete(name)
        context.data_sources.delete(unique)


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
                failing_article_ids=tuple(
                    sorted(
                        {row.get("article_id") for row in res.get("unexpected_index_list") or []},
                        key=str,
                    )
                ),
            )
        )
    return rows


def validate_frame(
    name: str, expectations: list[Expectation], frame: pd.DataFrame, docs_dir: Path | None = None
) -> tuple[list[Outcome], str | None]:
    """Run the suite; return its outcomes and the URL of its Data Docs page (if rendered)."""
    validation = run_suite(name, expectations, frame, docs_dir)
    return outcomes(name, validation.result), validation.docs_page


def record_outcomes(con: duckdb.DuckDBPyConnection, run_id: str, results: list[Outcome]) -> None:
    """Append outcomes to dq_results under `run_id`."""
    frame = pd.DataFrame([{"run_id": run_id, **asdict(o)} for o in results])
    con.register("new_outcomes", frame)
    try:
        con.execute(read_sql("load/merge_into_dq_results.sql"))
    finally:
        con.unregister("new_outcomes")
