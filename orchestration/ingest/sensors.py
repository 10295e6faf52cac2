"""inbox_sensor: a run for the files dropped into data/inbox/ since it last looked."""

import hashlib
import json
from pathlib import Path

import dagster as dg

from orchestration.core.jobs import ingest_run_config, newsledger_job
from orchestration.ingest.listing import list_inputs
from orchestration.ingest.readers import READERS
from orchestration.ingest.resources import SourcesResource

# Files per run: large drops become a handful of runs, each visible on its own in the UI.
MAX_FILES_PER_RUN = 1000


def file_signatures(folder: Path) -> dict[str, str]:
    """Each file under `folder` with its modification time and size, as listed: a file removed
    meanwhile is not looked at again, so it cannot fail the sensor."""
    return {
        str(listed.path): f"{listed.listed.st_mtime_ns}:{listed.listed.st_size}"
        for listed in list_inputs([folder], READERS).files
    }


def run_requests(changed: list[str], signatures: dict[str, str]) -> list[dg.RunRequest]:
    """One request per batch of changed files, keyed so a batch is never requested twice."""
    requests = []
    for start in range(0, len(changed), MAX_FILES_PER_RUN):
        batch = changed[start : start + MAX_FILES_PER_RUN]
        key = hashlib.sha256(json.dumps([(p, signatures[p]) for p in batch]).encode()).hexdigest()
        requests.append(
            dg.RunRequest(
                run_key=f"inbox-{key[:24]}",
                run_config=ingest_run_config(batch),
                tags={"newsledger/trigger": "inbox", "newsledger/files": str(len(batch))},
            )
        )
    return requests


@dg.sensor(
    job=newsledger_job,
    minimum_interval_seconds=30,
    default_status=dg.DefaultSensorStatus.RUNNING,
)
def inbox_sensor(
    context: dg.SensorEvaluationContext, sources: SourcesResource
) -> dg.SensorResult | dg.SkipReason:
    """Request a run for every new or changed file in the inbox; each version is read once."""
    seen: dict[str, str] = json.loads(context.cursor) if context.cursor else {}
    signatures = file_signatures(Path(sources.inbox))
    changed = sorted(p for p, signature in signatures.items() if seen.get(p) != signature)
    if not changed:
        return dg.SkipReason(f"no new files in {sources.inbox}")
    return dg.SensorResult(
        run_requests=run_requests(changed, signatures), cursor=json.dumps(signatures)
    )
