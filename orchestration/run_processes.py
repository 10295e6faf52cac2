"""`newsledger run`'s runs, each in a process of its own.

A run leaves memory behind in the process that ran it: Great Expectations' context and caches,
the reports' libraries, and a heap that a batch's large allocations have fragmented. Ten
batches drained one after another in one process left it 150 MB larger than after the first.
So, as Dagster's run launcher starts each run from the UI in a new process, `newsledger run`
starts a process for each run and waits for its summary: every batch starts from the same
footing, and the process that drains the backlog holds no more than its command line.

The runs' processes are forked from a fork server that imported the job once (Dagster's
multiprocess executor offers the same, `forkserver` with `preload_modules`): a run starts at
once instead of importing Dagster, Great Expectations and the job again, about 5 s a batch.
This module imports neither Dagster nor the job: the fork server does.
"""

import atexit
import gc
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import nullcontext
from pathlib import Path

import psutil
from rich.console import Console

from orchestration.core.deployment import DEPLOYMENT
from orchestration.core.location import Warehouse
from orchestration.core.run_summary import RunSummary, until_loaded
from orchestration.core.workers import PARENT_POLL_SECONDS, started_workers
from orchestration.extract.chunks import WORKER_START_UP

errors = Console(stderr=True, soft_wrap=True)


def exempt_loaded_objects_from_collection() -> None:
    """Keep the garbage collector off every object that exists now, for the rest of the run
    and at exit.

    Dagster, Great Expectations and spaCy leave millions of long-lived objects behind their
    imports. Every full collection walks them all, about half a second over a run, and Python's
    collection at exit takes another second. None of them is garbage, and every file and
    connection of the run is closed before the process exits.
    """
    gc.freeze()
    atexit.register(gc.freeze)


# What the fork server imports before it forks a run's process: the job and all it loads.
PRELOAD = ["orchestration.runner"]


def _exit_without(pid: int, created: float) -> None:
    while True:
        try:
            process = psutil.Process(pid)
            alive = process.create_time() == created and process.status() != psutil.STATUS_ZOMBIE
        except psutil.Error:
            alive = False
        if not alive:
            os._exit(1)
        time.sleep(PARENT_POLL_SECONDS)


def end_with(pid: int, created: float) -> None:
    """Exit this process within PARENT_POLL_SECONDS of the end of process `pid` (created at
    `created`: not another process that took its id), however it ends.

    A run's process watches `newsledger run`, not its parent: its parent is the fork server,
    which lives as long as any process forked from it, this one included.
    """
    threading.Thread(target=_exit_without, args=(pid, created), daemon=True).start()


def run_batch(
    paths: Sequence[Path] | None,
    warehouse: Warehouse,
    log_level: str,
    first: bool,
    cli: int,
    feeds_file: Path | None = None,
) -> RunSummary:
    """One run of the job on `paths` into `warehouse`, in this process, recorded in the
    instance at $DAGSTER_HOME: what a run's process does.

    Every run starts one worker per core ahead of need, loading spaCy's model while it starts
    the job: each run extracts the next batch, and its workers then write its report pages.
    The first run's workers load one at a time, leaving a core to the run as it reads the new
    input; a later run has nothing to do before extraction, so its workers load at once.
    The first run, the only one to take new input, also marks failed the runs whose
    `newsledger run` process ended without finishing them. Under Celery the steps run in
    Celery's workers instead. The run is tagged with `cli`, the process of `newsledger run`
    that started it. With `feeds_file`, the run also polls the feeds it lists.
    """
    local = DEPLOYMENT.executor == "in_process"
    workers = started_workers(WORKER_START_UP, caller_busy=first) if local else nullcontext()
    with workers as pool:
        from orchestration.core.instance import end_abandoned_runs, process_tags, recording_instance
        from orchestration.ingest.resources import SourcesResource
        from orchestration.runner import run_job, summarize

        exempt_loaded_objects_from_collection()
        with recording_instance() as instance:
            if first:
                for run_id in end_abandoned_runs(instance):
                    errors.print(f"marked run {run_id} failed: its newsledger process had ended")
            result = run_job(
                paths,
                warehouse,
                workers=pool,
                log_level=log_level,
                instance=instance,
                tags=process_tags(cli),
                sources=SourcesResource(feeds_file=str(feeds_file)) if feeds_file else None,
                fetch_feeds=feeds_file is not None,
            )
        return summarize(result)


def run_apart(
    paths: Sequence[Path] | None,
    warehouse: Warehouse,
    log_level: str,
    first: bool,
    feeds_file: Path | None = None,
) -> RunSummary:
    """run_batch in a new process forked from the fork server, its summary once it has ended.

    The run's process ends with this one, even when this one is killed (see end_with), and the
    next `newsledger run` marks its run failed; the fork server, started with the first run,
    ends once both have. Raises BrokenProcessPool when the run's process dies (killed, out of
    memory) before the run ends.
    """
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    this = psutil.Process()
    with ProcessPoolExecutor(
        1, mp_context=context, initializer=end_with, initargs=(this.pid, this.create_time())
    ) as executor:
        job = executor.submit(
            run_batch, paths, warehouse, log_level, first, os.getpid(), feeds_file
        )
        return job.result()


def run_in_processes(
    paths: Sequence[Path] | None,
    warehouse: Warehouse,
    log_level: str,
    on_run: Callable[[RunSummary], None] | None = None,
    feeds_file: Path | None = None,
) -> list[RunSummary]:
    """Run the job on `paths` (and the feeds of `feeds_file`, when given), then again on no new
    input for as long as articles await loading (see run_summary.until_loaded), each run in a
    process of its own."""
    return until_loaded(
        lambda first: run_apart(
            paths if first else [], warehouse, log_level, first, feeds_file if first else None
        ),
        lambda summary: summary,
        on_run,
    )
