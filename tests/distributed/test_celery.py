"""The scaled deployment on real servers: Dagster's storage in PostgreSQL, every step of
`newsledger run` sent through Redis to two Celery workers, extraction a chunk of articles per
step. Its warehouse must equal an embedded run's on the same inputs, and a worker process
killed in the middle of an extraction step must cost nothing but the time to run it again."""

import os
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import dagster as dg
import duckdb
import pytest

pytest.importorskip("dagster_celery", reason="needs the scaled extra: pip install -e '.[scaled]'")
pytest.importorskip("dagster_postgres", reason="needs the scaled extra: pip install -e '.[scaled]'")

from orchestration.core.instance import PID_TAG
from tests.conftest import FIXTURES, write_articles
from tests.distributed.cluster import (
    BIN,
    DEPLOY,
    celery_workers,
    python_path,
    redis_server,
)
from tests.distributed.postgres import postgres_cluster

pytestmark = pytest.mark.distributed

# Articles per extraction step: the 50 articles of the corpus make 5 steps.
CHUNK_ARTICLES = 10
CHUNK_STEP = "extractions.extract_chunk["
RUN_SECONDS = 600
# Columns that differ between two runs of the same inputs.
RUN_COLUMNS = {"run_id"}
FACT_KEYS = {
    "extractions": "article_id",
    "fct_entity_mention": "mention_id",
    "fct_figure": "figure_id",
    "fct_quote": "quote_id",
    "fct_date_reference": "date_reference_id",
}


@dataclass(frozen=True)
class Cluster:
    """The scaled deployment's environment and the Dagster home its runs are recorded in."""

    environment: dict[str, str]
    home: Path


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    """PostgreSQL, Redis and two Celery workers configured by the files of deploy/."""
    root = tmp_path_factory.mktemp("cluster")
    home = root / "dagster_home"
    home.mkdir()
    shutil.copy(DEPLOY / "dagster.yaml", home / "dagster.yaml")
    with postgres_cluster() as postgres, redis_server(root) as broker:
        environment = {
            **os.environ,
            **postgres.environment(),
            "DAGSTER_HOME": str(home),
            "PYTHONPATH": python_path(),
            "NEWSLEDGER_CONFIG": str(DEPLOY / "newsledger.yaml"),
            "NEWSLEDGER_CELERY_BROKER": f"{broker}/0",
            "NEWSLEDGER_CELERY_BACKEND": f"{broker}/1",
            "NEWSLEDGER_EXTRACT_CHUNK_ARTICLES": str(CHUNK_ARTICLES),
        }
        with (
            celery_workers(2, environment, root),
            pytest.MonkeyPatch.context() as patch,
        ):
            for name, value in postgres.environment().items():
                patch.setenv(name, value)
            yield Cluster(environment, home)


