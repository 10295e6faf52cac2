"""backlog_sensor: the next run while articles await loading, one batch a run.

A run extracts, stages, checks and loads at most WarehouseResource.batch_articles articles.
When more were ingested at once (a large drop, a first run on an archive), a "Materialize all"
in the UI loads the first batch; this sensor requests a run for each next one, after the
previous run succeeded, until none await. A failed run (a blocking check) stops the drain:
what it left waits for a person, or for the next run that succeeds.
"""

import dagster as dg

from orchestration.core.connection import WarehouseBusyError
from orchestration.core.jobs import ingest_run_config, newsledger_job
from orchestration.core.resources import WarehouseResource
from orchestration.warehouse.load import awaiting_runs

UNFINISHED = [
    dg.DagsterRunStatus.QUEUED,
    dg.DagsterRunStatus.NOT_STARTED,
    dg.DagsterRunStatus.STARTING,
    dg.DagsterRunStatus.STARTED,
]
# How long an evaluation waits for another process's write to the warehouse before it skips.
LOCK_WAIT_SECONDS = 5.0


def evaluate_backlog(
    instance: dg.DagsterInstance, warehouse: WarehouseResource
) -> dg.RunRequest | dg.SkipReason:
    """A run for the next batch, when articles await loading, no run is under way and the
    latest one succeeded; keyed by that run, so it is requested once."""
    if instance.get_runs(dg.RunsFilter(statuses=UNFINISHED), limit=1):
        return dg.SkipReason("a run is under way")
    latest = instance.get_runs(limit=1)
    if not latest:
        return dg.SkipReason("no run yet")
    if latest[0].status != dg.DagsterRunStatus.SUCCESS:
        return dg.SkipReason(f"the latest run, {latest[0].run_id}, did not succeed")
    quick = warehouse.model_copy(update={"lock_wait_seconds": LOCK_WAIT_SECONDS})
    try:
        with quick.connect(read_only=True) as con:
            awaiting = awaiting_runs(con)
    except WarehouseBusyError:
        return dg.SkipReason("the warehouse is being written to")
    if not awaiting:
        return dg.SkipReason("no article awaits loading")
    return dg.RunRequest(
        run_key=f"backlog-after-{latest[0].run_id}",
        run_config=ingest_run_config([]),
        tags={"newsledger/trigger": "backlog", "newsledger/awaiting": str(awaiting)},
    )


@dg.sensor(
    job=newsledger_job,
    description=(
        "Every 30 seconds, when articles await loading (more than one batch was ingested), "
        "requests a run that loads the next batch, once the latest run has succeeded."
    ),
    minimum_interval_seconds=30,
    default_status=dg.DefaultSensorStatus.RUNNING,
)
def backlog_sensor(
    context: dg.SensorEvaluationContext, warehouse: WarehouseResource
) -> dg.RunRequest | dg.SkipReason:
    """Request a run for the next batch of articles awaiting loading."""
    return evaluate_backlog(context.instance, warehouse)
