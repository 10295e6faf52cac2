"""Benchmark memory against backlog size: `newsledger run` on corpora of different sizes.

    python -m benchmarks.memory --articles 2000 20000 [--repeat N] [--out FILE.json]

Each size gets a fresh synthetic corpus (the first N articles of one seeded corpus) and a
fresh warehouse, loaded by one `newsledger run` as a person would start it: the run ingests,
extracts, stages, checks and loads batch after batch (WarehouseResource.batch_articles, or
NEWSLEDGER_BATCH_ARTICLES) until nothing awaits loading. For each it records wall and CPU
seconds, articles per second, the peak RSS of the whole process tree and of its largest
process, and the peak PSS of the tree (the memory it holds, pages its processes share counted
once: `newsledger run` forks each run from a server that shares its imports with it). The first
size is the baseline: every later one is reported as a ratio to it,
measured in the same run, and the targets ask that memory stay within 10% of the baseline's
however large the backlog, and throughput be no lower.

With --repeat N every size is measured N times, in turn (2,000, 20,000, 2,000, 20,000, ...),
each time into a fresh warehouse: each round's ratios are those of its own measurements, taken
minutes apart, and the summary gives the median of each figure and of each ratio, so that load
from elsewhere on a shared machine during one measurement does not decide the verdict.
"""

import argparse
import json
import statistics
from pathlib import Path
from typing import Any

from benchmarks.corpus import generate_articles, write_corpus
from benchmarks.measure import CommandRun, in_workdir, machine, write_json
from benchmarks.pipeline import dagster_home, fresh, newsledger_run
from orchestration.core.deployment import DEPLOYMENT

MIB = 1024 * 1024
# Corpora are generated and written this many articles at a time.
WRITE_CHUNK = 1000
# The targets: peak memory at most this much above the baseline's, throughput at least its.
MAX_MEMORY_RATIO = 1.10
MIN_THROUGHPUT_RATIO = 1.0


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line: corpus sizes, seed, where to write the JSON and the files."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.memory", description=__doc__)
    parser.add_argument(
        "--articles", type=int, nargs="+", default=[2000, 20000], help="corpus sizes"
    )
    parser.add_argument("--seed", type=int, default=0, help="corpus seed")
    parser.add_argument(
        "--repeat", type=int, default=1, help="rounds: every size measured this many times"
    )
    parser.add_argument("--out", type=Path, help="write the results as JSON here")
    parser.add_argument("--workdir", type=Path, help="keep corpora and warehouses here")
    return parser.parse_args(argv)


def write_articles(count: int, seed: int, folder: Path) -> None:
    """The first `count` articles of the corpus drawn with `seed`, written to `folder`."""
    for start in range(0, count, WRITE_CHUNK):
        write_corpus(generate_articles(min(WRITE_CHUNK, count - start), seed, start), folder)


def size_figures(articles: int, run: CommandRun) -> dict[str, Any]:
    """One size's figures."""
    return {
        "articles": articles,
        "wall_seconds": round(run.elapsed.wall_seconds, 1),
        "cpu_seconds": round(run.elapsed.cpu_seconds, 1),
        "articles_per_second": round(articles / run.elapsed.wall_seconds, 2),
        "peak_rss_mib": round(run.peak_rss_bytes / MIB),
        "peak_process_rss_mib": round(run.peak_process_rss_bytes / MIB),
        "peak_pss_mib": round(run.peak_pss_bytes / MIB),
    }


def ratios(baseline: dict[str, Any], size: dict[str, Any]) -> dict[str, Any]:
    """A size's memory and throughput over the baseline's, and whether they meet the targets."""
    memory = size["peak_rss_mib"] / baseline["peak_rss_mib"]
    process = size["peak_process_rss_mib"] / baseline["peak_process_rss_mib"]
    pss = size["peak_pss_mib"] / baseline["peak_pss_mib"]
    throughput = size["articles_per_second"] / baseline["articles_per_second"]
    return {
        "articles": size["articles"],
        "peak_rss_ratio": round(memory, 3),
        "peak_process_rss_ratio": round(process, 3),
        "peak_pss_ratio": round(pss, 3),
        "throughput_ratio": round(throughput, 3),
        "memory_target_met": max(memory, process, pss) <= MAX_MEMORY_RATIO,
        "throughput_target_met": throughput >= MIN_THROUGHPUT_RATIO,
    }


def medians(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The median of each figure of `rows`, one size's (or one ratio's) measurements; the
    verdicts are left to be given again on the medians."""
    return {
        key: rows[0][key]
        if key == "articles"
        else round(statistics.median(r[key] for r in rows), 3)
        for key in rows[0]
        if not isinstance(rows[0][key], bool)
    }


def run_benchmark(args: argparse.Namespace, workdir: Path) -> dict[str, Any]:
    """Every measurement of one benchmark run, as a JSON-ready dict."""
    host = machine()
    home = dagster_home(workdir)
    corpora = {}
    for articles in args.articles:
        corpora[articles] = fresh(workdir / f"corpus-{articles}")
        write_articles(articles, args.seed, corpora[articles])
    rounds = []
    for round_number in range(1, args.repeat + 1):
        sizes = []
        for articles in args.articles:
            warehouse = fresh(workdir / f"run-{articles}-{round_number}") / "warehouse.duckdb"
            warehouse.parent.mkdir()
            run = newsledger_run(f"{articles} articles", corpora[articles], warehouse, home)
            sizes.append(size_figures(articles, run))
            print(json.dumps({"round": round_number, **sizes[-1]}), flush=True)
        rounds.append({"sizes": sizes, "ratios": [ratios(sizes[0], size) for size in sizes[1:]]})
    host["load_average_1m_after"] = machine()["load_average_1m"]
    summary = {
        "sizes": [medians([r["sizes"][i] for r in rounds]) for i in range(len(args.articles))],
        "ratios": [
            medians([r["ratios"][i] for r in rounds]) for i in range(len(args.articles) - 1)
        ],
    }
    for ratio in summary["ratios"]:
        ratio["memory_target_met"] = (
            max(ratio["peak_rss_ratio"], ratio["peak_process_rss_ratio"], ratio["peak_pss_ratio"])
            <= MAX_MEMORY_RATIO
        )
        ratio["throughput_target_met"] = ratio["throughput_ratio"] >= MIN_THROUGHPUT_RATIO
    return {
        "machine": host,
        "batch_articles": DEPLOYMENT.batch_articles,
        "rounds": rounds,
        **summary,
    }


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark, print its figures and write the JSON when asked."""
    args = parse_args(argv)
    result = in_workdir(
        args.workdir, "newsledger-memory-", lambda folder: run_benchmark(args, folder)
    )
    print(json.dumps(result, indent=2))
    write_json(result, args.out)


if __name__ == "__main__":
    main()
