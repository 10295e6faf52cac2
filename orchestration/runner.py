"""Materializing the newsledger job, as `newsledger run` and the tests do.

Embedded, the job runs in this process with the resources given here. Under the Celery
executor its steps run in worker processes, which rebuild the job from this module and read
the run from the Dagster instance: the run is launched through the instance, its resources
configured by the run config instead.
"""

from collections.abc import Callable, Mapping, Sequence
from contextlib import nullcontext
from pathlib import Path
from typing import Any

import dagster as dg

from orchestration.core.deployment import DEPLOYMENT
from orchestration.core.instance import recording_instance
from orchestration.core.jobs import ingest_run_config
from orchestration.core.location import QUALITY_DOCS_FOLDER, LakeLocation, Warehouse, beside
from orchestration.core.resources import WarehouseResource, Workers
from orchestration.core.run_summary import RunSummary, until_loaded
from orchestration.core.workers import WorkerPool
from orchestration.definitions import defs
from orchestration.extract.resources import NlpResource
from orchestration.ingest.resources import SourcesResource
from orchestration.quality.resources import QualityResource

# What a run gives back, whether it ran in this process or on the executor's workers.
RunResult = dg.ExecuteInProcessResult | dg.JobExecutionResult


def newsledger_job() -> dg.JobDefinition:
    """The job as the code location defines it, with its executor: what workers rebuild."""
    return defs.resolve_job_def("newsledger_job")


def launch_job(
    run_config: Mapping[str, Any],
    resources: Mapping[str, dg.ConfigurableResource],
    instance: dg.DagsterInstance | None,
    tags: Mapping[str, str] | None,
) -> dg.JobExecutionResult:
    """Run the job through `instance` (None: the one at $DAGSTER_HOME) with its own executor,
    `resources` given to it as run config."""
    config = {
        **run_config,
        "resources": {name: {"config": r.model_dump()} for name, r in resources.items()},
    }
    with nullcontext(instance) if instance else recording_instance() as recorded:
        return dg.execute_job(
            dg.reconstructable(newsledger_job),
            instance=recorded,
            run_config=config,
            tags=tags,
            raise_on_error=False,
        )


def run_job(
    paths: Sequence[Path] | None,
    warehouse: Warehouse,
    sources: SourcesResource | None = None,
    quality: QualityResource | None = None,
    run_config: Mapping[str, Any] | None = None,
    workers: WorkerPool | None = None,
    log_level: str = "INFO",
    instance: dg.DagsterInstance | None = None,
    tags: Mapping[str, str] | None = None,
    batch_articles: int = DEPLOYMENT.batch_articles,
    fetch_feeds: bool = False,
) -> RunResult:
    """Run newsledger_job on `paths` (None: the configured folders), and with `fetch_feeds` on
    the new entries of the feeds `sources` lists, into `warehouse` (a DuckDB file or a lake),
    its stages sharing `workers` when given (see Workers), recorded in
    `instance` (None: an ephemeral one, forgotten after the run; under Celery, the one at
    $DAGSTER_HOME), loading at most `batch_articles` of the articles that await loading."""
    config = dict(
        run_config
        or ingest_run_config(None if paths is None else [str(p) for p in paths], fetch_feeds)
    )
    config["loggers"] = {"console": {"config": {"log_level": log_level}}}
    lake_data_path = warehouse.data_path if isinstance(warehouse, LakeLocation) else None
    configured = {
        "warehouse": WarehouseResource(
            path=str(warehouse), lake_data_path=lake_data_path, batch_articles=batch_articles
        ),
        "sources": sources or SourcesResource(),
        "quality": quality
        or QualityResource(docs_dir=str(beside(warehouse, QUALITY_DOCS_FOLDER).absolute())),
    }
    if DEPLOYMENT.executor == "celery":
        return launch_job(config, configured, instance, tags)
    return newsledger_job().execute_in_process(
        run_config=config,
        resources={**configured, "nlp": NlpResource(), "workers": Workers(workers)},
        raise_on_error=False,
        instance=instance,
        tags=tags,
    )


def summarize(result: RunResult) -> RunSummary:
    """What the run came to: its outcome, the batch it loaded and its checks."""
    loaded, awaiting = batch_load(result)
    passed, failed = check_evaluations(result)
    return RunSummary(
        result.run_id, result.success, extracted(result), loaded, awaiting, passed, failed
    )


def run_until_loaded(
    paths: Sequence[Path] | None,
    warehouse: Warehouse,
    on_run: Callable[[RunResult], None] | None = None,
    **options: Any,
) -> list[RunResult]:
    """Run newsledger_job in this process on `paths`, then again on no new input for as long as
    articles await loading (see run_summary.until_loaded); `options` go to run_job."""
    return until_loaded(
        lambda first: run_job(paths if first else [], warehouse, **options), summarize, on_run
    )


def extracted(result: RunResult) -> int:
    """How many articles the run extracted, or failed to (0 when extraction did not end)."""
    for event in result.get_asset_materialization_events():
        if event.asset_key.to_user_string() == "extractions":
            metadata = event.materialization.metadata
            return int(metadata["articles_extracted"].value) + int(
                metadata["extraction_failures"].value
            )
    return 0


def batch_load(result: RunResult) -> tuple[int, int]:
    """How many articles the run loaded, and how many still await extraction or loading after
    it (0 and 0 when it loaded nothing)."""
    for event in result.get_asset_materialization_events():
        if event.asset_key.to_user_string() == "dim_article":
            metadata = event.materialization.metadata
            return (
                int(metadata["articles_loaded"].value),
                int(metadata["articles_awaiting_load"].value),
            )
    return 0, 0


def check_evaluations(result: RunResult) -> tuple[int, int]:
    """How many asset checks passed and failed in the run."""
    evaluations = result.get_asset_check_evaluations()
    passed = sum(1 for e in evaluations if e.passed)
    return passed, len(evaluations) - passed


def reported(result: RunResult, asset: str, key: str) -> Any:
    """A metadata value the run reported on an asset's materialization ("new_articles", ...)."""
    [materialization] = [
        m
        for m in result.get_asset_materialization_events()
        if m.asset_key.to_user_string() == asset
    ]
    return materialization.materialization.metadata[key].value
