"""Measuring work: wall and CPU seconds, and the peak resident memory of a process tree.

CPU seconds include every reaped child process and are much less disturbed than wall time when
other programs share the cores. The peak memory is the largest sum of VmRSS over a process and
all of its descendants seen while polling /proc, so worker processes count while they live
(ru_maxrss of children would only give the largest single child). Linux only.
"""

import os
import platform
import resource
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

POLL_SECONDS = 0.05
PROC = Path("/proc")


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


def _parents() -> dict[int, int]:
    """Every live process id mapped to its parent's id."""
    parents = {}
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # The command name may hold spaces and parentheses; the fields after it do not.
        parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    return parents


def _rss_bytes(pid: int) -> int:
    """Resident set size of one process, 0 once it has gone."""
    try:
        for line in (PROC / str(pid) / "status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def tree_rss(root: int) -> tuple[int, int]:
    """Summed and largest RSS over `root` and its descendants."""
    parents, tree, frontier = _parents(), {root}, [root]
    children: dict[int, list[int]] = {}
    for pid, parent in parents.items():
        children.setdefault(parent, []).append(pid)
    while frontier:
        for child in children.get(frontier.pop(), []):
            tree.add(child)
            frontier.append(child)
    sizes = [_rss_bytes(pid) for pid in tree]
    return sum(sizes), max(sizes)


def run_command(args: Sequence[str], log: Path) -> CommandRun:
    """Run `args` to completion, output to `log`, polling its process tree's memory."""
    watch = Stopwatch(children_only=True)
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT)
        peak = peak_process = 0
        while process.poll() is None:
            total, largest = tree_rss(process.pid)
            peak, peak_process = max(peak, total), max(peak_process, largest)
            time.sleep(POLL_SECONDS)
    return CommandRun(process.returncode, watch.elapsed(), peak, peak_process)


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
