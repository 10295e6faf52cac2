"""A Redis broker on a free loopback port and Celery workers listening on it, started as an
operator would start them (deploy/celery.yaml), and stopped at the end."""

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import ExitStack, contextmanager
from pathlib import Path

from tests.servers import free_port

BIN = Path(sys.executable).parent
PROJECT = Path(__file__).resolve().parents[2]
DEPLOY = PROJECT / "deploy"
# What each worker imports before taking tasks: the code location, so a step starts at once.
WORKER_IMPORTS = "orchestration.definitions"
START_SECONDS = 120.0


def python_path() -> str:
    """$PYTHONPATH with this checkout first, so that the processes started import its code."""
    return os.pathsep.join(filter(None, [str(PROJECT), os.environ.get("PYTHONPATH")]))


def wait_for(ready: Callable[[], bool], seconds: float, what: str) -> None:
    """Poll `ready` until it holds; fail naming `what` after `seconds`."""
    deadline = time.monotonic() + seconds
    while not ready():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what} not ready after {seconds:g} s")
        time.sleep(0.2)


def stop(process: subprocess.Popen) -> None:
    """End a process started in its own session, and everything it started."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@contextmanager
def redis_server(folder: Path) -> Iterator[str]:
    """A Redis server keeping nothing on disk; yields its URL."""
    port = free_port()
    server = subprocess.Popen(
        ["redis-server", "--bind", "127.0.0.1", "--port", str(port), "--save", "",
         "--appendonly", "no", "--dir", str(folder)],
        stdout=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    # The client comes with the scaled extra, which `make test` (which collects this module
    # but runs none of its tests) does not install.
    import redis

    client = redis.Redis(host="127.0.0.1", port=port)

    def answers() -> bool:
        try:
            return bool(client.ping())
        except redis.ConnectionError:
            return False

    try:
        wait_for(answers, 30, "redis")
        yield f"redis://127.0.0.1:{port}"
    finally:
        client.close()
        stop(server)


def worker_command(name: str) -> list[str]:
    """The command that starts the worker `name`, run from the project folder: the one
    docs/deploy.md gives."""
    return ["dagster-celery", "worker", "start", "-A", "dagster_celery.app",
            "-y", "deploy/celery.yaml", "-n", name, "-i", WORKER_IMPORTS]  # fmt: skip


def start_worker(name: str, environment: Mapping[str, str], log: Path) -> subprocess.Popen:
    """Start the worker `name` from the project folder, its output going to `log`, with this
    virtualenv's programs first on its PATH (`dagster-celery` runs `celery` from there), as
    in an activated virtualenv."""
    path = os.pathsep.join([str(BIN), environment.get("PATH", "")])
    with log.open("w") as output:
        return subprocess.Popen(
            worker_command(name), env={**environment, "PATH": path}, stdout=output,
            stderr=subprocess.STDOUT, start_new_session=True, cwd=PROJECT,
        )  # fmt: skip


@contextmanager
def celery_workers(
    count: int, environment: Mapping[str, str], folder: Path
) -> Iterator[list[subprocess.Popen]]:
    """`count` workers named w1, w2, ..., entered once each says it is ready."""
    with ExitStack() as stack:
        workers = []
        for n in range(1, count + 1):
            log = folder / f"w{n}.log"
            worker = start_worker(f"w{n}", environment, log)
            stack.callback(stop, worker)
            workers.append((worker, log))
        for worker, log in workers:
            wait_for(
                lambda w=worker, f=log: w.poll() is not None or " ready." in f.read_text(),
                START_SECONDS,
                f"worker {log.stem}",
            )
            assert worker.poll() is None, log.read_text()
        yield [worker for worker, _ in workers]
