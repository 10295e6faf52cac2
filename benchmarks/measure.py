"""Measuring work: wall and CPU seconds, and the peak resident memory of a process tree.

CPU seconds are much less disturbed than wall time when other programs share the cores. A
stage's include every reaped child process; a command's (run_command) every process of its
tree, polled, since a process forked from a fork server is reaped by nobody the command waits
for. The peak memory is the largest sum of VmRSS over a process and
all of its descendants seen while polling /proc, so worker processes count while they live
(ru_maxrss of children would only give the largest single child). Linux only, with a kernel
that lists a thread's children in /proc (CONFIG_PROC_CHILDREN, as Debian's and Ubuntu's do).
"""

import json
import os
import platform
import resource
import subprocess
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

POLL_SECONDS = 0.05
# PSS is read every this many polls (0.2 s): reading it walks every page table of the tree.
PSS_EVERY = 4
PROC = Path("/proc")
PAGE_BYTES = os.sysconf("SC_PAGE_SIZE")
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(children_only: bool = False) -> float:
    """User and system CPU seconds of this process (unless `children_only`) and its reaped
    children so far."""
    usages = [resource.getrusage(resource.RUSAGE_CHILDREN)]
    if not children_only:
        usages.append(resource.getrusage(resource.RUSAGE_SELF))
    return sum(u.ru_utime + u.ru_stime for u in usages)


@dataclass(frozen=True)
class Elapsed:
    """Wall and CPU seconds of one piece of work."""

    wall_seconds: float
    cpu_seconds: float


class Stopwatch:
    """Wall and CPU seconds since it was started; `children_only` leaves this process out."""

    def __init__(self, children_only: bool = False) -> None:
        self.children_only = children_only
        self.wall, self.cpu = time.perf_counter(), cpu_seconds(children_only)

    def elapsed(self) -> Elapsed:
        """The seconds since the stopwatch started."""
        cpu = cpu_seconds(self.children_only) - self.cpu
        return Elapsed(time.perf_counter() - self.wall, cpu)


@dataclass(frozen=True)
class CommandRun:
    """How a command went: exit code, seconds, peak tree RSS and peak single-process RSS."""

    returncode: int
    elapsed: Elapsed
    peak_rss_bytes: int
    peak_process_rss_bytes: int
    peak_pss_bytes: int


def _children(pid: int) -> list[int]:
    """The child processes of `pid`, as each of its threads lists them; [] once it has gone."""
    found: list[int] = []
    try:
        tasks = list((PROC / str(pid) / "task").iterdir())
    except OSError:
        return found
    for task in tasks:
        try:
            found.extend(int(child) for child in (task / "children").read_text().split())
        except OSError:  # the thread has ended
            continue
    return found


def _rss_bytes(pid: int) -> int:
    """Resident set size of one process, 0 once it has gone."""
    try:
        return int((PROC / str(pid) / "statm").read_text().split()[1]) * PAGE_BYTES
    except OSError:
        return 0


def _pss_bytes(pid: int) -> int:
    """Proportional set size of one process (each page shared with others counted as its
    share), 0 once it has gone."""
    try:
        for line in (PROC / str(pid) / "smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _tree(root: int) -> list[int]:
    tree = [root]
    for pid in tree:
        tree.extend(_children(pid))
    return tree


def tree_pss(root: int) -> int:
    """Summed PSS over `root` and its descendants: the memory the tree holds, a page that
    processes share (a fork's, a library's) counted once, where a sum of RSS counts it in each.
    Costs a walk of each process's page tables, so it is polled less often than RSS."""
    return sum(_pss_bytes(pid) for pid in _tree(root))


def _cpu_ticks(pid: int) -> tuple[tuple[int, int], int] | None:
    """One process, named by its id and start time (an id can be reused), and the user and
    system CPU clock ticks it has used so far; None once it has gone."""
    try:
        stat = (PROC / str(pid) / "stat").read_text()
    except OSError:
        return None
    fields = stat[stat.rindex(")") + 2 :].split()
    return (pid, int(fields[19])), int(fields[11]) + int(fields[12])


def tree_rss(root: int) -> tuple[int, int]:
    """Summed and largest RSS over `root` and its descendants.

    The tree is followed through /proc's children lists rather than by reading every process
    on the machine: a poll then costs about 0.1 ms instead of 1 ms, little enough not to slow
    what it measures.
    """
    sizes = [_rss_bytes(pid) for pid in _tree(root)]
    return sum(sizes), max(sizes)


def run_command(args: Sequence[str], log: Path, env: Mapping[str, str] | None = None) -> CommandRun:
    """Run `args` to completion, with `env` added to this process's environment, output to
    `log`, polling its process tree's memory.

    Its CPU seconds are those of every process of its tree as last polled, not those of its
    reaped children: a process forked from a fork server is reaped by the server, which
    nobody reaps once the command has exited. Each process's last poll interval is missed.
    """
    wall = time.perf_counter()
    ticks: dict[tuple[int, int], int] = {}
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(
            args, stdout=out, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})}
        )
        peak = peak_process = peak_pss = polls = 0
        while process.poll() is None:
            for seen in filter(None, map(_cpu_ticks, _tree(process.pid))):
                ticks[seen[0]] = seen[1]
            total, largest = tree_rss(process.pid)
            peak, peak_process = max(peak, total), max(peak_process, largest)
            if polls % PSS_EVERY == 0:
                peak_pss = max(peak_pss, tree_pss(process.pid))
            polls += 1
            time.sleep(POLL_SECONDS)
    elapsed = Elapsed(time.perf_counter() - wall, sum(ticks.values()) / CLOCK_TICKS)
    return CommandRun(process.returncode, elapsed, peak, peak_process, peak_pss)


def machine() -> dict[str, object]:
    """The machine the numbers were measured on: cores, memory, CPU, load."""
    meminfo = dict(
        line.split(":", 1) for line in (PROC / "meminfo").read_text().splitlines() if ":" in line
    )
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in (PROC / "cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    return {
        "cores": len(os.sched_getaffinity(0)),
        "memory_gib": round(int(meminfo["MemTotal"].split()[0]) / 1024**2, 1),
        "cpu": cpu,
        "python": platform.python_version(),
        "load_average_1m": os.getloadavg()[0],
    }


def in_workdir(
    workdir: Path | None, prefix: str, run: Callable[[Path], dict[str, Any]]
) -> dict[str, Any]:
    """What `run` measures in `workdir` (made when missing, and kept), or in a temporary folder
    named from `prefix` and removed afterwards."""
    if workdir:
        workdir.mkdir(parents=True, exist_ok=True)
        return run(workdir)
    with tempfile.TemporaryDirectory(prefix=prefix) as folder:
        return run(Path(folder))


def write_json(result: dict[str, Any], out: Path | None) -> None:
    """Write a benchmark's result to `out` as JSON, when there is one."""
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
