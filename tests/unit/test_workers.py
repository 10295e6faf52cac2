"""Worker processes live as long as the process that spawned them, and no longer."""

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from orchestration.core.workers import spawn_pool
from tests.e2e.test_orphans import alive, descendants

ROOT = Path(__file__).parents[2]
# Spawns two workers (submit starts each process before returning), says so, then waits to be
# killed: the workers are still starting, importing and loading the pipeline.
PARENT = """
import time
from orchestration.core.workers import spawn_pool

if __name__ == "__main__":
    pool = spawn_pool(2)
    futures = [pool.executor.submit(time.sleep, 60) for _ in range(2)]
    print("spawned", flush=True)
    time.sleep(120)
"""


def test_starting_workers_exit_soon_after_their_parent_is_killed() -> None:
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT], cwd=ROOT, stdout=subprocess.PIPE, text=True,
        start_new_session=True,
    )  # fmt: skip
    try:
        assert parent.stdout.readline() == "spawned\n"
        family = descendants(parent.pid)
        assert len(family) == 3, "two workers and the resource tracker"
        parent.kill()
        parent.wait(timeout=10)
        killed = time.monotonic()
        while alive(family) and time.monotonic() - killed < 10:
            time.sleep(0.05)
        assert alive(family) == []
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(parent.pid, signal.SIGKILL)
        parent.wait(timeout=10)


def test_workers_outlive_the_thread_that_spawned_them() -> None:
    # A pool spawns a worker from the thread that submits the task; the worker must not die
    # with that thread (as it would with Linux's parent-death signal).
    pool = spawn_pool(1)
    try:
        first: list[int] = []
        spawner = threading.Thread(
            target=lambda: first.append(pool.executor.submit(os.getpid).result())
        )
        spawner.start()
        spawner.join(timeout=120)
        assert not spawner.is_alive()
        assert [pool.executor.submit(os.getpid).result(timeout=60)] == first
        assert pool.executor.submit(os.getppid).result(timeout=60) == os.getpid()
    finally:
        pool.executor.shutdown()
