"""`make ui` serves the UI without warnings and Ctrl-C stops every process it started."""

import os
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

from tests.e2e.dagster_server import ROOT, default_stop_signals, free_port

START_SECONDS = 180


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/server_info", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def group_members(group: int) -> list[str]:
    found = subprocess.run(["pgrep", "-g", str(group), "-a"], capture_output=True, text=True)
    return [line for line in found.stdout.splitlines() if "<defunct>" not in line]


def test_make_ui_serves_without_warnings_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    home = tmp_path / "dagster_home"
    home.mkdir()
    (home / "dagster.yaml").write_text((ROOT / "dagster_home" / "dagster.yaml").read_text())
    port = free_port()
    log = tmp_path / "ui.log"
    with log.open("w") as out:
        ui = subprocess.Popen(
            ["make", "--no-print-directory", "ui", f"UI_PORT={port}", f"DAGSTER_HOME={home}"],
            cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
            preexec_fn=default_stop_signals,
        )  # fmt: skip
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + START_SECONDS
        while not answers(url):
            assert ui.poll() is None and time.monotonic() < deadline, log.read_text()
            time.sleep(1)
        os.killpg(ui.pid, signal.SIGINT)  # what Ctrl-C in the terminal sends
        ui.wait(timeout=60)
    assert not answers(url)
    deadline = time.monotonic() + 30
    while group_members(ui.pid) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert group_members(ui.pid) == []
    output = log.read_text()
    assert "warning" not in output.lower(), output
