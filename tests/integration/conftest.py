"""A warehouse built once by materializing the real job on the fixture articles."""

from pathlib import Path

import duckdb
import pytest

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
