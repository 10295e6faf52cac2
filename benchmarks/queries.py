"""Latency of the example analyses (sql/analyses/*.sql) on a built warehouse."""

import statistics
import time
from pathlib import Path

import duckdb

from orchestration.core.sql import sql_files

REPEATS = 5


def time_analyses(warehouse: Path) -> list[dict[str, object]]:
    """Median milliseconds of REPEATS runs of each analysis, after one untimed run."""
    results = []
    with duckdb.connect(str(warehouse), read_only=True) as con:
        for path in sql_files("analyses"):
            query = path.read_text(encoding="utf-8")
            rows = len(con.execute(query).fetchall())
            times = []
            for _ in range(REPEATS):
                start = time.perf_counter()
                con.execute(query).fetchall()
                times.append(time.perf_counter() - start)
            results.append(
                {
                    "query": path.name,
                    "rows": rows,
                    "median_ms": round(statistics.median(times) * 1000, 1),
                }
            )
    return results
