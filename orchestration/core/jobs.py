"""The job that runs every stage, used by the UI, the CLI, the sensor and the schedule."""

from typing import Any

import dagster as dg

newsledger_job = dg.define_asset_job(
    "newsledger_job",
    selection=dg.AssetSelection.all(),
    description="Ingest, extract, check and load every article not yet in the warehouse.",
    # One process for all steps: each step of a multiprocess run would import Dagster, Great
    # Expectations and spaCy again. Extraction still fans out to its own workers (`Workers`).
    executor_def=dg.in_process_executor,
)


def ingest_run_config(paths: list[str] | None, fetch_feeds: bool = False) -> dict[str, Any]:
    """Run config telling raw_articles what to read (None: the configured folders)."""
    return {"ops": {"raw_articles": {"config": {"paths": paths, "fetch_feeds": fetch_feeds}}}}
