"""A long article is extracted in sections cut at paragraphs, and its record indexes the whole
body as one extraction's would."""

from __future__ import annotations

import pytest
from spacy.language import Language

from orchestration.extract.document import extract_article
from orchestration.extract.sections import SECTION_CHARS, section_bounds
from orchestration.extract.tone_scores import (
    LEXICON_VALENCE,
    LEXICON_WORDS,
    SHARE_FIELDS,
    WORD_COUNT,
)
from tests.unit.extract.conftest import assert_offsets, corpus_texts


def paragraphs_over(chars: int) -> str:
    """Distinct paragraphs of the shipped corpus, joined by blank lines, repeated until the
    text is longer than `chars`."""
    paragraphs = [p.strip() for t in corpus_texts() for p in t.body.split("\n\n") if p.strip()]
    chosen: list[str] = []
    length = 0
    while length <= chars:
        chosen.append(paragraphs[len(chosen) % len(paragraphs)])
        length += len(chosen[-1]) + 2
    return "\n\n".join(chosen)


def test_sections_cover_the_body_and_end_at_the_best_boundary_in_reach() -> None:
    paragraphs = "First paragraph here.\n\nSecond one. It goes on.\n\nThird."
    assert section_bounds(paragraphs, 30) == [(0, 23), (23, 48), (48, 54)]
    sentences = "One sentence ends. Another follows here and continues onward"
    assert section_bounds(sentences, 30) == [(0, 19), (19, 44), (44, 60)]
    words = "alpha beta gamma delta epsilon zeta"
    assert section_bounds(words, 12) == [(0, 11), (11, 23), (23, 35)]
    assert section_bounds("x" * 25, 10) == [(0, 10), (10, 20), (20, 25)]
    assert section_bounds("short", 10) == [(0, 5)]


def test_a_long_article_extracted_in_sections_indexes_the_whole_body(nlp: Language) -> None:
    body = paragraphs_over(30_000)
    bounds = section_bounds(body, 5_000)
    assert len(bounds) >= 6
    assert all(body[start - 2 : start] == "\n\n" for start, _ in bounds[1:])
    result = extract_article(nlp, body, section_chars=5_000)
    assert_offsets(body, result)
    ids = [e["id"] for e in result["entities"]]
    assert len(ids) == len(set(ids))

    def section_of(offset: int) -> int:
        return next(i for i, (start, end) in enumerate(bounds) if start <= offset < end)

    spread = [
        e for e in result["entities"] if len({section_of(m["start"]) for m in e["mentions"]}) > 1
    ]
    assert len(spread) > 10
    sentences = [d["sentence"] for d in result["dates"]]
    assert sentences == sorted(sentences) and sentences[-1] > 100
    whole_first = extract_article(nlp, body[: bounds[0][1]])
    # The article's fields are the first section's, but its tone, which counts every word.
    tone = {*SHARE_FIELDS, WORD_COUNT, LEXICON_WORDS, LEXICON_VALENCE}
    assert {k: v for k, v in result["article"].items() if k not in tone} == {
        k: v for k, v in whole_first["article"].items() if k not in tone
    }
    assert result["article"][WORD_COUNT] == len(body.split())
    assert result["figures"][: len(whole_first["figures"])] == whole_first["figures"]


def test_an_article_over_spacys_max_length_is_extracted(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The pipeline's limit lowered below the section length: spaCy refuses any longer text,
    # as it refuses one over its default 1,000,000 characters (tests/e2e: fault injection).
    limit = SECTION_CHARS // 3
    monkeypatch.setattr(nlp, "max_length", limit)
    body = paragraphs_over(2 * limit)
    assert limit < len(body) < SECTION_CHARS
    result = extract_article(nlp, body)
    assert_offsets(body, result)
    assert result["quotes"][-1]["end"] > len(body) - limit
    assert sum(len(e["mentions"]) for e in result["entities"]) > len(body) // 200
