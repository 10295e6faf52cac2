"""The job that runs every stage, used by the UI, the CLI, the sensor and the schedule."""

from typing import Any

import dagster as dg

newsledger_job = dg.define_asset_job(
    "newsledger_job",
    selection=dg.AssetSelection.all(),
    description="Ingest, extract, check and load every article not yet in the warehouse.",
)


def ingest_run_config(paths: list[str] | None, fetch_feeds: bool = False) -> dict[str, Any]:
    """Run config telling raw_articles what to read (None: the configured folders)."""
    return {"ops": {"raw_articles": {"config": {"paths": paths, "fetch_feeds": fetch_feeds}}}}
