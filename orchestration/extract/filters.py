"""Spans the model tags as names that are not names: units, parts of amounts and titles,
nationality compounds, and words of a line written in capitals."""

from __future__ import annotations

from spacy.tokens import Doc

from orchestration.extract.currency import SYMBOLS, currency_words, iso_codes
from orchestration.extract.geo import gazetteer
from orchestration.extract.lexicon import HYPHENS, MEASURE_UNITS, TITLE_WORDS
from orchestration.extract.numbers import SCALE_WORDS
from orchestration.extract.records import doc_text
from orchestration.extract.spans import Candidate


def is_demonym_compound(doc: Doc, cand: Candidate) -> bool:
    """Whether a span is only nationality words joined by hyphens ("Russian-Chinese")."""
    if cand.end - cand.start < 2:
        return False
    words = [t.text for t in doc[cand.start : cand.end] if t.text not in HYPHENS]
    return len(words) > 1 and all(gazetteer().demonym(w) for w in words)


def is_unit(doc: Doc, cand: Candidate) -> bool:
    """Whether a candidate is a measurement unit or currency code after a number ("6,000 MW")."""
    if cand.start == 0 or not doc[cand.start - 1].like_num:
        return False
    text = cand.text(doc)
    return text.lower() in MEASURE_UNITS or text in iso_codes()


def is_title_part(doc: Doc, cand: Candidate) -> bool:
    """Whether a candidate is only the first words of a title ("Finance" in "Finance Minister
    Adebayo Okonkwo-Bello")."""
    if cand.end >= len(doc) or doc[cand.end].lower_ not in TITLE_WORDS:
        return False
    return all(t.lower_ in TITLE_WORDS for t in doc[cand.start : cand.end])


def is_amount_part(doc: Doc, cand: Candidate) -> bool:
    """Whether a candidate belongs to an amount: the country before a currency name ("350
    million US dollars") or a span opening with a currency sign ("Rs 5")."""
    first = doc[cand.start]
    if first.text in SYMBOLS or first.text in iso_codes():
        return cand.end - cand.start > 1 and doc[cand.start + 1].like_num
    if cand.end >= len(doc) or doc[cand.end].lower_ not in currency_words():
        return False
    before = doc[cand.start - 1] if cand.start else None
    return before is not None and (before.like_num or before.lower_ in SCALE_WORDS)


def shouted_lines(text: str, min_words: int) -> list[tuple[int, int]]:
    """Character ranges of lines of at least `min_words` words written all in capitals
    (headlines and crossheads)."""
    found = []
    start = 0
    for line in text.split("\n"):
        letters = [c for c in line if c.isalpha()]
        if letters and len(line.split()) >= min_words and line.upper() == line:
            found.append((start, start + len(line)))
        start += len(line) + 1
    return found


def drop_shouted(doc: Doc, cands: list[Candidate], min_words: int) -> list[Candidate]:
    """Candidates outside all-capital lines of `min_words` or more, where the model's tags are
    unreliable; a dateline or a known place name on such a line is kept."""
    lines = shouted_lines(doc_text(doc), min_words)
    if not lines:
        return cands
    kept = []
    for cand in cands:
        at = doc[cand.start].idx
        shouted = any(start <= at < end for start, end in lines)
        if not shouted or cand.source == "dateline" or gazetteer().lookup(cand.text(doc)):
            kept.append(cand)
    return kept
