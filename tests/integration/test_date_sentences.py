"""The sentence around each date is cut when the date is loaded, and a warehouse loaded before
fct_date_reference_sentence existed gets every sentence on its next run."""

import shutil
from pathlib import Path

import duckdb

from orchestration.runner import run_job
from tests.conftest import FIXTURES

SENTENCES = "select * from fct_date_reference_sentence order by date_reference_id"


def test_every_date_reference_has_one_sentence(query) -> None:
    assert query(
        """select count(*), count(s.date_reference_id), count(distinct s.date_reference_id)
           from fct_date_reference as d
           left join fct_date_reference_sentence as s using (date_reference_id, article_id)"""
    ) == query("""select count(*), count(*), count(*) from fct_date_reference""")
    assert ("Last year, bilateral trade reached $5.9 billion.",) in query(
        "select sentence from fct_date_reference_sentence"
    )


def test_the_next_run_fills_a_warehouse_without_sentences(
    loaded_warehouse: Path, tmp_path: Path
) -> None:
    warehouse = tmp_path / "warehouse.duckdb"
    shutil.copy(loaded_warehouse, warehouse)
    with duckdb.connect(str(warehouse)) as con:
        expected = con.execute(SENTENCES).fetchall()
        con.execute("drop table fct_date_reference_sentence")
        con.execute("delete from schema_version")  # as a warehouse from before the table

    assert run_job([FIXTURES / "articles"], warehouse).success
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute(SENTENCES).fetchall() == expected
