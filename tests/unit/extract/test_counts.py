"""Counts: numbers of those an event befell, typed as GDELT's GKG counts, and numbers that are
no such count. Each expectation is read off the sentence."""

from __future__ import annotations

import json
from pathlib import Path

import py_gdelt
import pytest

from orchestration.extract.count_events import COUNT_WORDS
from orchestration.extract.schema import Count, vocabulary
from tests.unit.extract.conftest import Extract


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
        ("The storm affected 1.2 million people.", [("AFFECT", 1.2e6, "people", None)]),
        ("Officials reported 45 deaths.", [("KILL", 45.0, "deaths", None)]),
        ("Police made 30 arrests.", [("ARREST", 30.0, "arrests", None)]),
        ("Rebels killed 12 soldiers and wounded 30.", [("KILL", 12.0, "soldiers", None),
                                                       ("WOUND", 30.0, None, None)]),
        ("The bombing left 40 dead.", [("KILL", 40.0, None, None)]),
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
