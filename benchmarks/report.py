"""Printing a benchmark result as tables."""

from typing import Any

from rich.console import Console
from rich.table import Table

STAGE_COLUMNS = {
    "stage": "stage",
    "processes": "processes",
    "seconds": "wall s",
    "cpu_seconds": "CPU s",
    "tokens_per_second": "tokens/s",
    "ratio_to_bare": "÷ bare (wall)",
    "cpu_ratio_to_bare": "÷ bare (CPU)",
    "peak_rss_mib": "peak RSS MiB (tree)",
    "peak_process_rss_mib": "largest process MiB",
}


def _table(title: str, columns: dict[str, str], rows: list[dict[str, Any]]) -> Table:
    table = Table(*columns.values(), title=title)
    for row in rows:
        table.add_row(*("" if row.get(key) is None else str(row[key]) for key in columns))
    return table


def print_report(result: dict[str, Any], console: Console | None = None) -> None:
    """Print the stages, the warehouse, the analyses and the targets of `result`."""
    console = console or Console()
    host, corpus, warehouse = result["machine"], result["corpus"], result["warehouse"]
    console.print(
        f"{corpus['articles']} articles, {corpus['tokens']} tokens (seed {corpus['seed']}); "
        f"{host['cores']} cores, {host['memory_gib']} GiB, {host['cpu']}; load average "
        f"{host['load_average_1m']:.2f} before, {host['load_average_1m_after']:.2f} after"
    )
    console.print(_table("throughput", STAGE_COLUMNS, result["stages"]))
    console.print(f"warehouse: {warehouse['size_mib']} MiB, {warehouse['rows']}")
    console.print(
        _table(
            "analyses",
            {"query": "query", "rows": "rows", "median_ms": "median ms"},
            result["analyses"],
        )
    )
    console.print(
        _table(
            "targets",
            {"target": "target", "value": "value", "limit": "limit", "met": "met"},
            result["targets"],
        )
    )
