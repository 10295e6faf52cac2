"""The Dagster instance `newsledger run` records its runs in, the one the UI reads.

A run of the CLI is a run like any other: its events, materializations and check results go
to the instance at `DAGSTER_HOME`, so the UI lists it beside the runs it launched itself. A
CLI process that dies without ending its run (killed, out of memory) would leave the run
"started" for ever and keep the slot it holds in the `duckdb` pool, blocking every later run;
`end_abandoned_runs` ends such runs first.
"""

import os
import socket
from pathlib import Path

import dagster as dg
import psutil

from orchestration.core.settings import PROJECT_ROOT

# Tags naming the process and machine of a run started by the CLI.
PID_TAG = "newsledger/pid"
HOST_TAG = "newsledger/host"
UNFINISHED = (dg.DagsterRunStatus.STARTING, dg.DagsterRunStatus.STARTED)


def dagster_home() -> Path:
    """$DAGSTER_HOME when set, else `dagster_home/` in the project folder (as `make ui` uses)."""
    return Path(os.environ.get("DAGSTER_HOME") or PROJECT_ROOT / "dagster_home")


def recording_instance() -> dg.DagsterInstance:
    """The persistent instance at `dagster_home()`, its folder made when missing."""
    home = dagster_home()
    home.mkdir(parents=True, exist_ok=True)
    return dg.DagsterInstance.from_config(str(home))


def process_tags(pid: int | None = None) -> dict[str, str]:
    """Tags that tell which process (`pid`, default this one) on which machine runs a CLI run."""
    return {PID_TAG: str(pid or os.getpid()), HOST_TAG: socket.gethostname()}


def runs_process_alive(record: dg.RunRecord) -> bool:
    """Whether the process named by the run's tags still exists and is the one that started
    it: a process id reused by a process created after the run began does not count."""
    try:
        process = psutil.Process(int(record.dagster_run.tags[PID_TAG]))
        created = process.create_time()
    except (psutil.Error, ValueError):
        return False
    started = record.start_time or record.create_timestamp.timestamp()
    return created <= started


def end_abandoned_runs(instance: dg.DagsterInstance) -> list[str]:
    """Mark as failed the unfinished CLI runs of this machine whose process is gone, and free
    the pool slots they held; returns their run ids."""
    records = instance.get_run_records(
        dg.RunsFilter(statuses=list(UNFINISHED), tags={HOST_TAG: socket.gethostname()})
    )
    abandoned = [r for r in records if PID_TAG in r.dagster_run.tags and not runs_process_alive(r)]
    for record in abandoned:
        run = record.dagster_run
        instance.report_run_failed(
            run, f"the newsledger process {run.tags[PID_TAG]} ended without finishing the run"
        )
        instance.event_log_storage.free_concurrency_slots_for_run(run.run_id)
    return [r.dagster_run.run_id for r in abandoned]
