"""A backlog larger than one batch loads as several runs, each staging, checking and loading
one batch, and ends in the same warehouse as one run that loads everything at once."""

import shutil
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from orchestration.core.resources import WarehouseResource
from orchestration.runner import batch_load, reported, run_job, run_until_loaded
from orchestration.warehouse.load import LOAD_ORDER
from orchestration.warehouse.sensors import evaluate_backlog
from tests.conftest import FIXTURES

ARTICLES = 5
BATCH = 2


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of a few distinct fixture articles."""
    folder = tmp_path_factory.mktemp("articles")
    for path in sorted((FIXTURES / "corpus").iterdir())[:ARTICLES]:
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture(scope="module")
def batched(
    articles: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, list[dg.ExecuteInProcessResult]]:
    """A warehouse loaded BATCH articles a run, and its runs."""
    warehouse = tmp_path_factory.mktemp("batched") / "warehouse.duckdb"
    return warehouse, run_until_loaded([articles], warehouse, batch_articles=BATCH)


@pytest.fixture(scope="module")
def at_once(articles: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A warehouse loaded in one run."""
    warehouse = tmp_path_factory.mktemp("at-once") / "warehouse.duckdb"
    assert run_job([articles], warehouse).success
    return warehouse


def rows(warehouse: Path, table: str) -> list[tuple]:
    """The rows of `table`, sorted, without the columns that say when or by which run."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        kinds = con.execute(f"describe {table}").fetchall()
        columns = [c[0] for c in kinds if not c[1].startswith("TIMESTAMP") and c[0] != "run_id"]
        return sorted(con.execute(f"select {', '.join(columns)} from {table}").fetchall())


def test_each_run_loads_one_batch_until_none_awaits(batched) -> None:
    _, results = batched
    assert all(result.success for result in results)
    loads = [batch_load(result) for result in results]
    assert loads == [(2, 3), (2, 1), (1, 0)]


def test_each_run_extracts_the_batch_it_loads(batched) -> None:
    warehouse, results = batched
    assert [reported(result, "extractions", "articles_extracted") for result in results] == [
        2,
        2,
        1,
    ]
    # Extracted in the order they were ingested, a batch a run: each run's records share the
    # time they were written.
    with duckdb.connect(str(warehouse), read_only=True) as con:
        batches = con.execute(
            "select list(article_id order by article_id) from extractions "
            "group by extracted_at order by extracted_at"
        ).fetchall()
        ingested = [
            article_id
            for (article_id,) in con.execute(
                "select article_id from raw_articles order by ingested_at, article_id"
            ).fetchall()
        ]
    assert [batch for (batch,) in batches] == [
        sorted(ingested[start : start + BATCH]) for start in range(0, ARTICLES, BATCH)
    ]


def test_each_batch_is_checked_in_its_own_run(batched) -> None:
    warehouse, results = batched
    with duckdb.connect(str(warehouse), read_only=True) as con:
        checked = {r[0] for r in con.execute("select distinct run_id from dq_results").fetchall()}
    assert checked == {result.run_id for result in results}


def test_batches_end_in_the_warehouse_one_run_makes(batched, at_once: Path) -> None:
    warehouse, _ = batched
    for table in ["raw_articles", *LOAD_ORDER]:
        assert rows(warehouse, table) == rows(at_once, table), table


def test_backlog_sensor_requests_the_next_batch_once_the_last_run_succeeded(
    articles: Path, tmp_path: Path
) -> None:
    warehouse = tmp_path / "warehouse.duckdb"
    resource = WarehouseResource(path=str(warehouse), batch_articles=BATCH)
    with dg.instance_for_test() as instance:
        assert isinstance(evaluate_backlog(instance, resource), dg.SkipReason)
        first = run_job([articles], warehouse, instance=instance, batch_articles=BATCH)
        request = evaluate_backlog(instance, resource)
        assert isinstance(request, dg.RunRequest)
        assert request.run_key == f"backlog-after-{first.run_id}"
        assert request.run_config["ops"]["raw_articles"]["config"]["paths"] == []
        assert request.tags["newsledger/awaiting"] == "3"
        # The requested run loads the next batch; after the last, nothing is requested.
        while isinstance(request, dg.RunRequest):
            result = run_job([], warehouse, instance=instance, batch_articles=BATCH)
            assert result.success
            request = evaluate_backlog(instance, resource)
        assert request.skip_message == "no article awaits loading"
