"""The benchmark's memory poll sums a process and all of its descendants, and counts the pages
a fork shares with its parent once in the tree's PSS; a command's CPU seconds count a process
its tree started but never reaped."""

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from benchmarks.measure import run_command, tree_pss, tree_rss

MIB = 2**20
HOLD = 64  # MiB each process of the tree holds
# Each process holds its memory until its standard input closes: the child's closes when the
# parent exits, the parent's when the test closes it.
CHILD = f"import sys; held = b'x' * ({HOLD} * {MIB}); print('ready', flush=True); sys.stdin.read()"
PARENT = (
    "import subprocess, sys\n"
    f"held = b'x' * ({HOLD} * {MIB})\n"
    f"child = subprocess.Popen([sys.executable, '-c', {CHILD!r}], stdin=subprocess.PIPE,\n"
    "                         stdout=subprocess.PIPE)\n"
    "child.stdout.readline()\n"
    "print('ready', flush=True)\n"
    "sys.stdin.read()\n"
)


@contextmanager
def holding(script: str) -> Iterator[int]:
    """The process id of `script`, once it says it is ready; it ends on leaving."""
    with subprocess.Popen(
        [sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    ) as process:
        assert process.stdout is not None and process.stdout.readline() == b"ready\n"
        yield process.pid


def test_the_tree_rss_counts_a_child_of_a_child() -> None:
    with holding(PARENT) as parent:
        total, largest = tree_rss(parent)
    assert total >= 2 * HOLD * MIB
    assert HOLD * MIB <= largest < total


# The parent touches its memory, then forks a child that shares it, page for page, until exit.
FORKED = (
    "import os, sys\n"
    f"held = b'x' * ({HOLD} * {MIB})\n"
    "if os.fork() == 0:\n"
    "    sys.stdin.read()\n"
    "    os._exit(0)\n"
    "print('ready', flush=True)\n"
    "sys.stdin.read()\n"
)


def test_the_tree_pss_counts_what_a_fork_shares_once() -> None:
    with holding(FORKED) as parent:
        rss, _ = tree_rss(parent)
        pss = tree_pss(parent)
    assert rss >= 2 * HOLD * MIB  # both processes hold the shared pages resident
    assert HOLD * MIB <= pss < rss - HOLD * MIB // 2


# A grandchild burns half a second of CPU, then tells the command through a pipe; its parent
# reaps it, but the command exits without reaping that parent, as `newsledger run` leaves its
# fork server.
UNREAPED = (
    "import os, time\n"
    "read, write = os.pipe()\n"
    "if os.fork() == 0:\n"
    "    if os.fork() == 0:\n"
    "        end = time.process_time() + 0.5\n"
    "        while time.process_time() < end:\n"
    "            pass\n"
    "        time.sleep(0.2)\n"
    "        os.write(write, b'done')\n"
    "        os._exit(0)\n"
    "    os.wait()\n"
    "    os._exit(0)\n"
    "os.read(read, 4)\n"
)


def test_a_commands_cpu_counts_a_process_nobody_in_it_reaped(tmp_path: Path) -> None:
    run = run_command([sys.executable, "-c", UNREAPED], tmp_path / "log")
    assert run.returncode == 0
    assert run.elapsed.cpu_seconds >= 0.4
