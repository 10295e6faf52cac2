"""Sentence bounds next to abbreviations: "Inc." or "U.S." ends a sentence only when a clause
of its own follows."""

from __future__ import annotations

import pytest
from spacy.language import Language

from orchestration.extract.records import sentence_bounds


def sentences(nlp: Language, text: str) -> list[str]:
    doc = nlp(text)
    bounds = sentence_bounds(doc)
    return [doc[s:e].text for s, e in zip(bounds.token_starts, bounds.token_ends, strict=True)]


@pytest.mark.parametrize(
    "text",
    [
        "Sales will grow, said Tesla Inc. Chief Financial Officer Jane Doe.",
        "The plant will close, according to Tesla Inc. Chief Executive Elon Musk, who spoke"
        " on Tuesday.",
        "Rates will stay high, warned Tesla Inc. Chief Executive Elon Musk, who spoke on Tuesday.",
        "Rates will stay high for longer, said the U.S. Federal Reserve, which meets next week.",
    ],
)
def test_a_name_after_an_abbreviation_continues_the_sentence(nlp: Language, text: str) -> None:
    assert sentences(nlp, text) == [text]


@pytest.mark.parametrize(
    ("text", "split"),
    [
        ("Inflation eased in the U.S. The next day, markets rallied.", "The next day"),
        ("He lives in the U.S. He works in New York.", "He works"),
    ],
)
def test_a_clause_after_an_abbreviation_starts_a_sentence(
    nlp: Language, text: str, split: str
) -> None:
    first = text[: text.index(split)].rstrip()
    assert sentences(nlp, text) == [first, text[len(first) :].lstrip()]
