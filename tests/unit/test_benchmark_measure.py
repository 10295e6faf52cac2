"""The benchmark's memory poll sums a process and all of its descendants, and counts the pages
a fork shares with its parent once in the tree's PSS."""

import subprocess
import sys

from benchmarks.measure import tree_pss, tree_rss

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


def test_the_tree_rss_counts_a_child_of_a_child() -> None:
    with subprocess.Popen(
        [sys.executable, "-c", PARENT], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    ) as parent:
        assert parent.stdout is not None and parent.stdout.readline() == b"ready\n"
        total, largest = tree_rss(parent.pid)
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
    with subprocess.Popen(
        [sys.executable, "-c", FORKED], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    ) as parent:
        assert parent.stdout is not None and parent.stdout.readline() == b"ready\n"
        rss, _ = tree_rss(parent.pid)
        pss = tree_pss(parent.pid)
    assert rss >= 2 * HOLD * MIB  # both processes hold the shared pages resident
    assert HOLD * MIB <= pss < rss - HOLD * MIB // 2
