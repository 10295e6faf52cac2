"""inbox_sensor: a run for the files dropped into data/inbox/ since it last looked."""

import hashlib
import json
import os
import time
from pathlib import Path

import dagster as dg

from orchestration.core.jobs import ingest_run_config, newsledger_job
from orchestration.ingest.intake import InboxCursor, InboxFile, take_in
from orchestration.ingest.listing import ListedFile, list_inputs
from orchestration.ingest.readers import READERS
from orchestration.ingest.resources import SourcesResource

# Files per run: large drops become a handful of runs, each visible on its own in the UI.
MAX_FILES_PER_RUN = 1000


def inbox_file(listed: ListedFile) -> InboxFile | None:
    """A listed file with the stat taken when it was listed; a link changes when its target or
    the link itself does. None when the link was removed meanwhile."""
    found = listed.listed
    changed = found.st_ctime_ns
    if listed.path != listed.target:
        try:
            changed = max(changed, os.lstat(listed.path).st_ctime_ns)
        except OSError:
            return None
    signature = f"{found.st_ino}:{changed}:{found.st_mtime_ns}:{found.st_size}"
    return InboxFile(str(listed.path), changed, signature)


def inbox_files(folder: Path) -> list[InboxFile]:
    """Each file under `folder`, as listed: a file removed meanwhile is not looked at again, so
    it cannot fail the sensor."""
    found = (inbox_file(listed) for listed in list_inputs([folder], READERS).files)
    return [f for f in found if f is not None]


def run_requests(taken: list[InboxFile]) -> list[dg.RunRequest]:
    """One request per batch of files, keyed so a batch is never requested twice."""
    requests = []
    for start in range(0, len(taken), MAX_FILES_PER_RUN):
        batch = taken[start : start + MAX_FILES_PER_RUN]
        key = hashlib.sha256(json.dumps([(f.path, f.signature) for f in batch]).encode())
        requests.append(
            dg.RunRequest(
                run_key=f"inbox-{key.hexdigest()[:24]}",
                run_config=ingest_run_config([f.path for f in batch]),
                tags={"newsledger/trigger": "inbox", "newsledger/files": str(len(batch))},
            )
        )
    return requests


def evaluate_inbox(
    folder: Path, cursor: str | None, now_ns: int
) -> dg.SensorResult | dg.SkipReason:
    """The runs for the files of `folder` not taken in yet, and the cursor after them;
    `now_ns` is the clock read before listing."""
    intake = take_in(inbox_files(folder), InboxCursor.loads(cursor), now_ns)
    if not intake.taken:
        waiting = f"; {intake.waiting} just changed, taken in shortly" if intake.waiting else ""
        return dg.SkipReason(f"no new files in {folder}{waiting}")
    return dg.SensorResult(run_requests=run_requests(intake.taken), cursor=intake.cursor.dumps())


@dg.sensor(
    job=newsledger_job,
    description=(
        "Every 30 seconds, requests a run for the files new or changed in the inbox folder "
        f"(one run per {MAX_FILES_PER_RUN:,} files); a file already processed is not processed "
        "again."
    ),
    minimum_interval_seconds=30,
    default_status=dg.DefaultSensorStatus.RUNNING,
)
def inbox_sensor(
    context: dg.SensorEvaluationContext, sources: SourcesResource
) -> dg.SensorResult | dg.SkipReason:
    """Request a run for every new or changed file in the inbox; each version is read once."""
    return evaluate_inbox(Path(sources.inbox), context.cursor, time.time_ns())
