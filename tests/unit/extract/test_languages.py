"""Only English articles go through the model: another language gets an empty record that
names it; and the names of a byline are authors, not people the article mentions."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from orchestration.extract.chunks import ArticleText
from orchestration.extract.languages import is_extracted
from orchestration.extract.output import chunk_results, extraction_record

ENGLISH = (
    "By Margaret Okafor and Daniel Reyes\n\n"
    "LAGOS, March 3 (Reuters) - Transport Commissioner Adebayo Bello said on Tuesday the new "
    "ferry terminal would carry 30,000 passengers a day once it opens in 2027.\n\n"
    "The terminal will cost about $85 million, Bello told reporters in Ikeja."
)
FRENCH = (
    "Le ministre des Transports, Philippe Durand, a annoncé mercredi à Marseille un plan de "
    "120 millions d'euros pour moderniser le port, selon un communiqué publié à Paris."
)


def names(record: dict) -> set[str]:
    return {e["name"] for e in record["entities"]}


def test_english_and_unknown_languages_are_extracted() -> None:
    assert is_extracted("en") and is_extracted(None)
    assert not is_extracted("fr") and not is_extracted("ru")


def test_an_article_in_another_language_gets_an_empty_record(nlp: Language) -> None:
    article = ArticleText("fr1", "port.md", "Plan pour le port", FRENCH, dt.date(2025, 3, 14), "fr")
    record = extraction_record(nlp, article)
    assert (record["entities"], record["figures"], record["dates"], record["quotes"]) == (
        [],
        [],
        [],
        [],
    )
    assert record["article"]["language"] == "fr"
    assert record["article"]["published_date"] == "2025-03-14"
    assert record["article"]["body"] == FRENCH
    assert record["extractor"]["model"]


def test_a_chunk_keeps_its_order_and_extracts_only_english(nlp: Language) -> None:
    articles = [
        ArticleText("en1", "a.txt", None, ENGLISH, None, "en"),
        ArticleText("fr1", "b.txt", None, FRENCH, None, "fr"),
        ArticleText("old", "c.txt", None, ENGLISH, None, None),
    ]
    english, french, old = chunk_results(articles, nlp)
    assert "Adebayo Bello" in names(english)
    assert names(old) == names(english)
    assert french["entities"] == [] and french["figures"] == []
    assert [r["article"]["language"] for r in (english, french, old)] == ["en", "fr", None]


def test_byline_authors_are_not_mentioned_people(nlp: Language) -> None:
    article = ArticleText("en1", "a.txt", None, ENGLISH, None, "en")
    record = extraction_record(nlp, article)
    mentioned = [m["text"] for e in record["entities"] for m in e["mentions"]]
    assert not any("Okafor" in text or "Reyes" in text for text in mentioned)
    assert "Adebayo Bello" in names(record)
    assert record["article"]["dateline"] == "Lagos"
    assert record["article"]["agency"] == "Reuters"


def test_an_author_the_report_names_keeps_the_mentions_outside_the_byline(
    nlp: Language,
) -> None:
    body = (
        "By Margaret Okafor\n\n"
        "ABUJA, May 2 - Officials met Margaret Okafor, the paper's correspondent, on Friday "
        "after the police detained her for six hours at the airport in Abuja."
    )
    record = extraction_record(nlp, ArticleText("en2", "b.txt", None, body, None, "en"))
    starts = [
        m["start"] for e in record["entities"] if e["type"] == "PERSON" for m in e["mentions"]
    ]
    byline_end = body.index("\n")
    assert starts and all(start > byline_end for start in starts)
    assert any(body[start:].startswith("Margaret Okafor") for start in starts)
