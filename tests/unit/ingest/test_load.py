"""Storing what was read: any date a date can hold, and why a stated date was not kept."""

from datetime import date
from pathlib import Path

from orchestration.core.connection import connect
from orchestration.ingest.articles import ArticleInput, Rejection
from orchestration.ingest.load import store_inputs

BODY = "The harbour authority said on Friday that the new container terminal would open."


def test_dates_at_the_ends_of_the_calendar_are_stored_as_dates(tmp_path: Path) -> None:
    articles = [
        ArticleInput(source="a.txt", body=f"{BODY} A", published_date=date(1, 1, 1)),
        ArticleInput(source="b.txt", body=f"{BODY} B", published_date=date(9999, 12, 31)),
        ArticleInput(
            source="c.json",
            body=f"{BODY} C",
            published_date_source="rejected: not a date: 2024-13-45",
        ),
        ArticleInput(source="d.txt", body=f"{BODY} D"),
    ]
    rejection = Rejection.of("e.txt", "not a regular file: a FIFO (named pipe)", b"")
    with connect(tmp_path / "warehouse.duckdb") as con:
        counts = store_inputs(con, articles, [rejection])
        rows = con.execute(
            "select source, published_date, published_date_source from raw_articles order by 1"
        ).fetchall()
        stored = con.execute("select source, reason, size_bytes from rejected_inputs").fetchall()
    assert (len(counts.new_article_ids), counts.new_rejections) == (4, 1)
    assert rows == [
        ("a.txt", date(1, 1, 1), "given"),
        ("b.txt", date(9999, 12, 31), "given"),
        ("c.json", None, "rejected: not a date: 2024-13-45"),
        ("d.txt", None, None),
    ]
    assert stored == [("e.txt", "not a regular file: a FIFO (named pipe)", 0)]
