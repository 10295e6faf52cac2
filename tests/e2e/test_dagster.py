"""The code location loads in Dagster's own tools, and the UI serves its asset graph."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

BIN = Path(sys.executable).parent
ROOT = Path(__file__).resolve().parents[2]
ASSETS_QUERY = '{"query": "{ assetNodes { assetKey { path } groupName } }"}'


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_definitions_validate() -> None:
    done = subprocess.run(
        [str(BIN / "dagster"), "definitions", "validate", "-m", "orchestration.definitions"],
        capture_output=True, text=True, timeout=300, cwd=ROOT, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


def asset_groups(port: int, deadline: float) -> dict[str, str]:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/graphql",
        data=ASSETS_QUERY.encode(),
        headers={"Content-Type": "application/json"},
    )
    while True:
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                nodes = json.load(response)["data"]["assetNodes"]
            if nodes:
                return {"/".join(n["assetKey"]["path"]): n["groupName"] for n in nodes}
        except (OSError, KeyError, TypeError):
            pass
        if time.monotonic() > deadline:
            raise TimeoutError("dagster dev did not serve the asset graph in time")
        time.sleep(2)


def test_dagster_dev_lists_assets_by_stage(tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, "DAGSTER_HOME": str(tmp_path)}
    (tmp_path / "dagster.yaml").write_text((ROOT / "dagster_home" / "dagster.yaml").read_text())
    server = subprocess.Popen(
        [str(BIN / "dagster"), "dev", "-m", "orchestration.definitions", "-h", "127.0.0.1",
         "-p", str(port)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,
    )  # fmt: skip
    try:
        groups = asset_groups(port, time.monotonic() + 180)
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=60)
    assert groups["raw_articles"] == "ingest"
    assert groups["extractions"] == "extract"
    assert groups["stg_figures"] == "quality"
    assert groups["fct_figure"] == "warehouse"
