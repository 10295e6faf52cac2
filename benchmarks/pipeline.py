"""Benchmark newsledger against bare spaCy on one synthetic corpus, in one run.

    python -m benchmarks.pipeline --articles 2000 [--out FILE.json]

Measures, on the same articles: bare `nlp.pipe` and our extraction with 1 and 2 processes;
`newsledger run` on the whole corpus into a fresh warehouse (wall time including Dagster's
start-up, peak RSS of its process tree); `newsledger run` on 10 further articles into that
warehouse; a run with nothing new, through `newsledger run`, through the job's own executor
(`dagster job execute`, as the sensor and the schedule launch it) and as the UI's "Materialize
all" (`dagster asset materialize --select '*'`); and each query of
sql/analyses/ on the result. The runs record into a Dagster home of the benchmark's own. Speeds
are only comparable within one run: the ratios are the figures to read. With --repeat N the
throughput stages and the full run are measured N times, in turn, and each of their figures is
the median of its N measurements.
"""

import argparse
import json
import shutil
import statistics
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import duckdb

from benchmarks.corpus import generate_articles, write_corpus
from benchmarks.measure import CommandRun, Elapsed, in_workdir, machine, run_command, write_json
from benchmarks.queries import time_analyses
from benchmarks.report import print_report
from benchmarks.throughput import count_tokens, time_bare_spacy, time_extraction
from orchestration.core.jobs import ingest_run_config
from orchestration.core.sql import read_sql
from orchestration.extract.chunks import process_count

INCREMENT = 10
PROCESS_COUNTS = (1, 2)
PROJECT_DAGSTER_YAML = Path(__file__).resolve().parent.parent / "dagster_home" / "dagster.yaml"
# Stages that process a handful of articles or none: their seconds are the figure, not a ratio.
SMALL_RUNS = (
    "incremental run",
    "no-op run, newsledger run",
    "no-op run, job executor",
    "no-op run, materialize all",
)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line: corpus size and seed, where to write the JSON and the files."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.pipeline", description=__doc__)
    parser.add_argument("--articles", type=int, default=2000, help="corpus size")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed")
    parser.add_argument("--out", type=Path, help="write the results as JSON here")
    parser.add_argument("--workdir", type=Path, help="keep corpus and warehouse here")
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="measure the throughput stages this many times, in turn, and report medians",
    )
    parser.add_argument(
        "--skip-baselines",
        action="store_true",
        help="only the full pipeline, the incremental run and the analyses",
    )
    return parser.parse_args(argv)


def _newsledger() -> str:
    """The `newsledger` command installed next to this interpreter."""
    beside = Path(sys.executable).with_name("newsledger")
    return str(beside) if beside.exists() else shutil.which("newsledger") or "newsledger"


def _checked(name: str, run: CommandRun, log: Path) -> CommandRun:
    if run.returncode != 0:
        raise SystemExit(f"{name} failed with exit code {run.returncode}; see {log}")
    return run


def _log(name: str, warehouse: Path) -> Path:
    return warehouse.parent / f"{name.replace(' ', '-').replace(',', '')}.log"


def dagster_home(workdir: Path) -> Path:
    """A Dagster home configured as the project's, for the benchmark's runs alone."""
    home = workdir / "dagster_home"
    home.mkdir(exist_ok=True)
    shutil.copy(PROJECT_DAGSTER_YAML, home / "dagster.yaml")
    return home


def newsledger_run(name: str, folder: Path, warehouse: Path, home: Path) -> CommandRun:
    """`newsledger run FOLDER --warehouse WAREHOUSE` as a measured subprocess."""
    log = _log(name, warehouse)
    args = [_newsledger(), "run", str(folder), "--warehouse", str(warehouse)]
    return _checked(name, run_command(args, log, {"DAGSTER_HOME": str(home)}), log)