def newsledger_run(
    folders: list[Path], warehouse: Path, environment: dict[str, str]
) -> subprocess.Popen[str]:
    """`newsledger run FOLDERS --warehouse WAREHOUSE` in `environment`, started."""
    return subprocess.Popen(
        [str(BIN / "newsledger"), "run", *map(str, folders), "--warehouse", str(warehouse)],
        env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def finished(run: subprocess.Popen[str]) -> None:
    """Wait for a run and fail with its output unless it succeeded."""
    stdout, stderr = run.communicate(timeout=RUN_SECONDS)
    assert run.returncode == 0, stdout + stderr[-5000:]


def embedded_environment() -> dict[str, str]:
    """The environment of an embedded run: no deployment file, no overrides."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("NEWSLEDGER_")}
    return environment | {"PYTHONPATH": python_path()}


def table_rows(warehouse: Path) -> dict[str, list[tuple]]:
    """Every table's rows, sorted, without timestamps and run ids."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        columns: dict[str, list[str]] = {}
        for table, column, data_type in con.execute(
            """select c.table_name, c.column_name, c.data_type
               from information_schema.columns c join information_schema.tables t
                 using (table_schema, table_name)
               where t.table_type = 'BASE TABLE' order by c.table_name, c.ordinal_position"""
        ).fetchall():
            if not data_type.startswith("TIMESTAMP") and column not in RUN_COLUMNS:
                columns.setdefault(table, []).append(f'"{column}"')
        return {
            table: sorted(
                con.execute(f"select {', '.join(cols)} from {table}").fetchall(), key=repr
            )
            for table, cols in columns.items()
        }


def duplicates(warehouse: Path) -> dict[str, int]:
    """Per table keyed by one column, how many rows repeat a key."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        found = {
            table: con.execute(f"select count(*) - count(distinct {key}) from {table}").fetchone()[
                0
            ]
            for table, key in FACT_KEYS.items()
        }
    return {table: n for table, n in found.items() if n}


def run_of(instance: dg.DagsterInstance, run: subprocess.Popen[str]) -> dg.DagsterRun | None:
    """The Dagster run the `newsledger run` process started, once it is recorded."""
    records = instance.get_run_records(dg.RunsFilter(tags={PID_TAG: str(run.pid)}))
    return records[0].dagster_run if records else None


def step_events(
    instance: dg.DagsterInstance, run_id: str, kind: dg.DagsterEventType
) -> list[dg.DagsterEvent]:
    """The run's events of `kind` in extraction chunk steps."""
    return [
        entry.dagster_event
        for entry in instance.all_logs(run_id, of_type=kind)
        if entry.dagster_event and (entry.dagster_event.step_key or "").startswith(CHUNK_STEP)
    ]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The corpus for the first run, and further articles for the second."""
    root = tmp_path_factory.mktemp("inputs")
    further = root / "further"
    write_articles(further, 0, 40)
    shutil.copytree(FIXTURES / "later", further / "later")
    return {"corpus": FIXTURES / "corpus", "further": further}


@pytest.fixture(scope="module")
def embedded(tmp_path_factory: pytest.TempPathFactory, inputs: dict[str, Path]) -> dict:
    """The tables of embedded runs on the corpus, then on the further articles."""
    warehouse = tmp_path_factory.mktemp("embedded") / "warehouse.duckdb"
    finished(newsledger_run([inputs["corpus"]], warehouse, embedded_environment()))
    first = table_rows(warehouse)
    finished(newsledger_run([inputs["further"]], warehouse, embedded_environment()))
    return {"first": first, "second": table_rows(warehouse)}


@pytest.fixture(scope="module")
def scaled_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The warehouse the scaled runs write, one after the other."""
    return tmp_path_factory.mktemp("scaled") / "warehouse.duckdb"


def test_celery_run_spreads_extraction_and_equals_the_embedded_run(
    cluster: Cluster, inputs: dict[str, Path], embedded: dict, scaled_warehouse: Path
) -> None:
    run = newsledger_run([inputs["corpus"]], scaled_warehouse, cluster.environment)
    finished(run)

    with dg.DagsterInstance.from_config(str(cluster.home)) as instance:
        dagster_run = run_of(instance, run)
        assert dagster_run is not None and dagster_run.status == dg.DagsterRunStatus.SUCCESS
        started = step_events(instance, dagster_run.run_id, dg.DagsterEventType.STEP_START)
        handed = step_events(instance, dagster_run.run_id, dg.DagsterEventType.ENGINE_EVENT)
    assert len(started) == 5
    assert run.pid not in {e.pid for e in started}
    assert len({e.pid for e in started}) > 1
    workers = {
        e.engine_event_data.metadata["Celery worker"].value
        for e in handed
        if "Celery worker" in e.engine_event_data.metadata
    }
    assert {w.split("@")[0] for w in workers} == {"w1", "w2"}

    assert duplicates(scaled_warehouse) == {}
    assert table_rows(scaled_warehouse) == embedded["first"]


def test_a_worker_killed_in_an_extraction_step_costs_a_rerun_only(
    cluster: Cluster, inputs: dict[str, Path], embedded: dict, scaled_warehouse: Path
) -> None:
    run = newsledger_run([inputs["further"]], scaled_warehouse, cluster.environment)
    killed = None
    with dg.DagsterInstance.from_config(str(cluster.home)) as instance:
        deadline = time.monotonic() + RUN_SECONDS
        while killed is None and run.poll() is None and time.monotonic() < deadline:
            dagster_run = run_of(instance, run)
            if dagster_run is not None:
                done = {
                    e.step_key
                    for e in step_events(
                        instance, dagster_run.run_id, dg.DagsterEventType.STEP_SUCCESS
                    )
                }
                running = [
                    e
                    for e in step_events(
                        instance, dagster_run.run_id, dg.DagsterEventType.STEP_START
                    )
                    if e.step_key not in done
                ]
                if running:
                    killed = running[0]
                    os.kill(killed.pid, signal.SIGKILL)
            time.sleep(0.05)
        assert killed is not None, "no extraction step started"
        finished(run)

        dagster_run = run_of(instance, run)
        assert dagster_run is not None and dagster_run.status == dg.DagsterRunStatus.SUCCESS
        started = step_events(instance, dagster_run.run_id, dg.DagsterEventType.STEP_START)
    reruns = [e for e in started if e.step_key == killed.step_key]
    assert len(reruns) == 2, "the killed step ran again"
    assert reruns[1].pid != killed.pid

    assert duplicates(scaled_warehouse) == {}
    assert table_rows(scaled_warehouse) == embedded["second"]
