"""Forgetting an article loaded by the real job: every row and page of it goes, in one
transaction, the other articles stay whole, and an audit row says who did it."""

import getpass
import shutil
from pathlib import Path

import duckdb
import pytest

from orchestration.core.connection import connect
from orchestration.reports.removal import remove_article_pages
from orchestration.runner import run_job
from orchestration.warehouse.forget import UnknownArticles, forget_articles
from tests.conftest import FIXTURES

ENTITY_REFERENCES = """
    select entity_id from fct_entity_mention where article_id = $a
    union select subject_entity_id from fct_figure where article_id = $a
    union select object_entity_id from fct_figure where article_id = $a
    union select speaker_entity_id from fct_quote where article_id = $a
    union select dateline_entity_id from dim_article where article_id = $a
"""


# Names the Malta Transport Authority, as the harbour article does: forgetting that one must
# leave the authority's entity.
MALTA_BUSES = (
    "The Malta Transport Authority said on Monday that bus journeys across the island rose by "
    "8 percent last year, as cruise ships returned after a quiet winter and new hotels opened "
    "near the old fortifications."
)


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding a warehouse and its reports after one run on the fixture articles and
    a third article that names an organisation the harbour article names too."""
    folder = tmp_path_factory.mktemp("forget")
    articles = folder / "articles"
    shutil.copytree(FIXTURES / "articles", articles)
    (articles / "malta-buses.txt").write_text(MALTA_BUSES, encoding="utf-8")
    assert run_job([articles], folder / "warehouse.duckdb").success
    return folder


@pytest.fixture
def warehouse(loaded: Path, tmp_path: Path) -> Path:
    """A copy of the loaded warehouse and its reports, for one test to change."""
    shutil.copytree(loaded, tmp_path / "copy")
    return tmp_path / "copy" / "warehouse.duckdb"


def article_ids(con: duckdb.DuckDBPyConnection) -> tuple[str, str, str]:
    """The harbour article (to forget), the Tokayev one and the Malta buses one (to keep)."""
    rows = con.execute("select article_id, source from raw_articles order by source").fetchall()
    return tuple(
        next(article_id for article_id, source in rows if name in source)
        for name in ["harbour", "tokayev", "malta-buses"]
    )


def rows_per_table(con: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, int]:
    """How many rows of `article_id` each table with an article_id column holds."""
    tables = [
        name
        for (name,) in con.execute(
            "select table_name from duckdb_columns() where column_name = 'article_id' "
            "and schema_name = 'main' and table_name <> 'forgotten_articles' "
            "and table_name in (select table_name from duckdb_tables())"
        ).fetchall()
    ]
    return {
        table: con.execute(
            f'select count(*) from "{table}" where article_id = ?', [article_id]
        ).fetchone()[0]
        for table in tables
    }


def entities(con: duckdb.DuckDBPyConnection, article_id: str) -> set[str]:
    rows = con.execute(ENTITY_REFERENCES, {"a": article_id}).fetchall()
    return {entity_id for (entity_id,) in rows if entity_id is not None}


def test_forget_removes_every_row_and_page_of_the_article_only(warehouse: Path) -> None:
    pages = warehouse.parent / "reports" / "articles"
    with connect(warehouse) as con:
        harbour, tokayev, buses = article_ids(con)
        con.execute(
            "insert into failed_extractions values (?, 'v0', 'ValueError', 'bad', now())",
            [harbour],
        )
        before = rows_per_table(con, harbour)
        kept_before = [rows_per_table(con, a) for a in (tokayev, buses)]
        others = entities(con, tokayev) | entities(con, buses)
        only_harbour = entities(con, harbour) - others
        shared = entities(con, harbour) & others
        done = forget_articles(con, [harbour], "test-user", "retracted by the outlet")
    assert (pages / f"{harbour}.html").exists()
    removed = remove_article_pages(warehouse, [harbour])

    assert {"raw_articles", "extractions", "failed_extractions", "dim_article",
            "fct_entity_mention", "fct_figure", "fct_quote", "fct_date_reference",
            "fct_date_reference_sentence", "article_sources"} <= {
        table for table, count in before.items() if count
    }  # fmt: skip
    assert only_harbour and shared
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert set(rows_per_table(con, harbour).values()) == {0}
        assert [rows_per_table(con, a) for a in (tokayev, buses)] == kept_before
        known = {e for (e,) in con.execute("select entity_id from dim_entity").fetchall()}
        aliased = {e for (e,) in con.execute("select entity_id from dim_entity_alias").fetchall()}
        audit = con.execute(
            "select article_id, source, title, reason, forgotten_by, rows_deleted "
            "from forgotten_articles"
        ).fetchall()
    assert not only_harbour & (known | aliased)
    assert shared <= known
    assert done.entities_deleted == len(only_harbour)
    [(article_id, source, title, reason, forgotten_by, rows_deleted)] = audit
    assert (article_id, reason, forgotten_by) == (harbour, "retracted by the outlet", "test-user")
    assert source.endswith("harbour-reopens.json")
    assert title == "Port of Valletta reopens after storm repairs"
    assert rows_deleted == sum(before.values()) == done.articles[0].total_rows
    assert removed == [pages / f"{harbour}.html"]
    assert not (pages / f"{harbour}.html").exists()
    assert (pages / f"{tokayev}.html").exists()
    index = (warehouse.parent / "reports" / "index.html").read_text(encoding="utf-8")
    assert harbour not in index
    assert tokayev in index
    assert harbour not in (pages / "manifest.json").read_text(encoding="utf-8")


def test_an_unknown_id_deletes_nothing(warehouse: Path) -> None:
    with connect(warehouse) as con:
        harbour, *_ = article_ids(con)
        before = rows_per_table(con, harbour)
        with pytest.raises(UnknownArticles, match="not in the warehouse: no-such-article;"):
            forget_articles(con, [harbour, "no-such-article"], getpass.getuser(), None)
        assert rows_per_table(con, harbour) == before
        assert con.execute("select count(*) from forgotten_articles").fetchone() == (0,)


def test_an_article_forgotten_before_is_named_as_such(warehouse: Path) -> None:
    with connect(warehouse) as con:
        harbour, *_ = article_ids(con)
        forget_articles(con, [harbour], "test-user", None)
        with pytest.raises(UnknownArticles, match=rf"{harbour} \(forgotten on .* by test-user\)"):
            forget_articles(con, [harbour], "test-user", None)


def test_a_forgotten_article_is_not_read_again(warehouse: Path) -> None:
    with connect(warehouse) as con:
        harbour, tokayev, _ = article_ids(con)
        forget_articles(con, [harbour], "test-user", "retracted by the publisher")
    articles = warehouse.parent.parent / "again"
    shutil.copytree(FIXTURES / "articles", articles)

    assert run_job([articles], warehouse).success

    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert sum(rows_per_table(con, harbour).values()) == 0
        assert sum(rows_per_table(con, tokayev).values()) > 0
        [(source, reason)] = con.execute(
            "select source, reason from rejected_inputs where reason like 'forgotten on %'"
        ).fetchall()
    assert source.endswith("harbour-reopens.json")
    assert "by test-user: retracted by the publisher; not read again" in reason
