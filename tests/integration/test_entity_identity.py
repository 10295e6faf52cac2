"""Entities keep one identity across articles, through the aliases the warehouse has seen."""

import json
from pathlib import Path

import duckdb

from orchestration.runner import run_job
from tests.conftest import FIXTURES, SEED
from tests.gold import load_gold, name_mentions
from tests.integration.conftest import ingest_and_extract


def test_later_surname_resolves_to_the_entity_named_in_full(tmp_path: Path) -> None:
    warehouse = tmp_path / "warehouse.duckdb"
    first, later = tmp_path / "first", FIXTURES / "later"
    first.mkdir()
    (first / SEED.name).write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    assert run_job([first], warehouse).success
    assert run_job([later], warehouse).success
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute(
            """select e.canonical_name, count(distinct m.article_id), count(*)
               from fct_entity_mention m join dim_entity e using (entity_id)
               where e.entity_type = 'PERSON' group by 1"""
        ).fetchall()
        resolved = con.execute(
            """select e.canonical_name from dim_entity_alias a join dim_entity e using (entity_id)
               where a.alias_key = 'tokayev'"""
        ).fetchall()
    # The follow-up names him three times: "Tokayev" in its headline, then "President Tokayev"
    # and "Tokayev" in its body.
    in_seed = name_mentions(load_gold(SEED.name), "Kassym-Jomart Tokayev")
    assert ("Kassym-Jomart Tokayev", 2, in_seed + 3) in rows
    assert not any(name == "Tokayev" for name, _, _ in rows)
    assert resolved == [("Kassym-Jomart Tokayev",)]


def test_alias_does_not_merge_two_entities_of_one_article(tmp_path: Path) -> None:
    """Where the extractor kept "Tokayev" apart from Kassym-Jomart Tokayev in one article, the
    warehouse does not fold the one into the other there: each keeps an id of its own."""
    warehouse, first, later = tmp_path / "warehouse.duckdb", tmp_path / "first", tmp_path / "later"
    first.mkdir()
    later.mkdir()
    (first / SEED.name).write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (later / "follow-up.txt").write_bytes((FIXTURES / "later" / "follow-up.txt").read_bytes())
    assert run_job([first], warehouse).success
    ingest_and_extract(later, warehouse)
    with duckdb.connect(str(warehouse)) as con:
        [known] = con.execute(
            "select entity_id from dim_entity where canonical_name = 'Kassym-Jomart Tokayev'"
        ).fetchone()
        article_id, payload = con.execute(
            """select article_id, payload from extractions join raw_articles using (article_id)
               where source like '%follow-up%'"""
        ).fetchone()
        record = json.loads(payload)
        record["entities"].append(
            {"id": known, "name": "Kassym-Jomart Tokayev", "type": "PERSON", "aliases": [],
             "mentions": []}
        )  # fmt: skip
        con.execute(
            "update extractions set payload = ? where article_id = ?",
            [json.dumps(record), article_id],
        )
    result = run_job([later], warehouse)
    assert result.success
    with duckdb.connect(str(warehouse), read_only=True) as con:
        held = con.execute("select count(*) from quarantined_articles").fetchone()
        ids = con.execute(
            """select e.canonical_name, m.entity_id from fct_entity_mention m
               join dim_entity e using (entity_id) join dim_article a using (article_id)
               where a.source like '%follow-up%' and e.entity_type = 'PERSON'"""
        ).fetchall()
    assert held == (0,)
    assert {name for name, _ in ids} == {"Tokayev"}
    assert {entity_id for _, entity_id in ids} != {known}
