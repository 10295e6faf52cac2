"""Starting `dagster dev` on a free port with a throwaway DAGSTER_HOME, for end-to-end tests."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

BIN = Path(sys.executable).parent
ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def graphql(base: str, query: str) -> dict[str, Any]:
    """POST a GraphQL query to the webserver and return its data."""
    request = urllib.request.Request(
        f"{base}/graphql",
        data=json.dumps({"query": query}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)["data"]


def wait_for_assets(base: str, timeout: float = 180) -> list[dict[str, Any]]:
    """Wait until the webserver lists the code location's assets."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            nodes = graphql(base, "{ assetNodes { assetKey { path } groupName } }")["assetNodes"]
            if nodes:
                return nodes
        except (OSError, KeyError, TypeError):
            pass
        if time.monotonic() > deadline:
            raise TimeoutError("dagster dev did not serve the asset graph in time")
        time.sleep(2)


def default_stop_signals() -> None:
    """In the server's process: stop on SIGINT and SIGTERM again. A command started in the
    background by a non-interactive shell, as CI may start the tests, inherits them ignored,
    and `dagster dev` would then never hear the test ask it to stop."""
    for stop in (signal.SIGINT, signal.SIGTERM):
        signal.signal(stop, signal.SIG_DFL)


@contextmanager
def dagster_dev(home: Path, env: dict[str, str] | None = None) -> Iterator[str]:
    """Run `dagster dev` with DAGSTER_HOME=`home` (the project's dagster.yaml); yield its URL."""
    home.mkdir(parents=True, exist_ok=True)
    (home / "dagster.yaml").write_text((ROOT / "dagster_home" / "dagster.yaml").read_text())
    port = free_port()
    server = subprocess.Popen(
        [str(BIN / "dagster"), "dev", "-m", "orchestration.definitions", "-h", "127.0.0.1",
         "-p", str(port)],
        cwd=ROOT, env={**os.environ, "DAGSTER_HOME": str(home), **(env or {})},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        preexec_fn=default_stop_signals,
    )  # fmt: skip
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=60)
