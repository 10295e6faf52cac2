"""The scaled deployment on real servers, configured by the files of deploy/: Dagster's storage
in PostgreSQL, every step of `newsledger run` sent through Redis to two Celery workers,
extraction a chunk of articles per step, the warehouse on DuckLake (catalog in PostgreSQL,
Parquet in a folder). On 200 articles its tables must hold the rows an embedded run's DuckDB
file holds, and a worker process killed in the middle of an extraction step must cost nothing
but the time to run that step again."""

import os
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import dagster as dg
import pytest

from orchestration.core.instance import PID_TAG
from orchestration.core.location import LakeLocation, Warehouse
from tests.conftest import FIXTURES, write_articles
from tests.distributed.cluster import (
    BIN,
    DEPLOY,
    celery_workers,
    python_path,
    redis_server,
)
from tests.distributed.warehouse_rows import contents, duplicates, tables
from tests.servers import postgres_server

pytestmark = pytest.mark.distributed

# The first run's articles: the 50 of the corpus and 150 written for the test.
WRITTEN_ARTICLES = 150
# Articles per extraction step: the 200 articles make 8 steps.
CHUNK_ARTICLES = 25
CHUNK_STEP = "extractions.extract_chunk["
RUN_SECONDS = 600


@dataclass(frozen=True)
class Cluster:
    """The scaled deployment's environment and the Dagster home its runs are recorded in."""

    environment: dict[str, str]
    home: Path
    lake: LakeLocation


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    """PostgreSQL (Dagster's storage and the lake's catalog), Redis and two Celery workers,
    configured by the files of deploy/ and the variables they read."""
    root = tmp_path_factory.mktemp("cluster")
    home = root / "dagster_home"
    home.mkdir()
    shutil.copy(DEPLOY / "dagster.yaml", home / "dagster.yaml")
    with postgres_server("dagster") as dagster_db, redis_server(root) as broker:
        catalog = dagster_db.create_database("newsledger_lake")
        lake = LakeLocation(f"ducklake:postgres:{catalog.dsn}", f"{root / 'lake'}/")
        dagster = {"DAGSTER_PG_URL": dagster_db.url, "DAGSTER_ARTIFACT_DIR": str(root / "storage")}
        environment = {
            **os.environ,
            **dagster,
            "DAGSTER_HOME": str(home),
            "PYTHONPATH": python_path(),
            "NEWSLEDGER_CONFIG": str(DEPLOY / "newsledger.yaml"),
            "NEWSLEDGER_WAREHOUSE": lake.catalog,
            "NEWSLEDGER_LAKE_DATA_PATH": str(lake.data_path),
            "NEWSLEDGER_CELERY_BROKER": f"{broker}/0",
            "NEWSLEDGER_CELERY_BACKEND": f"{broker}/1",
            "NEWSLEDGER_EXTRACT_CHUNK_ARTICLES": str(CHUNK_ARTICLES),
        }
        with (
            celery_workers(2, environment, root),
            pytest.MonkeyPatch.context() as patch,
        ):
            for name, value in dagster.items():
                patch.setenv(name, value)
            yield Cluster(environment, home, lake)


def newsledger_run(
    folders: list[Path], environment: dict[str, str], warehouse: Path | None = None
) -> subprocess.Popen[str]:
    """`newsledger run FOLDERS` in `environment` (into its deployment's warehouse, or into
    `warehouse`), started."""
    option = ["--warehouse", str(warehouse)] if warehouse else []
    return subprocess.Popen(
        [str(BIN / "newsledger"), "run", *map(str, folders), *option],
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


def table_rows(warehouse: Warehouse) -> dict[str, list[tuple]]:
    """Every table's rows, sorted, without timestamps and run ids; but for the records of the
    schema's versions and of the checks' outcomes, which say how and when, not what."""
    kept = [t for t in tables(warehouse) if t not in ("schema_version", "dq_results")]
    return {table: contents(warehouse, table) for table in kept}


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
    written, further = root / "written", root / "further"
    write_articles(written, 0, WRITTEN_ARTICLES)
    write_articles(further, WRITTEN_ARTICLES, 40)
    shutil.copytree(FIXTURES / "later", further / "later")
    return {"first": [FIXTURES / "corpus", written], "further": [further]}


@pytest.fixture(scope="module")
def embedded(tmp_path_factory: pytest.TempPathFactory, inputs: dict[str, Path]) -> dict:
    """The tables of embedded runs on the corpus, then on the further articles."""
    warehouse = tmp_path_factory.mktemp("embedded") / "warehouse.duckdb"
    started = time.monotonic()
    finished(newsledger_run(inputs["first"], embedded_environment(), warehouse))
    seconds = time.monotonic() - started
    first = table_rows(warehouse)
    finished(newsledger_run(inputs["further"], embedded_environment(), warehouse))
    return {"first": first, "second": table_rows(warehouse), "seconds": seconds}


def test_celery_run_spreads_extraction_and_equals_the_embedded_run(
    cluster: Cluster, inputs: dict[str, list[Path]], embedded: dict
) -> None:
    started = time.monotonic()
    run = newsledger_run(inputs["first"], cluster.environment)
    finished(run)
    seconds = time.monotonic() - started
    # The two runs' times, printed with the test's report (make test-distributed shows it).
    print(f"200 articles: scaled run {seconds:.1f} s, embedded run {embedded['seconds']:.1f} s")

    with dg.DagsterInstance.from_config(str(cluster.home)) as instance:
        dagster_run = run_of(instance, run)
        assert dagster_run is not None and dagster_run.status == dg.DagsterRunStatus.SUCCESS
        started = step_events(instance, dagster_run.run_id, dg.DagsterEventType.STEP_START)
        handed = step_events(instance, dagster_run.run_id, dg.DagsterEventType.ENGINE_EVENT)
    assert len(started) == (50 + WRITTEN_ARTICLES) // CHUNK_ARTICLES
    assert run.pid not in {e.pid for e in started}
    assert len({e.pid for e in started}) > 1
    workers = {
        e.engine_event_data.metadata["Celery worker"].value
        for e in handed
        if "Celery worker" in e.engine_event_data.metadata
    }
    assert {w.split("@")[0] for w in workers} == {"w1", "w2"}

    assert duplicates(cluster.lake) == {}
    assert table_rows(cluster.lake) == embedded["first"]


def test_a_worker_killed_in_an_extraction_step_costs_a_rerun_only(
    cluster: Cluster, inputs: dict[str, list[Path]], embedded: dict
) -> None:
    run = newsledger_run(inputs["further"], cluster.environment)
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

    assert duplicates(cluster.lake) == {}
    assert table_rows(cluster.lake) == embedded["second"]
