"""The marts of sql/marts/ answer sensibly on the shipped articles, as documented, in the
Python package and the DuckDB CLI alike, and export to Parquet and CSV."""

import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest
import yaml
from typer.testing import CliRunner

from orchestration.cli import app
from orchestration.core.connection import connect
from orchestration.core.settings import SQL_DIR
from orchestration.runner import run_job
from orchestration.warehouse.marts import create_marts, view_names
from tests.conftest import FIXTURES
from tests.gold import load_gold, name_mentions
from tests.integration.conftest import record_counts, stored_extraction
from tests.integration.test_quarantine import CORRUPT_FIGURE, ingest_and_extract

SEED = "tokayev-visits-south-korea.txt"
MARTS = [view for view in view_names() if view.startswith("mart_")]
UNDATED = (
    "Officials in Springfield said the council had approved a plan for three hundred new homes "
    "near the river, after a public consultation drew many responses from residents."
)


def documented_columns() -> dict[str, list[str]]:
    models = yaml.safe_load((SQL_DIR / "marts" / "_marts.yml").read_text(encoding="utf-8"))
    return {m["name"]: [str(c["name"]) for c in m["columns"]] for m in models["models"]}


def test_every_mart_is_created_and_returns_rows(query) -> None:
    assert len(MARTS) == 6
    for view in MARTS:
        assert query(f"select count(*) from {view}")[0][0] > 0, view


def test_marts_are_documented_column_by_column(loaded_warehouse: Path) -> None:
    documented = documented_columns()
    assert set(documented) == set(view_names())
    with duckdb.connect(str(loaded_warehouse), read_only=True) as con:
        for view in view_names():
            assert con.table(view).columns == documented[view], view


def test_themes_by_day_count_every_theme_mention(query) -> None:
    assert query("select sum(mentions) from mart_themes_by_day") == query(
        "select count(*) from fct_theme_mention"
    )
    [(articles,)] = query(
        "select sum(articles) from mart_themes_by_day where theme = 'TAX_FNCACT_PRESIDENT'"
    )
    assert articles >= 1


def test_mart_articles_counts_and_verdict(query) -> None:
    """An article's counts are those of the extraction the warehouse holds for it."""
    [row] = query(
        """select entities, mentions, figures, quotes, dates, dq_verdict, dq_expectations,
           dq_run_id is not null from mart_articles where source like ?""",
        [f"%{SEED}"],
    )
    assert row == (*record_counts(stored_extraction(query, SEED)), "passed", None, True)
    assert query("select count(*), count(distinct article_id) from mart_articles") == [(2, 2)]


def test_mart_entity_mentions_by_day(query) -> None:
    rows = query(
        """select canonical_name, articles, mentions from mart_entity_mentions_by_day
           where published_date = date '2021-08-16'
               and canonical_name in ('Kazakhstan', 'Moon Jae-in')
           order by canonical_name"""
    )
    gold = load_gold(SEED)
    assert rows == [(name, 1, name_mentions(gold, name)) for name in ("Kazakhstan", "Moon Jae-in")]
    totals = query(
        """select (select sum(mentions) from mart_entity_mentions_by_day),
                  (select count(*) from fct_entity_mention)"""
    )
    assert totals[0][0] == totals[0][1]


def test_mart_figures_by_country(query) -> None:
    money = query(
        """select subject_country, object_country, figures, total_value from mart_figures_by_country
           where kind = 'money' and currency = 'USD' order by total_value desc"""
    )
    assert money[0] == ("KOR", "KAZ", 1, 6e9)
    assert (None, None, 1, 5.9e9) in money
    totals = query(
        """select (select sum(figures) from mart_figures_by_country),
                  (select count(*) from fct_figure)"""
    )
    assert totals[0][0] == totals[0][1]


def test_mart_entity_cooccurrence(query) -> None:
    pairs = {
        frozenset((a, b)): (articles, sentences)
        for a, b, articles, sentences in query(
            "select entity_a, entity_b, articles, sentences from mart_entity_cooccurrence"
        )
    }
    assert pairs[frozenset(("Kazakhstan", "South Korea"))][0] == 1
    assert pairs[frozenset(("Kazakhstan", "South Korea"))][1] >= 5
    assert pairs[frozenset(("Samsung", "Hyundai"))] == (1, 1)
    assert pairs[frozenset(("Hong Beom-do", "Samsung"))] == (1, 0)
    assert frozenset(("Samsung", "Valletta")) not in pairs  # never in the same article
    assert query(
        "select count(*) from mart_entity_cooccurrence where entity_a_id >= entity_b_id"
    ) == [(0,)]


