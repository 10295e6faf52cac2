"""Stories in a warehouse loaded by the real job: twenty near-copies of one article among 200
become one story, different articles stay apart, a copy loaded by a later run joins the same
story, forgetting its first article renames it, and the marts and the dashboard count the
story once where they count events."""

import shutil
from datetime import date
from pathlib import Path

import duckdb
import pytest

from benchmarks.corpus import generate_articles, write_corpus
from orchestration.core.connection import connect
from orchestration.core.sql import read_sql
from orchestration.reports.queries import rows
from orchestration.runner import run_job
from orchestration.warehouse.forget import forget_articles
from tests.conftest import FIXTURES, SEED
from tests.near_copies import near_copies

COPIES = 20
GENERATED = 130  # with the 50 of the test corpus and the 20 copies: 200 articles
PUBLISHED = "2021-08-16"


def copy_markdown(body: str, number: int) -> str:
    """A near-copy as an outlet's page: front matter with its title, date and outlet."""
    return (
        f"---\ntitle: Tokayev visits South Korea\npublished: '{PUBLISHED}'\n"
        f"source: Outlet {number}\n---\n\n{body}\n"
    )


def write_copies(folder: Path, count: int, start: int = 0) -> None:
    """Near-copies `start` .. `start + count - 1` of the seed article as Markdown files."""
    bodies = near_copies(SEED.read_text(encoding="utf-8"), start + count)
    for number in range(start, start + count):
        text = copy_markdown(bodies[number], number)
        (folder / f"copy-{number:02d}.md").write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding a warehouse after one run on 200 articles: generated ones, the test
    corpus and twenty near-copies of the seed."""
    folder = tmp_path_factory.mktemp("stories")
    articles = folder / "articles"
    write_corpus(generate_articles(GENERATED), articles)
    for path in (FIXTURES / "corpus").iterdir():
        shutil.copy(path, articles / path.name)
    write_copies(articles, COPIES)
    assert len(list(articles.iterdir())) == 200
    assert run_job([articles], folder / "warehouse.duckdb").success
    return folder


@pytest.fixture
def warehouse(loaded: Path, tmp_path: Path) -> Path:
    """A copy of the loaded warehouse, for one test to change."""
    shutil.copytree(loaded, tmp_path / "copy")
    return tmp_path / "copy" / "warehouse.duckdb"


def copy_stories(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    """The article and story of each near-copy, first ingested (then smallest id) first."""
    return con.execute(
        """select a.article_id, a.story_id from dim_article a
           join raw_articles r using (article_id) join story_signatures s using (article_id)
           where r.source like '%copy-%' order by r.ingested_at, a.article_id"""
    ).fetchall()


def test_the_twenty_near_copies_are_one_story(loaded: Path) -> None:
    with duckdb.connect(str(loaded / "warehouse.duckdb"), read_only=True) as con:
        copies = copy_stories(con)
        assert len(copies) == COPIES
        assert {story for _, story in copies} == {copies[0][0]}  # named after the first
        story = con.execute(
            """select articles, outlets, title, first_published_date, last_published_date
               from dim_story where story_id = ?""",
            [copies[0][0]],
        ).fetchone()
    day = date.fromisoformat(PUBLISHED)
    assert story == (COPIES, COPIES, "Tokayev visits South Korea", day, day)


def test_no_two_different_articles_share_a_story(loaded: Path) -> None:
    with duckdb.connect(str(loaded / "warehouse.duckdb"), read_only=True) as con:
        others = con.execute(
            """select count(*), count(distinct a.story_id), count(a.story_id)
               from dim_article a join raw_articles r using (article_id)
               where r.source not like '%copy-%'"""
        ).fetchone()
        stories = con.execute("select count(*), sum(articles) from dim_story").fetchone()
        signatures = con.execute("select count(*) from story_signatures").fetchone()
    assert others == (180, 180, 180)
    assert stories == (181, 200)
    assert signatures == (200,)


def test_marts_count_the_story_once(loaded: Path) -> None:
    with duckdb.connect(str(loaded / "warehouse.duckdb"), read_only=True) as con:
        mentions = con.execute(
            """select articles, stories from mart_entity_mentions_by_day
               where canonical_name = 'Kazakhstan' and published_date = ?""",
            [PUBLISHED],
        ).fetchall()
        figures = con.execute(
            """select figures, total_value, stories, story_figures, story_total_value
               from mart_figures_by_country
               where kind = 'money' and currency = 'USD' and subject_country = 'KOR'
                   and object_country = 'KAZ'"""
        ).fetchall()
        flows = con.execute(read_sql("analyses/money_flows_between_countries.sql")).fetchall()
    assert mentions == [(COPIES, 1)]
    # "more than $6 billion" from South Korea to Kazakhstan, once in each copy.
    assert figures == [(COPIES, COPIES * 6e9, 1, 1, 6e9)]
    korea = [flow for flow in flows if flow[:2] == ("KOR", "KAZ")]
    assert [(flow[4], flow[-1]) for flow in korea] == [(6e9, COPIES)]


def test_the_dashboard_counts_the_story_once(loaded: Path) -> None:
    with connect(loaded / "warehouse.duckdb", read_only=True) as con:
        timeline = rows(con, "reports/select_mentions_over_time", {"top_n": 12})
        money = rows(con, "reports/select_money_by_country_pair", {"top_n": 1000})
    [kazakhstan] = [
        (r["articles"], r["stories"])
        for r in timeline
        if r["entity"] == "Kazakhstan" and r["published_date"] == PUBLISHED
    ]
    assert kazakhstan == (COPIES, 1)
    # The seed's two sums in dollars, "more than $6 billion" invested and "$5.9 billion" of
    # trade, the second placed by the article's countries, once; and in every copy.
    [korea] = [r for r in money if r["pair"] == "KOR → KAZ" and r["currency"] == "USD"]
    assert (korea["total_value"], korea["figures"], korea["stories"], korea["copies"]) == (
        6e9 + 5.9e9,
        2,
        1,
        2 * COPIES,
    )


def test_a_copy_loaded_by_a_later_run_joins_the_story(warehouse: Path, tmp_path: Path) -> None:
    later = tmp_path / "later"
    later.mkdir()
    write_copies(later, 1, start=COPIES)
    assert run_job([later], warehouse).success
    with duckdb.connect(str(warehouse), read_only=True) as con:
        copies = copy_stories(con)
        [(articles,)] = con.execute(
            "select articles from dim_story where story_id = ?", [copies[0][0]]
        ).fetchall()
    assert len(copies) == COPIES + 1
    assert {story for _, story in copies} == {copies[0][0]}
    assert articles == COPIES + 1


def test_forgetting_the_first_article_names_the_story_after_the_next(warehouse: Path) -> None:
    """The story's first article goes: the story is named after the first ingested of the
    nineteen left."""
    with connect(warehouse) as con:
        [(first, _), (second, _), *_] = copy_stories(con)
        forget_articles(con, [first], "tester", "retracted")
        copies = copy_stories(con)
        story = con.execute(
            "select story_id, articles from dim_story where story_id in (?, ?)", [first, second]
        ).fetchall()
        signature = con.execute(
            "select count(*) from story_signatures where article_id = ?", [first]
        ).fetchone()
    assert {story for _, story in copies} == {second}
    assert story == [(second, COPIES - 1)]
    assert signature == (0,)
