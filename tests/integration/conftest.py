"""A warehouse built once by materializing the real job on the fixture articles."""

import json
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from orchestration.core.jobs import ingest_run_config
from orchestration.core.resources import WarehouseResource, Workers
from orchestration.extract.assets import extractions
from orchestration.extract.resources import NlpResource
from orchestration.ingest.assets import raw_articles
from orchestration.ingest.resources import SourcesResource
from orchestration.runner import run_job
from tests.conftest import FIXTURES


@pytest.fixture(scope="session")
def loaded_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The path of a warehouse holding the fixture articles after one successful run."""
    path = tmp_path_factory.mktemp("loaded") / "warehouse.duckdb"
    result = run_job([FIXTURES / "articles"], path)
    assert result.success
    return path


@pytest.fixture
def query(loaded_warehouse: Path):
    """Run a read-only query against the loaded warehouse and return all rows."""

    def run(sql: str, params: list | None = None) -> list[tuple]:
        with duckdb.connect(str(loaded_warehouse), read_only=True) as con:
            return con.execute(sql, params or []).fetchall()

    return run


def ingest_and_extract(folder: Path, warehouse: Path) -> None:
    """Run only the ingest and extract stages, as a run interrupted before staging would."""
    result = dg.materialize(
        [raw_articles, extractions],
        run_config=ingest_run_config([str(folder)]),
        resources={
            "warehouse": WarehouseResource(path=str(warehouse)),
            "nlp": NlpResource(),
            "workers": Workers(),
            "sources": SourcesResource(),
        },
    )
    assert result.success


def stored_extraction(query, source: str) -> dict:
    """The extraction record the warehouse holds for the article whose source ends with
    `source`."""
    [(payload,)] = query(
        """select e.payload from extractions e join raw_articles r using (article_id)
           where r.source like ?""",
        [f"%{source}"],
    )
    return json.loads(payload)


def record_counts(record: dict) -> tuple[int, int, int, int, int]:
    """An extraction record's entities, name mentions, figures, quotations and dates."""
    mentions = sum(len(entity["mentions"]) for entity in record["entities"])
    return (
        len({entity["id"] for entity in record["entities"]}),
        mentions,
        len(record["figures"]),
        len(record["quotes"]),
        len(record["dates"]),
    )