def test_mart_quotes_by_speaker(query) -> None:
    rows = query(
        """select speaker, title, country_code, quotes, articles, verbs, quoted_characters
           from mart_quotes_by_speaker order by quotes desc, speaker"""
    )
    assert rows[0][:6] == ("Moon Jae-in", "President", "KOR", 4, 1, "describe, say")
    assert rows[1][:6] == ("Kassym-Jomart Tokayev", "President", "KAZ", 2, 1, "say")
    assert rows[1][6] == (1046 - 888) + (2903 - 2708)


def test_views_open_in_the_duckdb_cli(query, loaded_warehouse: Path) -> None:
    duckdb_cli = shutil.which("duckdb", path=str(Path(sys.executable).parent))
    assert duckdb_cli, "duckdb-cli is installed with newsledger"
    for view in view_names():
        done = subprocess.run(
            [duckdb_cli, "-readonly", "-csv", "-noheader", str(loaded_warehouse), "-c",
             f"select count(*) from {view}"],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        assert int(done.stdout.strip()) == query(f"select count(*) from {view}")[0][0], view


def test_export_table_writes_parquet_and_csv(loaded_warehouse: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    for out in (tmp_path / "articles.parquet", tmp_path / "nested" / "articles.csv"):
        done = runner.invoke(
            app, ["export", "table", "mart_articles", "--out", str(out),
                  "--warehouse", str(loaded_warehouse)],
        )  # fmt: skip
        assert done.exit_code == 0, done.output
        assert "wrote 2 rows" in done.output
    parquet = pd.read_parquet(tmp_path / "articles.parquet")
    csv = pd.read_csv(tmp_path / "nested" / "articles.csv")
    assert list(parquet.columns) == list(csv.columns) == documented_columns()["mart_articles"]
    assert sorted(parquet["dq_verdict"]) == sorted(csv["dq_verdict"]) == ["passed", "passed"]


@pytest.mark.parametrize(
    ("name", "out", "reason"),
    [
        ("dim_entity; drop table dim_entity", "x.csv", "no table or view named"),
        ("pg_tables", "x.csv", "no table or view named"),
        ("dim_entity", "x.json", "must end in .parquet or .csv"),
    ],
)
def test_export_table_refuses(
    loaded_warehouse: Path, tmp_path: Path, name: str, out: str, reason: str
) -> None:
    done = CliRunner().invoke(
        app, ["export", "table", name, "--out", str(tmp_path / out),
              "--warehouse", str(loaded_warehouse)],
    )  # fmt: skip
    assert done.exit_code == 1
    assert reason in done.output
    assert not (tmp_path / out).exists()
    with duckdb.connect(str(loaded_warehouse), read_only=True) as con:
        assert con.table("dim_entity").count("*").fetchall()[0][0] > 0


def test_mart_articles_verdicts_pending_quarantined_warnings(tmp_path: Path) -> None:
    folder, warehouse = tmp_path / "in", tmp_path / "warehouse.duckdb"
    shutil.copytree(FIXTURES / "articles", folder)
    for page in (FIXTURES / "site").glob("*.html"):
        shutil.copy(page, folder)
    (folder / "undated-homes.txt").write_text(UNDATED, encoding="utf-8")
    ingest_and_extract(folder, warehouse)
    with connect(warehouse) as con:
        con.execute(CORRUPT_FIGURE)
        create_marts(con)
        assert con.execute("select distinct dq_verdict from mart_articles").fetchall() == [
            ("pending",)
        ]

    assert run_job([folder], warehouse).success
    with duckdb.connect(str(warehouse), read_only=True) as con:
        verdicts = dict(
            con.execute(
                """select regexp_extract(source, '[^/]+$'), dq_verdict || ': ' || dq_expectations
                   from mart_articles"""
            ).fetchall()
        )
    assert len(verdicts) == 7
    assert verdicts.pop(SEED) == (
        "quarantined: stg_figures.expect_column_pair_values_a_to_be_greater_than_b"
    )
    # Warnings are recorded per run, so every article of the run carries the undated one's.
    assert set(verdicts.values()) == {"warnings: stg_articles.expect_column_values_to_not_be_null"}
