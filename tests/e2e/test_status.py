"""`newsledger status` tells from the warehouse and the recorded runs whether the pipeline is
healthy, run as a user runs it after `newsledger run`."""

import os
import shutil
import signal
import subprocess
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from orchestration.core.connection import connect
from orchestration.core.sql import read_sql
from tests.conftest import FIXTURES, write_articles
from tests.processes import NEWSLEDGER, newsledger, writer_holding

BINARY = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A Dagster home of the test's own, configured as the project's, so its runs can be
    counted; the commands print on a terminal wide enough for every table to fit on a line."""
    folder = tmp_path / "dagster_home"
    folder.mkdir()
    project_yaml = Path(__file__).parents[2] / "dagster_home" / "dagster.yaml"
    shutil.copy(project_yaml, folder / "dagster.yaml")
    monkeypatch.setenv("DAGSTER_HOME", str(folder))
    monkeypatch.setenv("COLUMNS", "250")
    return folder


def summary(warehouse: Path) -> dict[str, int]:
    """The warehouse's headline counts, read straight from the file."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        cursor = con.execute(read_sql("select/select_run_summary.sql"))
        [row] = cursor.fetchall()
        return dict(zip([d[0] for d in cursor.description], row, strict=True))


def table_value(output: str, label: str) -> str:
    """The value beside `label` in a two-column table of the output."""
    rows = [line.split("│") for line in output.splitlines() if line.count("│") == 3]
    [value] = [cells[2].strip() for cells in rows if cells[1].strip() == label]
    return value


def test_status_is_healthy_after_a_clean_run_then_lists_the_inputs_rejected_since(
    home: Path, tmp_path: Path
) -> None:
    articles, warehouse = tmp_path / "articles", tmp_path / "warehouse.duckdb"
    shutil.copytree(FIXTURES / "articles", articles)
    done = newsledger("run", str(articles), "--warehouse", str(warehouse))
    assert done.returncode == 0, done.stderr
    status = newsledger("status", "--warehouse", str(warehouse))
    assert status.returncode == 0, status.stderr
    assert status.stdout.splitlines()[0] == "healthy"
    for measure, count in summary(warehouse).items():
        assert table_value(status.stdout, measure) == str(count), measure
    assert table_value(status.stdout, "pending extraction") == "0"
    assert table_value(status.stdout, "pending load") == "0"
    [run] = [line for line in status.stdout.splitlines() if "SUCCESS" in line]
    assert "CLI pid " in run
    assert "inputs rejected" not in status.stdout

    (articles / "photo.txt").write_bytes(BINARY)  # the next run reads only this file anew
    done = newsledger("run", str(articles), "--warehouse", str(warehouse))
    assert done.returncode == 0, done.stderr
    status = newsledger("status", "--warehouse", str(warehouse))
    assert status.returncode == 0, status.stderr
    assert status.stdout.splitlines()[0] == (
        "attention: 1 input rejected since the last successful run"
    )
    [rejected] = [line for line in status.stdout.splitlines() if "photo.txt" in line]
    assert "binary content" in rejected


def test_status_without_a_warehouse_says_so(home: Path, tmp_path: Path) -> None:
    status = newsledger("status", "--warehouse", str(tmp_path / "none.duckdb"))
    assert status.returncode == 2
    assert f"no warehouse at {tmp_path / 'none.duckdb'}" in status.stderr
    assert not (tmp_path / "none.duckdb").exists()


def test_status_reads_no_runs_without_creating_the_instance(home: Path, tmp_path: Path) -> None:
    warehouse = tmp_path / "warehouse.duckdb"
    with connect(warehouse):  # an empty warehouse, its tables created
        pass
    status = newsledger("status", "--warehouse", str(warehouse), "--lock-wait", "5")
    assert status.returncode == 0, status.stderr
    assert status.stdout.splitlines()[0] == "attention: no runs recorded"
    assert f"no runs recorded in {home}" in status.stdout
    assert sorted(p.name for p in home.iterdir()) == ["dagster.yaml"]


def test_status_waits_for_a_writer_then_gives_up(home: Path, tmp_path: Path) -> None:
    warehouse = tmp_path / "warehouse.duckdb"
    with connect(warehouse):
        pass
    with writer_holding(warehouse):
        status = newsledger("status", "--warehouse", str(warehouse), "--lock-wait", "1")
    assert status.returncode == 1
    assert "is locked by another process; waiting up to 1 s" in status.stderr
    assert "warehouse busy" in status.stderr


def test_status_fails_when_the_last_run_failed(home: Path, tmp_path: Path) -> None:
    warehouse = tmp_path / "warehouse.duckdb"
    with connect(warehouse):
        pass

    @dg.op
    def load() -> None:
        raise RuntimeError("the load broke")

    @dg.job
    def broken_job() -> None:
        load()

    with dg.DagsterInstance.from_config(str(home)) as instance:
        result = broken_job.execute_in_process(instance=instance, raise_on_error=False)
    assert not result.success

    status = newsledger("status", "--warehouse", str(warehouse))
    assert status.returncode == 1
    assert status.stdout.splitlines()[0] == f"failing: last run failed ({result.run_id[:8]})"
    [run] = [line for line in status.stdout.splitlines() if "FAILURE" in line]
    assert " UI " in run and result.run_id[:8] in run


def test_status_fails_when_a_run_lost_its_process(home: Path, tmp_path: Path) -> None:
    articles, warehouse = tmp_path / "articles", tmp_path / "warehouse.duckdb"
    write_articles(articles, 0, 6)
    killed = subprocess.Popen(
        [str(NEWSLEDGER), "run", str(articles), "--warehouse", str(warehouse),
         "--log-level", "DEBUG"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )  # fmt: skip
    assert killed.stderr is not None
    for line in killed.stderr:
        if 'Started execution of step "extractions.extract_chunk[all]"' in line:
            break
    os.killpg(killed.pid, signal.SIGKILL)
    killed.wait(timeout=60)

    status = newsledger("status", "--warehouse", str(warehouse))
    assert status.returncode == 1, status.stdout
    [verdict, *_] = status.stdout.splitlines()
    assert verdict.startswith("failing: run ")
    assert f"(CLI pid {killed.pid}) is unfinished and its process is gone" in verdict
    [run] = [line for line in status.stdout.splitlines() if "process gone" in line]
    assert "STARTED" in run
