"""Chunks of articles sent to worker processes, surviving a worker that dies.

When a worker dies (killed, out of memory, crashed in native code), its pool is broken: every
task still queued fails with BrokenProcessPool, and the pool takes no more. The chunks in
flight are then sent again, one article per task and one task at a time, to a new pool: an
article whose task breaks that pool too is the one that kills its worker, and fails alone.
The rest of the chunks go to the new pool. After MAX_POOL_REPLACEMENTS new pools, the
remaining chunks are done in this process.
"""

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from types import TracebackType
from typing import Generic, Self, TypeVar

from orchestration.core.workers import TASKS_IN_FLIGHT_PER_WORKER, WorkerPool, spawn_pool

# New pools one extraction may start before doing the rest of its chunks in this process: a
# worker that dies for every article points at the machine (memory, the model), not an article.
MAX_POOL_REPLACEMENTS = 8

Item = TypeVar("Item")
Out = TypeVar("Out")


class WorkerChunks(Generic[Item, Out]):
    """Sends chunks to the workers of a pool, replacing the pool when a worker dies.

    `work` makes each item's outcome of a chunk, in a worker (it must be picklable);
    `failed` is the outcome of an item whose task raised. Pools started here are shut down on
    leaving; the pool given is left to its owner.
    """

    def __init__(
        self,
        pool: WorkerPool,
        work: Callable[[Sequence[Item]], list[Out]],
        failed: Callable[[Item, BaseException], Out],
    ) -> None:
        self.pool: WorkerPool | None = pool
        self.processes = pool.processes
        self.start_up = pool.start_up
        self.work = work
        self.failed = failed
        self.started: list[WorkerPool] = []

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        for pool in self.started:
            pool.executor.shutdown(cancel_futures=True)

    @property
    def replacements(self) -> int:
        """How many new pools replaced broken ones."""
        return len(self.started)

    def _submit(self, chunk: Sequence[Item]) -> "Future[list[Out]]":
        # A broken pool refuses tasks at once: its refusal is kept as the chunk's result.
        future: Future[list[Out]] = Future()
        try:
            if self.pool is not None:
                return self.pool.executor.submit(self.work, chunk)
            future.set_result(self.work(chunk))
        except BrokenProcessPool as error:
            future.set_exception(error)
        return future

    def _replace(self) -> None:
        if self.replacements >= MAX_POOL_REPLACEMENTS:
            self.pool = None
            return
        self.pool = spawn_pool(self.processes, self.start_up)
        self.started.append(self.pool)

    def outcomes(self, chunks: Iterable[Sequence[Item]]) -> Iterator[list[Out]]:
        """The outcomes of each chunk's items, in the order of `chunks`.

        `chunks` is consumed lazily, a few chunks ahead of what the caller has received.
        """
        in_flight: deque[tuple[Sequence[Item], Future[list[Out]]]] = deque()
        try:
            for chunk in chunks:
                in_flight.append((chunk, self._submit(chunk)))
                if len(in_flight) >= self.processes * TASKS_IN_FLIGHT_PER_WORKER:
                    yield from self._settle(in_flight)
            while in_flight:
                yield from self._settle(in_flight)
        finally:
            for _, future in in_flight:
                future.cancel()

    def _settle(
        self, in_flight: deque[tuple[Sequence[Item], "Future[list[Out]]"]]
    ) -> Iterator[list[Out]]:
        # The oldest chunk's outcomes; after a worker died, those of every chunk in flight.
        chunk, future = in_flight.popleft()
        try:
            yield future.result()
        except BrokenProcessPool:
            queued = list(in_flight)
            in_flight.clear()
            self._replace()
            yield self._one_at_a_time(chunk)
            for later, result in queued:
                yield _finished(result) or self._one_at_a_time(later)
        except Exception:
            yield self._one_at_a_time(chunk)

    def _one_at_a_time(self, chunk: Sequence[Item]) -> list[Out]:
        # Each item of `chunk` as a task of its own, waited for before the next is sent.
        outcomes = []
        for item in chunk:
            try:
                [outcome] = self._submit([item]).result()
            except BrokenProcessPool as error:
                outcome = self.failed(item, error)
                self._replace()
            except Exception as error:
                outcome = self.failed(item, error)
            outcomes.append(outcome)
        return outcomes


def _finished(future: "Future[list[Out]]") -> list[Out] | None:
    # The result of a task that ended before its pool broke; None if it did not.
    if future.done() and not future.cancelled() and future.exception() is None:
        return future.result()
    return None
