"""Worker processes: spawned, each loading the extraction pipeline once, maybe ahead of need.

This module imports only the standard library, so that `newsledger run` can spawn its
workers before it imports Dagster, Great Expectations and the rest. They load spaCy's model
and the gazetteer one at a time on the second core, about 1.5 s of work each, while the
first core imports and starts the job. The run's stages then share them: extraction sends
them articles, the reports their pages.

Workers exit with the process that spawned them, however it ends. A worker that outlived it
would wait forever on its task queue (it holds both ends of the pipe), keeping the model's
memory. Each worker therefore watches its parent from a thread and exits within
PARENT_POLL_SECONDS of its death. Polling, rather than Linux's PR_SET_PDEATHSIG, because that
signal fires when the parent *thread* that spawned the worker ends, and a pool spawns workers
from whichever thread submits a task. multiprocessing's resource tracker needs no watching: it
exits on end of file of its pipe, once the parent and every worker holding it have exited.
"""

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from typing import TypeVar

MAX_PROCESSES = 4
# Tasks queued per worker: enough to keep every worker busy, few enough to bound memory.
TASKS_IN_FLIGHT_PER_WORKER = 2
# How often a worker checks that the process that spawned it is still alive.
PARENT_POLL_SECONDS = 0.25

Task = TypeVar("Task")
Result = TypeVar("Result")


@dataclass(frozen=True)
class WorkerPool:
    """Spawned worker processes, at most `processes` of them, each with the pipeline loaded."""

    executor: ProcessPoolExecutor
    processes: int


def available_cores() -> int:
    """The number of CPU cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _exit_with_parent(parent: int) -> None:
    # Once the parent has died, the worker's parent is another process (init or a subreaper).
    # os._exit, not sys.exit: nothing of the worker's state is worth saving, and no clean-up
    # may wait on the dead parent's queues.
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(1)


def _start_worker(parent: int, loading: AbstractContextManager[object]) -> None:
    # `parent` is passed, not read here: the parent may already have died.
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    # Imported here, in the worker: spaCy and the model are what the worker is for, and what
    # the process that spawns it should not wait for.
    with loading:
        from orchestration.extract.output import load_worker_state

        load_worker_state()


def spawn_pool(processes: int, one_load_at_a_time: bool = False) -> WorkerPool:
    """A pool of up to `processes` workers. Python starts a worker when a task finds none
    idle, so a pool that is given fewer tasks than workers spawns fewer processes.

    With `one_load_at_a_time`, a worker loads the pipeline only once the previous one has:
    loading then takes one core however many workers start, and leaves the other to the
    caller.

    Each worker exits within PARENT_POLL_SECONDS of the death of this process, even by SIGKILL.
    Workers are spawned, not forked: the caller may hold threads and database handles, and a
    forked child would count all of the caller's memory in its own resident size. A script
    that uses workers must guard its entry point with `if __name__ == "__main__":`.
    """
    context = multiprocessing.get_context("spawn")
    loading = context.Lock() if one_load_at_a_time else nullcontext()
    executor = ProcessPoolExecutor(
        processes, mp_context=context, initializer=_start_worker, initargs=(os.getpid(), loading)
    )
    return WorkerPool(executor, processes)


def ordered_results(
    pool: WorkerPool, work: Callable[[Task], Result], tasks: Iterable[Task]
) -> Iterator[tuple[Task, Result]]:
    """Each task with `work` of it, done by the workers of `pool`, in the order of `tasks`.

    `tasks` is consumed lazily, a few tasks ahead of what the caller has received, so memory
    stays bounded however many there are. Tasks still queued when the caller stops are
    cancelled.
    """
    pending: deque[tuple[Task, Future[Result]]] = deque()
    try:
        for task in tasks:
            pending.append((task, pool.executor.submit(work, task)))
            if len(pending) >= pool.processes * TASKS_IN_FLIGHT_PER_WORKER:
                done, future = pending.popleft()
                yield done, future.result()
        while pending:
            done, future = pending.popleft()
            yield done, future.result()
    finally:
        for _, future in pending:
            future.cancel()


_run_pools: list[WorkerPool] = []


@contextmanager
def run_workers() -> Iterator[WorkerPool | None]:
    """Start one worker per core now (up to MAX_PROCESSES), for the stages of the runs in
    this process to share until leaving.

    The workers load one at a time, leaving a core to the caller. On a single core there is
    no second core to overlap with, and nothing is started. The pool is shut down on leaving,
    whether or not a stage used it.
    """
    processes = min(available_cores(), MAX_PROCESSES)
    if processes < 2:
        yield None
        return
    pool = spawn_pool(processes, one_load_at_a_time=True)
    for _ in range(processes):
        pool.executor.submit(int)  # a task that does nothing: a worker spawns to run it
    _run_pools.append(pool)
    try:
        yield pool
    finally:
        _run_pools.remove(pool)
        pool.executor.shutdown(cancel_futures=True)


def run_pool() -> WorkerPool | None:
    """The workers started by `run_workers`, while they run; None when there are none."""
    return _run_pools[-1] if _run_pools else None
