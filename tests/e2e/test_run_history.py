"""`newsledger run` records its runs in the Dagster instance the UI reads, and a run whose
process was killed does not block the runs after it."""

import os
import signal
import subprocess
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from orchestration.core.instance import PID_TAG
from orchestration.core.settings import DUCKDB_POOL
from tests.conftest import FIXTURES, write_articles
from tests.processes import NEWSLEDGER

WAREHOUSE_ASSETS = ["raw_articles", "extractions", "dim_article", "fct_quote"]


def run_into(home: Path, *args: str) -> subprocess.Popen[str]:
    """`newsledger run ARGS...` recording into the Dagster instance at `home`."""
    return subprocess.Popen(
        [str(NEWSLEDGER), "run", *args, "--log-level", "DEBUG"],
        env={**os.environ, "DAGSTER_HOME": str(home)},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )  # fmt: skip


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A Dagster home configured as the project's, with its `duckdb` pool limited to 1."""
    folder = tmp_path / "dagster_home"
    folder.mkdir()
    project_yaml = Path(__file__).parents[2] / "dagster_home" / "dagster.yaml"
    (folder / "dagster.yaml").write_text(project_yaml.read_text())
    return folder


def test_the_instance_reports_the_cli_run_and_its_materializations(
    home: Path, tmp_path: Path
) -> None:
    run = run_into(home, str(FIXTURES / "articles"), "--warehouse", str(tmp_path / "w.duckdb"))
    _, stderr = run.communicate(timeout=300)
    assert run.returncode == 0, stderr

    with dg.DagsterInstance.from_config(str(home)) as instance:
        [record] = instance.get_run_records()
        assert record.dagster_run.job_name == "newsledger_job"
        assert record.dagster_run.status == dg.DagsterRunStatus.SUCCESS
        for asset in WAREHOUSE_ASSETS:
            event = instance.get_latest_materialization_event(dg.AssetKey(asset))
            assert event is not None, f"no materialization of {asset}"
            assert event.run_id == record.dagster_run.run_id
        new_articles = instance.get_latest_materialization_event(dg.AssetKey("raw_articles"))
        assert new_articles.asset_materialization.metadata["new_articles"].value > 0
        checks = instance.event_log_storage.get_latest_asset_check_execution_by_key(
            [dg.AssetCheckKey(dg.AssetKey("stg_quotes"), "great_expectations")]
        )
        assert [c.run_id for c in checks.values()] == [record.dagster_run.run_id]


def test_a_killed_run_is_ended_and_frees_the_pool_for_the_next(home: Path, tmp_path: Path) -> None:
    articles, warehouse = tmp_path / "articles", tmp_path / "w.duckdb"
    write_articles(articles, 0, 6)
    killed = run_into(home, str(articles), "--warehouse", str(warehouse))
    assert killed.stderr is not None
    for line in killed.stderr:  # the step holds its `duckdb` pool slot while it runs
        if 'Started execution of step "extractions.extract_chunk[all]"' in line:
            break
    with dg.DagsterInstance.from_config(str(home)) as instance:
        assert instance.event_log_storage.get_concurrency_info(DUCKDB_POOL).claimed_slots
    os.killpg(killed.pid, signal.SIGKILL)
    killed.wait(timeout=60)

    after = run_into(home, str(articles), "--warehouse", str(warehouse))
    _, stderr = after.communicate(timeout=300)
    assert after.returncode == 0, stderr
    with dg.DagsterInstance.from_config(str(home)) as instance:
        runs = {r.dagster_run.tags[PID_TAG]: r.dagster_run for r in instance.get_run_records()}
        assert runs[str(killed.pid)].status == dg.DagsterRunStatus.FAILURE
        assert runs[str(after.pid)].status == dg.DagsterRunStatus.SUCCESS
        assert not instance.event_log_storage.get_concurrency_info(DUCKDB_POOL).claimed_slots
    assert f"marked run {runs[str(killed.pid)].run_id} failed" in stderr


def test_a_backlog_loads_run_after_run_each_in_a_process_of_its_own(
    home: Path, tmp_path: Path
) -> None:
    articles, warehouse = tmp_path / "articles", tmp_path / "w.duckdb"
    write_articles(articles, 0, 5)
    run = subprocess.Popen(
        [str(NEWSLEDGER), "run", str(articles), "--warehouse", str(warehouse)],
        env={**os.environ, "DAGSTER_HOME": str(home), "NEWSLEDGER_BATCH_ARTICLES": "2"},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    _, stderr = run.communicate(timeout=600)
    assert run.returncode == 0, stderr
    assert "loaded a batch of 2 articles; 3 await the next" in stderr
    assert "loaded a batch of 2 articles; 1 await the next" in stderr

    with dg.DagsterInstance.from_config(str(home)) as instance:
        records = instance.get_run_records()
        assert len(records) == 3
        assert {r.dagster_run.status for r in records} == {dg.DagsterRunStatus.SUCCESS}
        assert {r.dagster_run.tags[PID_TAG] for r in records} == {str(run.pid)}
        step_processes = {
            int(event.dagster_event.engine_event_data.metadata["pid"].value)
            for record in records
            for event in instance.all_logs(
                record.dagster_run.run_id, of_type=dg.DagsterEventType.ENGINE_EVENT
            )
            if event.message.startswith("Executing steps in process")
        }
    # What one batch leaves in memory is not carried into the next.
    assert len(step_processes) == 3
    assert run.pid not in step_processes
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute("select count(*) from dim_article").fetchone() == (5,)


def test_runs_into_a_warehouse_named_relative_to_the_current_folder(tmp_path: Path) -> None:
    for articles in ("first", "second"):
        write_articles(tmp_path / articles, 0 if articles == "first" else 3, 3)
        run = subprocess.run(
            [str(NEWSLEDGER), "run", articles, "--warehouse", "w.duckdb"],
            cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False,
        )  # fmt: skip
        assert run.returncode == 0, run.stdout + run.stderr
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        assert con.execute("select count(*) from dim_article").fetchone() == (6,)
