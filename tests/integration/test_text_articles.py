"""A plain-text article with a headline line and a dateline, through the real job: its title
and outlet reach the warehouse and the article index, and its GKG record names the outlet and
the file by its path from the folder it was read from."""

from pathlib import Path

import duckdb
import pytest

from orchestration.core.connection import connect
from orchestration.reports.index_page import index_entry
from orchestration.reports.queries import article_records
from orchestration.runner import run_job
from orchestration.warehouse.export import export_gkg
from tests.integration.test_gkg_export import read_gkg

HEADLINE = "Kazakhstan and South Korea agree to double trade"
ARTICLE = f"""{HEADLINE}

SEOUL, Aug 16 (Reuters) - President Kassym-Jomart Tokayev and President Moon Jae-in agreed on
Monday to double trade between Kazakhstan and South Korea to $10 billion within five years,
officials said after talks in Seoul.

Korean companies have invested more than $6 billion in Kazakhstan, and 550 companies with
Korean capital work there, the Kazakh president said.
"""


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("text-articles")
    (folder / "articles" / "wire").mkdir(parents=True)
    (folder / "articles" / "wire" / "seoul-trade.txt").write_text(ARTICLE, encoding="utf-8")
    path = folder / "warehouse.duckdb"
    assert run_job([folder / "articles"], path).success
    return path


def test_title_and_outlet_reach_the_warehouse_and_the_index(warehouse: Path) -> None:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        [(article_id, title, outlet, body)] = con.execute(
            "select article_id, title, outlet, body from raw_articles"
        ).fetchall()
        [(loaded_title, source_name)] = con.execute(
            "select a.title, s.name from dim_article a join dim_source s using (source_id)"
        ).fetchall()
    assert (title, outlet) == (HEADLINE, "Reuters")
    assert body.startswith("SEOUL, Aug 16 (Reuters) - President")
    assert (loaded_title, source_name) == (HEADLINE, "Reuters")
    with connect(warehouse) as con:
        [record] = article_records(con, [article_id])
    entry = index_entry(record)
    assert (entry["title"], entry["outlet"]) == (HEADLINE, "Reuters")


def test_gkg_record_names_the_outlet_and_the_relative_file(warehouse: Path, tmp_path: Path) -> None:
    out = tmp_path / "export.gkg.csv"
    assert export_gkg(warehouse, out) == 1
    [record] = read_gkg(out)
    assert record["V2SOURCECOMMONNAME"] == "Reuters"
    assert record["V2DOCUMENTIDENTIFIER"] == "wire/seoul-trade.txt"
    assert record["V2SOURCECOLLECTIONIDENTIFIER"] == "2"
    assert record["V2EXTRASXML"] == f"<PAGE_TITLE>{HEADLINE}</PAGE_TITLE>"
