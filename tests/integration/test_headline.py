"""A headline's facts reach the warehouse beside the body's, told apart by their field."""

import json
from pathlib import Path

import duckdb
import pytest

from orchestration.runner import run_job

ARTICLE = {
    "title": "Carris orders 40 new trams for $310 million",
    "published": "2025-02-11",
    "source": "City Desk",
    "body": (
        "LISBON - The city's tram operator Carris said on Monday it had signed a contract "
        "with a Spanish manufacturer, the largest order in its history. Deliveries will start "
        "next year, Carris said, and the older cars will be retired over two years."
    ),
}
FACT_TABLES = [
    "fct_entity_mention", "fct_figure", "fct_date_reference", "fct_quote", "fct_sentence_tone",
]  # fmt: skip


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("headline")
    (folder / "articles").mkdir()
    (folder / "articles" / "lisbon-trams.json").write_text(json.dumps(ARTICLE), encoding="utf-8")
    path = folder / "warehouse.duckdb"
    assert run_job([folder / "articles"], path).success
    return path


def rows(path: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_a_figure_only_in_the_headline_is_loaded_with_its_field(warehouse: Path) -> None:
    found = rows(
        warehouse,
        "select field, surface, value, low_value, high_value, currency, start_char, end_char"
        " from fct_figure where kind = 'money'",
    )
    start = ARTICLE["title"].index("$310 million")
    assert found == [("title", "$310 million", 310e6, 310e6, 310e6, "USD", start, start + 12)]


def test_mentions_of_both_fields_belong_to_one_entity(warehouse: Path) -> None:
    found = rows(
        warehouse,
        "select m.field, m.start_char, m.end_char, m.surface from fct_entity_mention m"
        " join dim_entity e using (entity_id) where e.canonical_name = 'Carris'"
        " order by m.field desc, m.start_char",
    )
    assert {f for f, *_ in found} == {"title", "body"}
    texts = {"title": ARTICLE["title"], "body": ARTICLE["body"]}
    for field, start, end, surface in found:
        assert texts[field][start:end] == surface


def test_every_fact_table_holds_body_rows_and_the_figures_title_rows(warehouse: Path) -> None:
    fields = {
        table: {f for (f,) in rows(warehouse, f"select distinct field from {table}")}
        for table in FACT_TABLES
    }
    assert fields["fct_figure"] == {"title", "body"}
    assert fields["fct_entity_mention"] == {"title", "body"}
    assert fields["fct_sentence_tone"] == {"title", "body"}
    assert all(found <= {"title", "body"} for found in fields.values())


def test_loading_again_changes_nothing(warehouse: Path) -> None:
    counts = "select " + ", ".join(f"(select count(*) from {t})" for t in FACT_TABLES)
    before = rows(warehouse, counts)
    assert run_job([warehouse.parent / "articles"], warehouse).success
    assert rows(warehouse, counts) == before