def _dagster_run(
    name: str, command: list[str], folder: Path, warehouse: Path, home: Path
) -> CommandRun:
    """The `dagster` COMMAND run on FOLDER into WAREHOUSE, with the resources the UI configures
    (the warehouse named by NEWSLEDGER_WAREHOUSE)."""
    config = home / "run_config.json"
    config.write_text(json.dumps(ingest_run_config([str(folder)])), encoding="utf-8")
    dagster = str(Path(sys.executable).with_name("dagster"))
    args = [dagster, *command, "-m", "orchestration.definitions", "-c", str(config)]
    env = {"DAGSTER_HOME": str(home), "NEWSLEDGER_WAREHOUSE": str(warehouse)}
    log = _log(name, warehouse)
    return _checked(name, run_command(args, log, env), log)


def _executor_run(name: str, folder: Path, warehouse: Path, home: Path) -> CommandRun:
    """`dagster job execute` of newsledger_job: the job's executor, as the sensor and the
    schedule launch it."""
    return _dagster_run(name, ["job", "execute", "-j", "newsledger_job"], folder, warehouse, home)


def _materialize_all_run(name: str, folder: Path, warehouse: Path, home: Path) -> CommandRun:
    """`dagster asset materialize --select '*'`: every asset and check in a run of Dagster's
    own asset job, as the UI's "Materialize all" launches it."""
    command = ["asset", "materialize", "--select", "*"]
    return _dagster_run(name, command, folder, warehouse, home)


def _throughput(name: str, processes: int, runs: list[Elapsed], tokens: int) -> dict[str, Any]:
    """A stage's figures: the median wall and CPU seconds of its runs, and every run's wall
    seconds when there were several."""
    wall = statistics.median(r.wall_seconds for r in runs)
    stage = {
        "stage": name,
        "processes": processes,
        "seconds": round(wall, 2),
        "cpu_seconds": round(statistics.median(r.cpu_seconds for r in runs), 2),
        "tokens_per_second": round(tokens / wall),
    }
    if len(runs) > 1:
        stage["runs_seconds"] = [round(r.wall_seconds, 2) for r in runs]
    return stage


def _command_stage(name: str, folder: Path, runs: list[CommandRun], tokens: int) -> dict[str, Any]:
    """The figures of `newsledger run` stages, with the highest peak memory of their runs."""
    processes = process_count(len(list(folder.iterdir())))
    return _throughput(name, processes, [r.elapsed for r in runs], tokens) | {
        "peak_rss_mib": round(max(r.peak_rss_bytes for r in runs) / 2**20),
        "peak_process_rss_mib": round(max(r.peak_process_rss_bytes for r in runs) / 2**20),
    }


def _small_run_stage(name: str, run: CommandRun) -> dict[str, Any]:
    """The seconds and memory of a run with few articles or none."""
    return {
        "stage": name,
        "processes": 1,
        "seconds": round(run.elapsed.wall_seconds, 2),
        "cpu_seconds": round(run.elapsed.cpu_seconds, 2),
        "peak_rss_mib": round(run.peak_rss_bytes / 2**20),
        "peak_process_rss_mib": round(run.peak_process_rss_bytes / 2**20),
    }


def _warehouse_facts(warehouse: Path) -> dict[str, Any]:
    """File size on disk and the run summary's row counts."""
    files = [warehouse, warehouse.with_name(warehouse.name + ".wal")]
    with duckdb.connect(str(warehouse), read_only=True) as con:
        cursor = con.execute(read_sql("select/select_run_summary.sql"))
        counts = dict(zip([d[0] for d in cursor.description], cursor.fetchone(), strict=True))
    size = sum(f.stat().st_size for f in files if f.exists())
    return {"size_mib": round(size / 2**20, 1), "rows": counts}


def _add_ratios(stages: list[dict[str, Any]]) -> None:
    """Each stage's throughput as a fraction of bare spaCy with as many processes.

    `ratio_to_bare` compares wall times, `cpu_ratio_to_bare` CPU seconds (bare / ours).
    """
    bare = {s["processes"]: s for s in stages if s["stage"] == "bare spaCy"}
    for stage in stages:
        base = bare.get(stage["processes"])
        if base is None or stage["stage"] in SMALL_RUNS:
            continue
        stage["ratio_to_bare"] = round(stage["tokens_per_second"] / base["tokens_per_second"], 2)
        stage["cpu_ratio_to_bare"] = round(base["cpu_seconds"] / stage["cpu_seconds"], 2)


