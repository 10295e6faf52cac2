"""Processes the tests start as users would: the newsledger command, and another process
holding the warehouse's write lock."""

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

BIN = Path(sys.executable).parent
NEWSLEDGER = BIN / "newsledger"


def newsledger(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run `newsledger ARGS...` to the end and return what it printed and its exit code."""
    return subprocess.run(
        [str(NEWSLEDGER), *args], capture_output=True, text=True, timeout=timeout, check=False
    )


@contextmanager
def writer_holding(warehouse: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding a write connection to `warehouse` (and so its lock) until
    leaving, as a run or an analyst's session would; entered once it holds it."""
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import duckdb, sys
            con = duckdb.connect({str(warehouse)!r})
            print("locked", flush=True)
            sys.stdin.readline()
        """)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        yield holder
    finally:
        holder.kill()
        holder.wait()
