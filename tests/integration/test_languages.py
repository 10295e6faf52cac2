"""A French and a Russian article, beside an English one with a byline, through the real job
into a DuckDB file: each is stored and loaded with its language; the French and Russian ones
yield no entities, figures, dates or quotations and say why; the English one's authors are in
dim_article.authors and not among its mentions."""

import json
import shutil
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from orchestration.cli import app
from orchestration.core.connection import connect
from orchestration.reports.article_page import render_article_page
from orchestration.reports.index_page import index_entry, render_index
from orchestration.reports.queries import article_records
from orchestration.runner import run_job
from orchestration.warehouse.export import export_gkg
from orchestration.warehouse.status import articles_by_language
from tests.conftest import FIXTURES
from tests.integration.test_gkg_export import read_gkg

FRENCH = "port-de-marseille.md"
RUSSIAN = "dorogi-sibiri.json"
ENGLISH = "lagos-ferry-terminal.txt"
AUTHORS = ["Margaret Okafor", "Daniel Reyes"]


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("languages")
    shutil.copytree(FIXTURES / "languages", folder / "articles")
    path = folder / "warehouse.duckdb"
    assert run_job([folder / "articles"], path).success
    return path


def rows(warehouse: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql).fetchall()


def by_file(warehouse: Path, sql: str) -> dict[str, tuple]:
    """Rows keyed by the file name of their article's source (the query's first column)."""
    return {Path(row[0]).name: row[1:] for row in rows(warehouse, sql)}


def test_every_article_is_stored_and_loaded_with_its_language(warehouse: Path) -> None:
    raw = by_file(warehouse, "select source, language, language_confidence from raw_articles")
    assert {name: row[0] for name, row in raw.items()} == {
        FRENCH: "fr",
        RUSSIAN: "ru",
        ENGLISH: "en",
    }
    assert all(0.5 < confidence <= 1 for _, confidence in raw.values())
    loaded = by_file(warehouse, "select source, language from dim_article")
    assert loaded == {FRENCH: ("fr",), RUSSIAN: ("ru",), ENGLISH: ("en",)}


def test_other_languages_produce_no_facts_and_say_why(warehouse: Path) -> None:
    counts = by_file(
        warehouse,
        """select source, entities, mentions, figures, quotes, dates, not_extracted, dq_verdict
           from mart_articles""",
    )
    for name, code in ((FRENCH, "fr"), (RUSSIAN, "ru")):
        *facts, why, verdict = counts[name]
        assert facts == [0, 0, 0, 0, 0]
        assert why == f"language {code}: only English articles are extracted"
        assert verdict == "passed"
    *facts, why, _ = counts[ENGLISH]
    assert facts[0] > 0 and why is None
    [(mentions,)] = rows(
        warehouse,
        """select count(*) from fct_entity_mention m join dim_article a using (article_id)
           where a.language in ('fr', 'ru')""",
    )
    assert mentions == 0
    payloads = by_file(
        warehouse,
        "select r.source, e.payload from extractions e join raw_articles r using (article_id)",
    )
    assert json.loads(payloads[RUSSIAN][0])["article"]["language"] == "ru"
    assert json.loads(payloads[RUSSIAN][0])["entities"] == []


def test_authors_are_read_and_are_not_mentions(warehouse: Path) -> None:
    authors = by_file(warehouse, "select source, authors from dim_article")
    assert authors == {
        FRENCH: (["Claire Dubois"],),
        RUSSIAN: (["Анна Петрова"],),
        ENGLISH: (AUTHORS,),
    }
    surfaces = {
        surface
        for (surface,) in rows(
            warehouse,
            """select m.surface from fct_entity_mention m join dim_article a using (article_id)
               where a.source like '%lagos%'""",
        )
    }
    assert "Adebayo Bello" in surfaces
    assert not any(name in surface for surface in surfaces for name in ("Okafor", "Reyes"))
    names = {name for (name,) in rows(warehouse, "select canonical_name from dim_entity")}
    assert not names & set(AUTHORS)
    outlet = by_file(
        warehouse, "select a.source, s.name from dim_article a join dim_source s using (source_id)"
    )
    assert outlet[ENGLISH] == ("Reuters",)


def test_the_article_page_says_the_language_and_that_it_was_not_extracted(
    warehouse: Path,
) -> None:
    ids = by_file(warehouse, "select source, article_id from dim_article")
    with connect(warehouse) as con:
        french, english = article_records(con, [ids[FRENCH][0], ids[ENGLISH][0]])
    page = render_article_page(french)
    assert "in French" in page and 'id="not-extracted"' in page
    assert "by Claire Dubois" in page
    english_page = render_article_page(english)
    assert 'id="not-extracted"' not in english_page
    assert "by Margaret Okafor, Daniel Reyes" in english_page
    index = render_index({"fr": index_entry(french), "en": index_entry(english)}, [])
    assert index.count("not extracted") == 1 and "fr: not extracted" in index


def test_gkg_records_and_status_name_authors_and_languages(warehouse: Path, tmp_path: Path) -> None:
    out = tmp_path / "export.gkg.csv"
    assert export_gkg(warehouse, out) == 3
    extras = {Path(r["V2DOCUMENTIDENTIFIER"]).name: r["V2EXTRASXML"] for r in read_gkg(out)}
    assert "<PAGE_AUTHORS>Margaret Okafor;Daniel Reyes</PAGE_AUTHORS>" in extras[ENGLISH]
    assert "<PAGE_AUTHORS>Claire Dubois</PAGE_AUTHORS>" in extras[FRENCH]
    with connect(warehouse, read_only=True) as con:
        assert articles_by_language(con) == {"en": 1, "fr": 1, "ru": 1}
    status = CliRunner().invoke(app, ["status", "--warehouse", str(warehouse)])
    assert "en 1, fr 1, ru 1" in status.output


def test_a_warehouse_from_before_languages_gains_them_and_extracts_its_articles_as_english(
    tmp_path: Path,
) -> None:
    """Articles stored before languages were detected have none, and are extracted as
    English, as they always were; the columns are added to the old tables."""
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(FIXTURES / "languages" / ENGLISH, folder / ENGLISH)
    path = tmp_path / "warehouse.duckdb"
    assert run_job([folder], path).success
    body = (FIXTURES / "extract" / "moscow-summit.txt").read_text(encoding="utf-8").strip()
    with duckdb.connect(str(path)) as con:
        for column in ("language", "language_confidence", "authors"):
            con.execute(f"alter table raw_articles drop column {column}")
        con.execute("alter table dim_article drop column language")
        con.execute("alter table dim_article drop column authors")
        con.execute("delete from schema_version")
        con.execute(
            "insert into raw_articles (article_id, source, body, ingested_at)"
            " values ('old', 'old.txt', ?, current_timestamp)",
            [body],
        )
    (tmp_path / "empty").mkdir()
    assert run_job([tmp_path / "empty"], path).success
    [(language, authors, mentions)] = rows(
        path,
        """select a.language, a.authors, m.mentions from dim_article a
           join mart_articles m using (article_id) where article_id = 'old'""",
    )
    assert (language, authors) == (None, None)
    assert mentions > 0
    assert by_file(path, "select source, language from raw_articles")[ENGLISH] == (None,)
