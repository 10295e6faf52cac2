"""Stories kept in a real DuckDB warehouse across loads: a copy loaded later joins its story, an
article copying two stories joins them, loading again changes nothing, and forgetting the
article that held two stories together splits them again."""

from datetime import datetime, timedelta
from pathlib import Path

import duckdb
import pytest

from orchestration.core.connection import connect
from orchestration.core.sql import read_sql
from orchestration.warehouse.forget import forget_articles
from orchestration.warehouse.story_load import batch_signatures, batch_stories
from tests.conftest import SEED

PARAGRAPHS = SEED.read_text(encoding="utf-8").split("\n\n")
# Two halves of the seed that share only two paragraphs (different stories), and the whole
# article, a copy of each.
BODIES = {
    "head": "\n\n".join(PARAGRAPHS[:7]),
    "tail": "\n\n".join(PARAGRAPHS[5:]),
    "whole": "\n\n".join(PARAGRAPHS),
}
INGESTED = datetime(2024, 5, 2, 12, 0)


def add_article(con: duckdb.DuckDBPyConnection, name: str, minutes: int) -> None:
    """Ingest and load the article `name` (its id is its name), `minutes` after INGESTED."""
    con.execute(
        "insert into raw_articles (article_id, source, body, ingested_at) values (?, ?, ?, ?)",
        [name, f"{name}.txt", BODIES[name], INGESTED + timedelta(minutes=minutes)],
    )
    con.execute(
        """insert into dim_article (article_id, source_id, source, title, word_count,
           extractor_version, extractor_model, extracted_at, loaded_at)
           values (?, 's', ?, ?, 1, 'v', 'm', now()::timestamp, now()::timestamp)""",
        [name, f"{name}.txt", name.title()],
    )


def load_stories(con: duckdb.DuckDBPyConnection, names: list[str]) -> None:
    """What the warehouse load does for the stories of a batch of the articles `names`."""
    con.execute("create or replace temp table batch_articles as select unnest(?) as article_id",
                [names])  # fmt: skip
    new = batch_signatures(con)
    with batch_stories(con, new):
        for table in ["story_signatures", "dim_story"]:
            con.execute(read_sql(f"load/merge_into_{table}.sql"))


def stories(con: duckdb.DuckDBPyConnection) -> dict[str, tuple]:
    """Each article's story, from story_signatures and dim_article, and every dim_story row."""
    members = con.execute(
        """select s.article_id, s.story_id, a.story_id from story_signatures s
           join dim_article a using (article_id) order by all"""
    ).fetchall()
    rows = con.execute("select story_id, articles, title from dim_story order by all").fetchall()
    return {"members": tuple(members), "dim_story": tuple(rows)}


@pytest.fixture
def warehouse(tmp_path: Path) -> Path:
    """A warehouse where the two halves were loaded, each its own story, then the whole."""
    path = tmp_path / "warehouse.duckdb"
    with connect(path) as con:
        add_article(con, "tail", 0)
        add_article(con, "head", 1)
        load_stories(con, ["tail", "head"])
        assert stories(con)["dim_story"] == (("head", 1, "Head"), ("tail", 1, "Tail"))
        add_article(con, "whole", 2)
        load_stories(con, ["whole"])
    return path


def test_an_article_copying_two_stories_joins_them_under_the_first(warehouse: Path) -> None:
    with connect(warehouse) as con:
        found = stories(con)
    assert found == {
        "members": (("head", "tail", "tail"), ("tail", "tail", "tail"), ("whole", "tail", "tail")),
        "dim_story": (("tail", 3, "Tail"),),
    }


def test_loading_the_same_articles_again_changes_nothing(warehouse: Path) -> None:
    with connect(warehouse) as con:
        before = stories(con)
        load_stories(con, ["head", "tail", "whole"])
        assert stories(con) == before


def test_forgetting_the_bridge_splits_the_story_again(warehouse: Path) -> None:
    with connect(warehouse) as con:
        forget_articles(con, ["whole"], "tester", None)
        found = stories(con)
    assert found == {
        "members": (("head", "head", "head"), ("tail", "tail", "tail")),
        "dim_story": (("head", 1, "Head"), ("tail", 1, "Tail")),
    }
