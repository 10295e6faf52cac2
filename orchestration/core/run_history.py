"""The recent runs of the Dagster instance at `dagster_home()`, as `newsledger status` shows them.

Runs from every launcher are read: `newsledger run` (tagged with its process), the UI, the
sensor and the schedule. An instance that has recorded nothing yet is not created by reading it.
"""

import socket
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import dagster as dg
import yaml

from orchestration.core.instance import HOST_TAG, PID_TAG, UNFINISHED, runs_process_alive

SENSOR_TAG = "dagster/sensor_name"
SCHEDULE_TAG = "dagster/schedule_name"
BACKFILL_TAG = "dagster/backfill"
# Materialization metadata the assets report: raw_articles' new bodies, dim_article's load.
NEW_ARTICLES = ("raw_articles", "new_articles")
ARTICLES_LOADED = ("dim_article", "articles_loaded")
# Keys of dagster.yaml that put the run storage somewhere other than the home's SQLite files.
STORAGE_KEYS = ("storage", "run_storage")
ENDED = (dg.DagsterRunStatus.SUCCESS, dg.DagsterRunStatus.FAILURE, dg.DagsterRunStatus.CANCELED)


@dataclass(frozen=True)
class RunSummary:
    """One run: when, how long, how it ended, who launched it and what it reported."""

    run_id: str
    status: dg.DagsterRunStatus
    started: datetime | None
    seconds: float | None  # to its end, or until now while it runs
    launched_by: str
    new_articles: int | None
    articles_loaded: int | None
    failed_checks: list[str]
    abandoned: bool  # unfinished, and the newsledger process running it is gone


@dataclass(frozen=True)
class RunHistory:
    """The latest runs, newest first; the latest run that ended; the unfinished runs, those
    whose process is gone apart; and when the latest successful run started (what "since the
    last run" counts from)."""

    runs: list[RunSummary]
    last_ended: RunSummary | None
    in_progress: int
    abandoned: list[RunSummary]
    last_success_started: datetime | None


def has_run_storage(home: Path) -> bool:
    """Whether the instance at `home` may hold runs: its SQLite run storage exists, or its
    dagster.yaml puts the storage elsewhere (PostgreSQL). Opening an instance that has none
    would create its folders."""
    if (home / "history" / "runs.db").is_file():
        return True
    config_file = home / "dagster.yaml"
    if not config_file.is_file():
        return False
    config = yaml.safe_load(config_file.read_text(encoding="utf-8")) or {}
    return any(key in config for key in STORAGE_KEYS)


def moment(timestamp: float | None) -> datetime | None:
    """A Unix timestamp of the instance as a UTC datetime."""
    return None if timestamp is None else datetime.fromtimestamp(timestamp, UTC)


def launched_by(run: dg.DagsterRun) -> str:
    """Who started the run, from the tags each launcher sets."""
    tags = run.tags
    if PID_TAG in tags:
        return f"CLI pid {tags[PID_TAG]}"
    if SENSOR_TAG in tags:
        return f"sensor {tags[SENSOR_TAG]}"
    if SCHEDULE_TAG in tags:
        return f"schedule {tags[SCHEDULE_TAG]}"
    if BACKFILL_TAG in tags:
        return f"backfill {tags[BACKFILL_TAG]}"
    return "UI"


def is_abandoned(record: dg.RunRecord) -> bool:
    """Whether an unfinished run of this machine's `newsledger run` lost its process; a run of
    another machine, or of another launcher, cannot be told from here."""
    tags = record.dagster_run.tags
    return (
        record.dagster_run.status in UNFINISHED
        and PID_TAG in tags
        and tags.get(HOST_TAG) == socket.gethostname()
        and not runs_process_alive(record)
    )


def summarize(instance: dg.DagsterInstance, record: dg.RunRecord) -> RunSummary:
    """A run's summary, its figures read from the materializations and check evaluations it
    recorded."""
    run = record.dagster_run
    reported: dict[tuple[str, str], int] = {}
    failed_checks: list[str] = []
    for entry in instance.all_logs(
        run.run_id,
        of_type={
            dg.DagsterEventType.ASSET_MATERIALIZATION,
            dg.DagsterEventType.ASSET_CHECK_EVALUATION,
        },
    ):
        if (materialization := entry.asset_materialization) is not None:
            asset = materialization.asset_key.to_user_string()
            for key, value in materialization.metadata.items():
                reported[(asset, key)] = value.value
        else:
            evaluation = entry.dagster_event.asset_check_evaluation_data
            if not evaluation.passed:
                asset = evaluation.asset_key.to_user_string()
                failed_checks.append(f"{asset}:{evaluation.check_name}")
    start, end = record.start_time, record.end_time or time.time()
    return RunSummary(
        run_id=run.run_id,
        status=run.status,
        started=moment(start),
        seconds=None if start is None else end - start,
        launched_by=launched_by(run),
        new_articles=reported.get(NEW_ARTICLES),
        articles_loaded=reported.get(ARTICLES_LOADED),
        failed_checks=failed_checks,
        abandoned=is_abandoned(record),
    )


def recorded_runs(home: Path, limit: int) -> RunHistory | None:
    """The `limit` latest runs of the instance at `home`, newest first; None when the instance
    has recorded nothing yet (it is then left uncreated)."""
    if not has_run_storage(home):
        return None
    with dg.DagsterInstance.from_config(str(home)) as instance:
        runs = [summarize(instance, r) for r in instance.get_run_records(limit=limit)]
        ended = instance.get_run_records(dg.RunsFilter(statuses=list(ENDED)), limit=1)
        unfinished = instance.get_run_records(dg.RunsFilter(statuses=list(UNFINISHED)))
        abandoned = [summarize(instance, r) for r in unfinished if is_abandoned(r)]
        successes = instance.get_run_records(
            dg.RunsFilter(statuses=[dg.DagsterRunStatus.SUCCESS]), limit=1
        )
        return RunHistory(
            runs=runs,
            last_ended=summarize(instance, ended[0]) if ended else None,
            in_progress=len(unfinished) - len(abandoned),
            abandoned=abandoned,
            last_success_started=moment(successes[0].start_time) if successes else None,
        )
