"""The same job on DuckLake (catalog in a real PostgreSQL, Parquet under a data path) and on a
DuckDB file: the same rows in every table, a second run that changes nothing, and the SQL door,
marts and analyses working on the lake."""

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from orchestration.cli import app
from orchestration.core.connection import connect
from orchestration.core.location import LakeLocation, Warehouse
from orchestration.core.settings import SQL_DIR
from orchestration.runner import run_job
from tests.conftest import FIXTURES
from tests.distributed.warehouse_rows import contents, tables
from tests.servers import postgres_server

pytestmark = pytest.mark.distributed

# A few articles of the corpus: a JSON input, a plain text, and one with money, quotations and
# dates, enough for every table to hold rows.
ARTICLES = [
    "accra-cocoa-loan.json",
    "addis-ababa-au-summit.txt",
    "astana-grain-exports.txt",
    "berlin-coalition-budget.txt",
]
# Tables rebuilt by every run, whose rows belong to that run.
PER_RUN = ("stg_", "schema_version", "dq_results", "quarantined_articles")


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("inputs")
    for name in ARTICLES:
        shutil.copy(FIXTURES / "corpus" / name, folder / name)
    return folder


@pytest.fixture(scope="module")
def lake(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LakeLocation]:
    """An empty lake: a fresh PostgreSQL database for its catalog, a temporary data path."""
    data = tmp_path_factory.mktemp("lake") / "data"
    with postgres_server() as server:
        yield LakeLocation(f"ducklake:postgres:{server.dsn}", f"{data}/")


@pytest.fixture(scope="module")
def embedded(inputs: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("embedded") / "warehouse.duckdb"
    assert run_job([inputs], path).success
    return path


@pytest.fixture(scope="module")
def loaded_lake(inputs: Path, lake: LakeLocation) -> LakeLocation:
    assert run_job([inputs], lake).success
    return lake


def suite_counts(warehouse: Warehouse) -> list[tuple]:
    with connect(warehouse, read_only=True) as con:
        return con.execute(
            "select suite, expectation, success, count(*) from dq_results group by all order by all"
        ).fetchall()


def test_every_table_holds_the_same_rows_as_in_a_duckdb_file(
    embedded: Path, loaded_lake: LakeLocation
) -> None:
    names = tables(embedded)
    assert tables(loaded_lake) == names
    assert contents(loaded_lake, "raw_articles")
    for table in names:
        if table in ("schema_version", "dq_results"):
            continue
        assert contents(loaded_lake, table) == contents(embedded, table), table
    assert suite_counts(loaded_lake) == suite_counts(embedded)


def test_a_second_run_of_the_same_inputs_changes_nothing(
    inputs: Path, loaded_lake: LakeLocation
) -> None:
    kept = [t for t in tables(loaded_lake) if not t.startswith(PER_RUN)]
    before = {t: contents(loaded_lake, t, keep_times=True) for t in kept}
    assert run_job([inputs], loaded_lake).success
    assert {t: contents(loaded_lake, t, keep_times=True) for t in kept} == before


def newsledger_sql(lake: LakeLocation, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(
        app,
        ["sql", *args, "--warehouse", lake.catalog, "--format", "json"],
        env={"NEWSLEDGER_LAKE_DATA_PATH": lake.data_path or ""},
    )
    return result.exit_code, result.output


def test_the_sql_door_reads_the_lake_and_refuses_to_change_it(
    embedded: Path, loaded_lake: LakeLocation
) -> None:
    code, output = newsledger_sql(loaded_lake, "select count(*) as n from raw_articles")
    assert code == 0, output
    assert json.loads(output) == [{"n": len(ARTICLES)}]
    code, output = newsledger_sql(loaded_lake, "delete from raw_articles")
    assert code == 1 and "read-only" in output
    code, output = newsledger_sql(loaded_lake, "select * from read_csv('/etc/passwd')")
    assert code == 1 and "refused to reach beyond the warehouse" in output


@pytest.mark.parametrize(
    "query", ["marts/mart_entity_cooccurrence.sql", "analyses/most_mentioned_entities.sql"]
)
def test_marts_and_analyses_answer_on_the_lake_as_on_a_file(
    query: str, embedded: Path, loaded_lake: LakeLocation
) -> None:
    if query.startswith("marts/"):
        query = f"select * from {Path(query).stem} order by all"
    else:
        query = (SQL_DIR / query).read_text(encoding="utf-8")
    answers = []
    for warehouse in (embedded, loaded_lake):
        with connect(warehouse, read_only=True) as con:
            answers.append(con.execute(query).fetchall())
    assert answers[0], query
    assert answers[1] == answers[0]
