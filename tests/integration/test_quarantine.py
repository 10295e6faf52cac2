"""A bad article is held back with its reason while the rest of its batch loads."""

import shutil
from pathlib import Path

import duckdb

from orchestration.runner import reported, run_job
from tests.conftest import FIXTURES, SEED
from tests.integration.conftest import ingest_and_extract

CORRUPT_FIGURE = """update extractions set payload = json_merge_patch(payload, '{"figures": [
    {"start": 0, "end": 999999, "text": "x", "kind": "count", "value": 1.0, "unit": "x"}]}')
    where article_id = (select article_id from raw_articles where source like '%tokayev%')"""


def six_articles(folder: Path) -> Path:
    folder.mkdir()
    shutil.copy(SEED, folder)
    shutil.copy(FIXTURES / "articles" / "harbour-reopens.json", folder)
    for page in (FIXTURES / "site").glob("*.html"):
        shutil.copy(page, folder)
    return folder


def test_one_bad_article_is_quarantined_and_five_load(tmp_path: Path) -> None:
    folder, warehouse = six_articles(tmp_path / "in"), tmp_path / "warehouse.duckdb"
    ingest_and_extract(folder, warehouse)
    with duckdb.connect(str(warehouse)) as con:
        con.execute(CORRUPT_FIGURE)

    result = run_job([folder], warehouse)
    assert result.success
    assert reported(result, "dim_article", "articles_loaded") == 5
    with duckdb.connect(str(warehouse), read_only=True) as con:
        loaded = {r[0] for r in con.execute("select source from dim_article").fetchall()}
        held = con.execute(
            """select r.source, q.suite, q.expectation from quarantined_articles q
               join raw_articles r using (article_id) where q.run_id = ?""",
            [result.run_id],
        ).fetchall()
        failed = con.execute(
            "select suite, expectation from dq_results where run_id = ? and not success",
            [result.run_id],
        ).fetchall()
    assert len(loaded) == 5 and not any("tokayev" in s for s in loaded)
    assert held == [(str(folder / SEED.name), "stg_figures",
                     "expect_column_pair_values_a_to_be_greater_than_b")]  # fmt: skip
    assert ("stg_figures", "expect_column_pair_values_a_to_be_greater_than_b") in failed


def test_quarantined_article_does_not_hold_back_later_batches(tmp_path: Path) -> None:
    folder, warehouse = six_articles(tmp_path / "in"), tmp_path / "warehouse.duckdb"
    ingest_and_extract(folder, warehouse)
    with duckdb.connect(str(warehouse)) as con:
        con.execute(CORRUPT_FIGURE)
    assert run_job([folder], warehouse).success

    later = tmp_path / "later"
    later.mkdir()
    shutil.copy(FIXTURES / "later" / "follow-up.txt", later)
    result = run_job([later], warehouse)
    assert result.success
    assert reported(result, "dim_article", "articles_loaded") == 1
