"""The index lists every loaded article, newest first, and the articles held back."""

from orchestration.core.connection import connect
from orchestration.reports.index_page import index_entry, render_index
from orchestration.reports.queries import article_records


def test_an_entry_counts_what_the_article_holds(small_warehouse) -> None:
    with connect(small_warehouse, read_only=True) as con:
        [record] = article_records(con, ["a1"])
    entry = index_entry(record)
    assert entry == {
        "loaded_at": "2024-05-02 12:00:00",
        "title": "a1.txt",
        "outlet": None,
        "published_date": "2021-08-16",
        "entities": 5,
        "figures": 1,
        "quotes": 1,
        "dates": 0,
        "quality": "passed",
        "tone": "ok",
        "verdict": "Passed: all 2 expectations met.",
        "language": None,
    }


def test_index_links_pages_newest_first_and_lists_held_back_articles() -> None:
    entry = {"title": "", "outlet": None, "entities": 0, "figures": 0, "quotes": 0, "dates": 0,
             "quality": "passed", "tone": "ok", "verdict": "Passed."}  # fmt: skip
    entries = {
        "old": {**entry, "title": "Old news", "published_date": "2020-01-01"},
        "new": {**entry, "title": "New news", "published_date": "2024-01-01"},
    }
    held = [{"title": "Broken", "source": "inbox/broken.txt",
             "reasons": "stg_figures: expect_column_values_to_not_be_null",
             "quarantined_at": "2024-05-02 11:30:00.123"}]  # fmt: skip
    html = render_index(entries, held)
    assert html.index('href="articles/new.html"') < html.index('href="articles/old.html"')
    assert "2 articles in the warehouse" in html
    assert "Broken" in html and "expect_column_values_to_not_be_null" in html


def test_an_empty_index_says_so() -> None:
    html = render_index({}, [])
    assert "No article has been loaded yet." in html and "Held back" not in html
