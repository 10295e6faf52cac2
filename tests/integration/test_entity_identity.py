"""Entities keep one identity across articles, through the aliases the warehouse has seen."""

from pathlib import Path

import duckdb

from orchestration.runner import run_job
from tests.conftest import FIXTURES, SEED


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
    assert ("Kassym-Jomart Tokayev", 2, 8) in rows
    assert not any(name == "Tokayev" for name, _, _ in rows)
    assert resolved == [("Kassym-Jomart Tokayev",)]
