"""Counts: numbers of those an event befell, typed as GDELT's GKG counts, and numbers that are
no such count. Each expectation is read off the sentence."""

from __future__ import annotations

import json
from pathlib import Path

import py_gdelt
import pytest
from spacy.language import Language

from orchestration.extract.count_events import COUNT_WORDS
from orchestration.extract.document import extract_article
from orchestration.extract.output import chunk_results
from orchestration.extract.schema import Count, vocabulary
from tests.unit.extract.conftest import Extract, corpus_texts

# Every number the shipped corpus's articles give for one of GDELT's count types, read off
# the articles: (article, type, number). The corpus's other 128 counted figures ("113,000
# people" employed, "1,200 workers") are no such event, nor is "more than 6,300 people dead or
# missing", which counts the dead and the missing together.
CORPUS_COUNTS = {
    ("delhi-heatwave", "KILL", 110.0),
    ("jakarta-earthquake", "KILL", 42.0),
    ("jakarta-earthquake", "WOUND", 700.0),
    ("jakarta-earthquake", "KILL", 4300.0),
    ("kigali-malaria-vaccine", "KILL", 600000.0),
    ("nairobi-drought-appeal", "KILL", 1.5e6),
    ("port-moresby-election", "KILL", 17.0),
    ("sao-paulo-court-ruling", "KILL", 19.0),
    ("seoul-tokyo-summit", "PROTEST", 2000.0),
    ("sydney-bushfire", "KILL", 33.0),
}


def counts(result: dict) -> list[tuple[str, float, str | None, str | None]]:
    """(type, value, counted noun, place name) of each count, in text order."""
    names = {e["id"]: e["name"] for e in result["entities"]}
    return [
        (c["type"], c["value"], c["object"], names.get(c["location_entity_id"]))
        for c in result["counts"]
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Police arrested 30 protesters in Nairobi on Tuesday.",
            [("ARREST", 30.0, "protesters", "Nairobi")],
        ),
        ("At least 12 people were killed in the attack.", [("KILL", 12.0, "people", None)]),
        (
            "More than 2,000 residents were evacuated as the fire spread.",
            [("EVACUATION", 2000.0, "residents", None)],
        ),
        ("More than 2,000 were evacuated.", [("EVACUATION", 2000.0, None, None)]),
        (
            "The floods displaced 5,000 families in Pakistan.",
            [("DISPLACED", 5000.0, "families", "Pakistan")],
        ),
        ("Kidnappers abducted 15 students from a school.", [("KIDNAP", 15.0, "students", None)]),
        ("Customs officers seized 300 rifles at the port.", [("SEIZE", 300.0, "rifles", None)]),
        (
            "About 10,000 people marched through central London on Saturday.",
            [("PROTEST", 10000.0, "people", "London")],
        ),
        ("The outbreak has sickened 200 people.", [("SICKENED", 200.0, "people", None)]),
        (
            "About 1.2 million people were affected by the storm.",
            [("AFFECT", 1.2e6, "people", None)],
        ),
        ("Officials reported 45 deaths.", [("KILL", 45.0, "deaths", None)]),
        ("Police made 30 arrests.", [("ARREST", 30.0, "arrests", None)]),
        ("Rebels killed 12 soldiers and wounded 30.", [("KILL", 12.0, "soldiers", None),
                                                       ("WOUND", 30.0, None, None)]),
        ("The bombing left 40 dead.", [("KILL", 40.0, None, None)]),
        (
            "The quake left 2,000 people homeless.",
            [("DISPLACED", 2000.0, "people", None)],
        ),
        (
            "Two people were killed and 15 injured when a bus overturned near Karachi.",
            [("KILL", 2.0, "people", "Karachi"), ("WOUND", 15.0, None, "Karachi")],
        ),
        ("Israel said 30 were killed in Gaza.", [("KILL", 30.0, None, "Gaza")]),
        ("4 killed in Kabul blast", [("KILL", 4.0, None, "Kabul")]),
        (
            "A car bomb killed six people outside the French embassy in Kabul.",
            [("KILL", 6.0, "people", "Kabul")],
        ),
        (
            "Ten migrants died when their boat sank on the way from Libya.",
            [("KILL", 10.0, "migrants", None)],
        ),
        (
            "Some 2,000 protesters gathered in Seoul, demanding that Japan apologise.",
            [("PROTEST", 2000.0, "protesters", "Seoul")],
        ),
    ],
)  # fmt: skip
def test_counts_of_events(extract: Extract, text: str, expected: list) -> None:
    assert counts(extract(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The company employs 113,000 people.",
        "Two gunmen killed the guard.",
        "No one was killed.",
        "None of the 30 passengers were injured.",
        "The strike could kill 100 jobs.",
        "Police plan to evacuate 2,000 residents.",
        "Police arrested the man, 34, on Friday.",
        "He was arrested in 2019 along with 3 others.",
        "Shares rose 4.5 percent on Monday.",
        "The museum holds 300 paintings.",
        "The typhoon left more than 6,300 people dead or missing.",
        "The new rule affects 300 products.",
        "He has been arrested 3 times.",
        "They prayed for peace and said the faithful must not kill one another.",
        "KENYA: Total dead: 192 Americans: 12 Injured: 4,877",
    ],
)
def test_numbers_that_count_no_event(extract: Extract, text: str) -> None:
    assert counts(extract(text)) == []


def test_count_keeps_qualifier_offsets_and_event_word(extract: Extract) -> None:
    text = "Officials said at least 12 people were killed in Kabul."
    [count] = extract(text)["counts"]
    assert text[count["start"] : count["end"]] == "at least 12 people"
    assert (count["qualifier"], count["event"], count["sentence"]) == ("at_least", "kill", 0)


def test_count_types_are_gdelt_codes() -> None:
    # Every type the lexicon gives is one the record declares, and each is a code of GDELT's
    # theme taxonomy as gdelt-py ships it.
    themes_path = Path(py_gdelt.__file__).parent / "lookups" / "data" / "gkg_themes.json"
    themes = json.loads(themes_path.read_text(encoding="utf-8"))
    declared = set(vocabulary(Count, "type"))
    used = {kind for words in COUNT_WORDS.values() for kind in words.values()}
    assert used == declared
    assert declared <= set(themes)


def test_counts_on_the_corpus_are_the_events_its_articles_report(nlp: Language) -> None:
    texts = corpus_texts()
    records = chunk_results(texts, nlp)
    found = {
        (text.article_id, count["type"], count["value"])
        for text, record in zip(texts, records, strict=True)
        for count in record["counts"]
    }
    assert found == CORPUS_COUNTS


def test_counts_of_a_long_article_index_the_whole_body(nlp: Language) -> None:
    first = "The council met on Monday to discuss the budget for next year.\n\n"
    last = "Police arrested 30 protesters in Nairobi.\n\nAt least 12 people were killed."
    body = first * 3 + last
    record = extract_article(nlp, body, section_chars=len(first) * 2)
    assert [(c["type"], body[c["start"] : c["end"]], c["sentence"]) for c in record["counts"]] == [
        ("ARREST", "30 protesters", 3),
        ("KILL", "At least 12 people", 4),
    ]
