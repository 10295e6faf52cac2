"""Materializing the newsledger job in-process, as `newsledger run` and the tests do."""

from collections.abc import Sequence
from pathlib import Path

import dagster as dg

from orchestration.definitions import defs
from orchestration.resources import NlpResource, WarehouseResource


def run_job(
    paths: Sequence[Path], warehouse: Path, log_level: str = "INFO"
) -> dg.ExecuteInProcessResult:
    """Run newsledger_job on `paths` (empty: the default folders) into `warehouse`."""
    job = defs.resolve_job_def("newsledger_job")
    return job.execute_in_process(
        run_config=dg.RunConfig(
            ops={"raw_articles": {"config": {"paths": [str(p) for p in paths]}}},
            loggers={"console": {"config": {"log_level": log_level}}},
        ),
        resources={"warehouse": WarehouseResource(path=str(warehouse)), "nlp": NlpResource()},
        raise_on_error=False,
    )


def check_evaluations(result: dg.ExecuteInProcessResult) -> tuple[int, int]:
    """How many asset checks passed and failed in the run."""
    evaluations = result.get_asset_check_evaluations()
    passed = sum(1 for e in evaluations if e.passed)
    return passed, len(evaluations) - passed
