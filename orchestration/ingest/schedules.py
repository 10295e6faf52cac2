"""feeds_schedule: poll the configured RSS/Atom feeds every 30 minutes."""

import dagster as dg

from orchestration.core.jobs import ingest_run_config, newsledger_job
from orchestration.ingest.feeds_file import FeedsFileError
from orchestration.ingest.resources import SourcesResource


@dg.schedule(
    job=newsledger_job,
    cron_schedule="*/30 * * * *",
    description=(
        "Every 30 minutes, requests a run that fetches the entries of the feeds in feeds.yaml "
        "whose URL is not yet in the warehouse."
    ),
    default_status=dg.DefaultScheduleStatus.RUNNING,
)
def feeds_schedule(
    context: dg.ScheduleEvaluationContext, sources: SourcesResource
) -> dg.RunRequest | dg.SkipReason:
    """Request a run that fetches the new entries of every configured feed."""
    try:
        feeds = sources.feeds()
    except FeedsFileError as error:
        return dg.SkipReason(f"{error} (see `newsledger feeds check`)")
    if not feeds:
        return dg.SkipReason(f"no feeds configured in {sources.feeds_file}")
    return dg.RunRequest(
        run_config=ingest_run_config([], fetch_feeds=True),
        tags={"newsledger/trigger": "feeds", "newsledger/feeds": str(len(feeds))},
    )
