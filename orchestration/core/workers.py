"""Worker processes: spawned, each running a given start-up function once, maybe ahead of need.

The pool runs whatever function it is given; what a worker loads first is named by its caller
as "module:function" (extraction names the loading of spaCy's model). This module imports only
the standard library, and the start-up function is imported in the worker, so `newsledger run`
can spawn its workers before it imports Dagster, Great Expectations and the rest: they load
the model one at a time on the second core while the first imports and starts the job.

Workers exit with the process that spawned them, however it ends. A worker that outlived it
would wait forever on its task queue (it holds both ends of the pipe), keeping the model's
memory. Each worker therefore watches its parent from a thread and exits within
PARENT_POLL_SECONDS of its death. Polling, rather than Linux's PR_SET_PDEATHSIG, because that
signal fires when the parent *thread* that spawned the worker ends, and a pool spawns workers
from whichever thread submits a task. multiprocessing's resource tracker needs no watching: it
exits on end of file of its pipe, once the parent and every worker holding it have exited.
"""

import importlib
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
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
    start_up: str = ""

    def usable(self) -> bool:
        """Whether the pool takes tasks: not once a worker of it died."""
        try:
            self.executor.submit(int)
        except (BrokenProcessPool, RuntimeError):
            return False
        return True


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


def start_up_function(name: str) -> Callable[[], object]:
    """The function named "package.module:function"."""
    module, _, function = name.partition(":")
    return getattr(importlib.import_module(module), function)


def _start_worker(parent: int, loading: AbstractContextManager[object], start_up: str) -> None:
    # `parent` is passed, not read here: the parent may already have died.
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    # Imported here, in the worker: what it loads is what the spawning process should not
    # wait for.
    if start_up:
        with loading:
            start_up_function(start_up)()


def spawn_pool(processes: int, start_up: str = "", one_load_at_a_time: bool = False) -> WorkerPool:
    """A pool of up to `processes` workers, each calling the function named by `start_up`
    ("module:function"; none when empty) before its first task. Python starts a worker when a
    task finds none idle, so a pool that is given fewer tasks than workers spawns fewer
    processes.

    With `one_load_at_a_time`, a worker starts up only once the previous one has: starting
    then takes one core however many workers start, and leaves the other to the caller.

    Each worker exits within PARENT_POLL_SECONDS of the death of this process, even by SIGKILL.
    Workers are spawned, not forked: the caller may hold threads and database handles, and a
    forked child would count all of the caller's memory in its own resident size. A script
    that uses workers must guard its entry point with `if __name__ == "__main__":`.
    """
    context = multiprocessing.get_context("spawn")
    loading = context.Lock() if one_load_at_a_time else nullcontext()
    executor = ProcessPoolExecutor(
        processes,
        mp_context=context,
        initializer=_start_worker,
        initargs=(os.getpid(), loading, start_up),
    )
    return WorkerPool(executor, processes, start_up)


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


@contextmanager
def started_workers(start_up: str, caller_busy: bool = True) -> Iterator[WorkerPool | None]:
    """One worker per core, started now (up to MAX_PROCESSES) and each calling `start_up`
    ahead of need; shut down on leaving.

    While the caller has work of its own to do first (`caller_busy`), the workers start one at
    a time, leaving it a core; otherwise they all start at once, to be ready the sooner. On a
    single core there is no second core to overlap with, and nothing is started.
    """
    processes = min(available_cores(), MAX_PROCESSES)
    if processes < 2:
        yield None
        return
    pool = spawn_pool(processes, start_up, one_load_at_a_time=caller_busy)
    for _ in range(processes):
        pool.executor.submit(int)  # a task that does nothing: a worker spawns to run it
    try:
        yield pool
    finally:
        pool.executor.shutdown(cancel_futures=True)