def targets(result: dict[str, Any]) -> list[dict[str, Any]]:
    """The acceptance targets this run can judge, with the measured value and the verdict."""
    stage = {(s["stage"], s["processes"]): s for s in result["stages"]}
    full = next(s for s in result["stages"] if s["stage"] == "full pipeline")
    incremental = stage["incremental run", 1]
    no_op = stage["no-op run, job executor", 1]
    materialize_all = stage["no-op run, materialize all", 1]
    found = [
        ("full pipeline / bare spaCy, same processes", full.get("ratio_to_bare"), ">=", 0.8),
        *(
            (f"our extraction / bare spaCy, {n} process(es)", s.get("ratio_to_bare"), ">=", 0.9)
            for (name, n), s in stage.items()
            if name == "our extraction"
        ),
        ("incremental run of 10 articles, seconds", incremental["seconds"], "<", 15),
        ("run with nothing new through the job's executor, seconds", no_op["seconds"], "<", 20),
        ("materialize all with nothing new, seconds", materialize_all["seconds"], "<", 20),
        ("full pipeline peak RSS, MiB", full["peak_rss_mib"], "<", 1536),
        *((f"{a['query']}, median ms", a["median_ms"], "<", 200) for a in result["analyses"]),
    ]
    return [
        {
            "target": name,
            "value": value,
            "limit": f"{op} {limit}",
            "met": value is not None and (value >= limit if op == ">=" else value < limit),
        }
        for name, value, op, limit in found
    ]


def fresh(folder: Path) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    return folder


def run_benchmark(args: argparse.Namespace, workdir: Path) -> dict[str, Any]:
    """Every measurement of one benchmark run, as a JSON-ready dict."""
    articles = generate_articles(args.articles, args.seed)
    increment = generate_articles(INCREMENT, args.seed, start=args.articles)
    corpus, extra = fresh(workdir / "corpus"), fresh(workdir / "increment")
    write_corpus(articles, corpus)
    write_corpus(increment, extra)
    tokens = count_tokens(articles)
    host = machine()
    timings: dict[tuple[str, int], list[Elapsed]] = defaultdict(list)
    full_runs = []
    home = dagster_home(workdir)
    for round_number in range(1, args.repeat + 1):
        if not args.skip_baselines:
            for processes in PROCESS_COUNTS:
                timings["bare spaCy", processes].append(time_bare_spacy(articles, processes))
                timings["our extraction", processes].append(time_extraction(articles, processes))
        warehouse = fresh(workdir / f"run-{round_number}") / "warehouse.duckdb"
        warehouse.parent.mkdir()
        full_runs.append(newsledger_run("full pipeline", corpus, warehouse, home))
    incremental = newsledger_run("incremental run", extra, warehouse, home)
    stages = [_throughput(name, n, runs, tokens) for (name, n), runs in timings.items()]
    stages.append(_command_stage("full pipeline", corpus, full_runs, tokens))
    stages.append(_command_stage("incremental run", extra, [incremental], count_tokens(increment)))
    for name, run in (
        ("no-op run, newsledger run", newsledger_run),
        ("no-op run, job executor", _executor_run),
        ("no-op run, materialize all", _materialize_all_run),
    ):
        stages.append(_small_run_stage(name, run(name, extra, warehouse, home)))
    _add_ratios(stages)
    host["load_average_1m_after"] = machine()["load_average_1m"]
    result = {
        "machine": host,
        "corpus": {"articles": len(articles), "seed": args.seed, "tokens": tokens},
        "stages": stages,
        "warehouse": _warehouse_facts(warehouse),
        "analyses": time_analyses(warehouse),
    }
    return result | {"targets": targets(result)}


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark, print its tables and write the JSON when asked."""
    args = parse_args(argv)
    result = in_workdir(
        args.workdir, "newsledger-bench-", lambda folder: run_benchmark(args, folder)
    )
    print_report(result)
    write_json(result, args.out)


if __name__ == "__main__":
    main()
