"""The Dagster job, materialized for real into a DuckDB file, answers analysts' questions."""

import shutil
from pathlib import Path

import duckdb

from orchestration.core.connection import row_count
from orchestration.quality.suites import SUITES
from orchestration.runner import check_evaluations, run_job
from orchestration.warehouse.load import LOAD_ORDER
from tests.conftest import FIXTURES
from tests.gold import Tally, load_gold, score
from tests.integration.conftest import stored_extraction

SEED_SOURCE = "%tokayev-visits-south-korea.txt"
TABLES = ["raw_articles", "rejected_inputs", "extractions", *LOAD_ORDER]


def table_counts(path: Path) -> dict[str, int]:
    with duckdb.connect(str(path), read_only=True) as con:
        return {t: row_count(con, t) for t in TABLES}


def scored_seed(query) -> dict[str, Tally]:
    """What the job stored for the seed (extracted in batches, not as `newsledger extract`
    does), scored against its gold."""
    record = stored_extraction(query, SEED_SOURCE.lstrip("%"))
    return score(load_gold(SEED_SOURCE.lstrip("%")), record)


def test_stored_extraction_of_the_seed_meets_its_gold(query) -> None:
    """Every required item of the gold, with the attributes it gives; no entity, date or
    quotation the gold does not list."""
    scored = scored_seed(query)
    report = "\n".join(f"{kind}: {found}" for kind, found in scored.items())
    assert all(not (found.missed + found.wrong) for found in scored.values()), report
    assert all(not scored[kind].extra for kind in ("entities", "dates", "quotes")), report


def test_stored_figures_of_the_seed_are_all_in_its_gold(query) -> None:
    found = scored_seed(query)["figures"]
    assert found.extra == [], str(found)


def test_money_figures_of_the_seed_are_in_usd(query) -> None:
    rows = query(
        """select value, currency, qualifier from fct_figure join dim_article using (article_id)
           where source like ? and kind = 'money' order by value desc""",
        [SEED_SOURCE],
    )
    assert rows == [(6e9, "USD", "more_than"), (5.9e9, "USD", None)]


def test_company_count_keeps_its_noun(query) -> None:
    rows = query(
        """select value, unit from fct_figure join dim_article using (article_id)
           where source like ? and kind = 'count'""",
        [SEED_SOURCE],
    )
    assert (550.0, "companies") in rows


def test_six_quotations_with_speakers(query) -> None:
    rows = query(
        """select e.canonical_name, count(*) from fct_quote q
           join dim_article a using (article_id)
           left join dim_entity e on e.entity_id = q.speaker_entity_id
           where a.source like ? group by 1 order by 1""",
        [SEED_SOURCE],
    )
    assert rows == [("Kassym-Jomart Tokayev", 2), ("Moon Jae-in", 4)]


def test_people_and_countries_have_types_and_iso_codes(query) -> None:
    rows = query(
        """select canonical_name, entity_type, country_code from dim_entity
           where canonical_name in (?, ?, ?, ?) order by canonical_name""",
        ["Kassym-Jomart Tokayev", "Moon Jae-in", "Kazakhstan", "South Korea"],
    )
    assert [(n, t) for n, t, _ in rows] == [
        ("Kassym-Jomart Tokayev", "PERSON"),
        ("Kazakhstan", "GPE"),
        ("Moon Jae-in", "PERSON"),
        ("South Korea", "GPE"),
    ]
    countries = {n: c for n, _, c in rows}
    assert countries["Kazakhstan"] == "KAZ"
    assert countries["South Korea"] == "KOR"


def test_every_mention_slices_the_stored_text_of_its_field(query) -> None:
    rows = query(
        """select count(*) filter (where substr(case m.field when 'title' then r.title
                                                            else r.body end,
                                                m.start_char + 1, m.end_char - m.start_char)
                                     <> m.surface),
                  count(*), count(*) filter (where m.field = 'title')
           from fct_entity_mention m join raw_articles r using (article_id)"""
    )
    mismatched, total, in_titles = rows[0]
    assert total > in_titles > 0
    assert mismatched == 0


def test_no_fact_without_its_dimensions(query) -> None:
    orphans = query(
        """select count(*) from fct_entity_mention m
           left join dim_entity e using (entity_id) left join dim_article a using (article_id)
           where e.entity_id is null or a.article_id is null"""
    )
    assert orphans == [(0,)]


def test_every_validation_outcome_is_recorded(query) -> None:
    suites = {row[0] for row in query("select distinct suite from dq_results")}
    assert {"stg_articles", "stg_entity_mentions", "stg_figures", "stg_quotes"} <= suites
    assert query("select count(*) from dq_results where severity = 'error' and not success") == [
        (0,)
    ]


def test_json_article_keeps_its_metadata(query) -> None:
    rows = query(
        """select a.title, a.published_date::varchar, a.published_date_source, s.name
           from dim_article a join dim_source s using (source_id) where a.source like '%.json'"""
    )
    assert rows == [("Port of Valletta reopens after storm repairs", "2024-03-05", "given",
                     "Harbour Gazette")]  # fmt: skip


def test_second_run_changes_nothing(loaded_warehouse: Path, tmp_path: Path) -> None:
    copy = tmp_path / "again.duckdb"
    shutil.copy(loaded_warehouse, copy)
    before = table_counts(copy)
    result = run_job([FIXTURES / "articles"], copy)
    assert result.success
    assert table_counts(copy) == before


def test_error_expectation_blocks_the_load(loaded_warehouse: Path, tmp_path: Path) -> None:
    copy = tmp_path / "blocked.duckdb"
    shutil.copy(loaded_warehouse, copy)
    with duckdb.connect(str(copy)) as con:
        # A stored extraction whose figure ends past the body: staged again, it must fail the suite.
        con.execute(
            """update extractions set extracted_at = now()::timestamp,
               payload = json_merge_patch(payload, '{"figures": [{"start": 0, "end": 999999,
                   "text": "x", "kind": "money", "value": 1.0, "unit": "USD", "currency": "USD"}]}')
               where article_id = (select article_id from raw_articles where source like ?)""",
            [SEED_SOURCE],
        )
        before = {t: con.sql(f"select * from {t} order by all").fetchall() for t in LOAD_ORDER}
    result = run_job([FIXTURES / "articles"], copy)
    _, failed = check_evaluations(result)
    assert not result.success
    assert failed == 1
    with duckdb.connect(str(copy), read_only=True) as con:
        assert {
            t: con.sql(f"select * from {t} order by all").fetchall() for t in LOAD_ORDER
        } == before
        failures = con.execute(
            """select suite, expectation from dq_results
               where run_id = ? and not success and severity = 'error'""",
            [result.run_id],
        ).fetchall()
    assert failures == [("stg_figures", "expect_column_pair_values_a_to_be_greater_than_b")]


def test_checks_link_their_data_docs(loaded_warehouse: Path, tmp_path: Path) -> None:
    copy = tmp_path / "docs.duckdb"
    shutil.copy(loaded_warehouse, copy)
    result = run_job([FIXTURES / "articles"], copy)
    pages = [e.metadata["data_docs"].value for e in result.get_asset_check_evaluations()]
    assert len(pages) == len(SUITES)
    assert all(Path(page.removeprefix("file://")).is_file() for page in pages)
    assert all(str(tmp_path / "quality_docs") in page for page in pages)
