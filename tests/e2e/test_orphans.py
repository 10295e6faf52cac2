"""A `newsledger run` killed with SIGKILL during extraction leaves no process of its own behind:
its workers and multiprocessing's resource tracker exit soon after it."""

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import write_articles

pytestmark = pytest.mark.e2e

BIN = Path(sys.executable).parent
ARTICLES = 300
GONE_WITHIN_SECONDS = 15


def start_time(pid: int) -> int | None:
    """The start time of process `pid` (clock ticks since boot); None once it is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return None
    fields = stat[stat.rindex(")") + 2 :].split()
    return None if fields[0] in "ZX" else int(fields[19])


def children(pid: int) -> list[int]:
    """The child processes of every thread of `pid`."""
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(FileNotFoundError):
            found += [int(c) for c in (task / "children").read_text().split()]
    return found


def descendants(pid: int) -> dict[int, int]:
    """Every live descendant of `pid`, by pid, with its start time."""
    found: dict[int, int] = {}
    todo = children(pid)
    while todo:
        child = todo.pop()
        started = start_time(child)
        if started is not None and child not in found:
            found[child] = started
            todo += children(child)
    return found


def command_line(pid: int) -> str:
    return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()


def alive(processes: dict[int, int]) -> list[int]:
    """Those of `processes` still running: same pid, same start time, not a zombie."""
    return [pid for pid, started in processes.items() if start_time(pid) == started]


def test_sigkill_of_a_run_during_extraction_leaves_no_process_behind(tmp_path: Path) -> None:
    write_articles(tmp_path / "articles", 0, ARTICLES)
    run = subprocess.Popen(
        [str(BIN / "newsledger"), "run", str(tmp_path / "articles"),
         "--warehouse", str(tmp_path / "warehouse.duckdb")],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )  # fmt: skip
    try:
        marker = f"extracting {ARTICLES} articles with up to"
        assert any(marker in line for line in run.stderr), "the run never extracted in workers"
        family = descendants(run.pid)
        commands = [command_line(pid) for pid in family]
        assert any("multiprocessing.spawn" in c for c in commands), commands
        assert any("resource_tracker" in c for c in commands), commands

        run.send_signal(signal.SIGKILL)
        killed = time.monotonic()
        run.wait(timeout=10)
        while alive(family) and time.monotonic() - killed < GONE_WITHIN_SECONDS:
            time.sleep(0.05)
        seconds, survivors = time.monotonic() - killed, alive(family)
        print(f"{len(survivors)} of {len(family)} descendants left {seconds:.2f} s after SIGKILL")
        assert {pid: command_line(pid) for pid in survivors} == {}
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(run.pid, signal.SIGKILL)
        run.wait(timeout=10)
