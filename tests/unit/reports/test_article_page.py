"""An article's page shows its text, entities, figures, quotations, dates and verdict, offline."""

import re

from orchestration.core.connection import connect
from orchestration.reports.article_page import entity_summary, render_article_page
from orchestration.reports.queries import article_records


def test_entities_are_summarised_most_mentioned_first() -> None:
    mentions = [
        {"entity_id": "k", "canonical_name": "Kazakhstan", "entity_type": "GPE",
         "country_code": "KAZ", "surface": "Kazakhstan"},
        {"entity_id": "t", "canonical_name": "Kassym-Jomart Tokayev", "entity_type": "PERSON",
         "country_code": "KAZ", "surface": "Tokayev"},
        {"entity_id": "t", "canonical_name": "Kassym-Jomart Tokayev", "entity_type": "PERSON",
         "country_code": "KAZ", "surface": "President Tokayev"},
    ]  # fmt: skip
    summary = entity_summary(mentions)
    assert [(e["name"], e["mentions"]) for e in summary] == [
        ("Kassym-Jomart Tokayev", 2),
        ("Kazakhstan", 1),
    ]
    assert summary[0]["surfaces"] == ["Tokayev", "President Tokayev"]


def test_page_shows_every_part_of_the_article(small_warehouse) -> None:
    with connect(small_warehouse, read_only=True) as con:
        [record] = article_records(con, ["a1"])
    html = render_article_page(record)
    for text in ["Kassym-Jomart Tokayev", "Moon Jae-in", "South Korea", "Kazakhstan",
                 "more than $6 billion", "6,000,000,000", "more than",
                 "We will do more,", "Passed: all 2 expectations met.", "a1.txt"]:  # fmt: skip
        assert text in html, text
    assert 'title="Kassym-Jomart Tokayev · PERSON · KAZ"' in html
    assert "South Korea → Kazakhstan" in html


def test_page_loads_nothing_from_elsewhere(small_warehouse) -> None:
    with connect(small_warehouse, read_only=True) as con:
        [record] = article_records(con, ["a2"])
    html = render_article_page(record)
    assert not re.search(r"<(script|link|img|iframe)\b", html)
    assert "last year" in html and "2023" in html
    assert "45 million euros" in html and "EUR" in html
