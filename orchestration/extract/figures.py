"""The figure component: money, counts, percentages, ordinals, durations and quantities."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Token

from orchestration.extract.currency import currency_after, currency_before
from orchestration.extract.entities import entity_by_token
from orchestration.extract.figure_context import period_of, qualifier_before, roles
from orchestration.extract.lexicon import DEFINITE_DETERMINERS, HYPHENS, MEASURE_UNITS, TIME_UNITS
from orchestration.extract.numbers import Number, ordinal_value, read_number
from orchestration.extract.records import Figure, sentence_index

YEAR_LIKE_RE = re.compile(r"(1[5-9]\d\d|20\d\d)")
CLOCK_WORDS = frozenset({"a.m.", "p.m.", "am", "pm", "gmt", "utc", "o'clock"})
AFTER_DATE_WORDS = frozenset({"ago", "later", "earlier"})
PERIOD_KINDS = frozenset({"money", "count", "percent", "quantity"})
NAMED_LABELS = frozenset({"PERSON", "ORG", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})


@dataclass
class Reading:
    """What a number means: kind, unit, currency and the token span it covers."""

    kind: str
    unit: str | None
    currency: str | None
    start: int
    end: int


def unit_of(word: str, table: dict[str, str]) -> str | None:
    """Singular unit name for a unit word ("years" -> "year"), if the table knows it."""
    word = word.lower()
    return table.get(word) or (table.get(word[:-1]) if word.endswith("s") else None)


def counted_noun(doc: Doc, number: Number) -> tuple[int, int] | None:
    """Token span of the noun a number counts ("120 schools" -> "schools")."""
    head = doc[number.end - 1].head
    if head.pos_ in ("NOUN", "PROPN") and number.end <= head.i <= number.end + 3:
        start = head.i
        while start > number.end and doc[start - 1].dep_ == "compound":
            start -= 1
        return start, head.i + 1
    i = number.end
    while i < len(doc) and doc[i].pos_ == "ADJ":
        i += 1
    if i < len(doc) and doc[i].pos_ == "NOUN":
        start = i
        while i + 1 < len(doc) and doc[i + 1].pos_ == "NOUN":
            i += 1
        return start, i + 1
    return None


def read_meaning(doc: Doc, number: Number) -> Reading | None:
    """Classify a number by the words around it; None when it is not a figure."""
    end = number.end
    before = currency_before(doc, number.start)
    if before:
        after = currency_after(doc, end)
        return Reading("money", before[1], before[1], before[0], after[0] if after else end)
    after = currency_after(doc, end)
    if after:
        return Reading("money", after[1], after[1], number.start, after[0])
    words = [t.lower_ for t in doc[end : end + 2]]
    if words[:1] in (["%"], ["percent"], ["pct"]):
        return Reading("percent", "percent", None, number.start, end + 1)
    if words == ["per", "cent"]:
        return Reading("percent", "percent", None, number.start, end + 2)
    if words in (["percentage", "point"], ["percentage", "points"]):
        return Reading("percent", "percentage point", None, number.start, end + 2)
    return read_unit(doc, number)


def read_unit(doc: Doc, number: Number) -> Reading | None:
    """Durations ("three-day", "10 years"), quantities ("3,000 km") and counts ("120 schools")."""
    end = number.end
    unit_at = end + 1 if end + 1 < len(doc) and doc[end].text in HYPHENS else end
    if unit_at < len(doc):
        word = doc[unit_at].text
        following = doc[unit_at + 1].lower_ if unit_at + 1 < len(doc) else ""
        duration = unit_of(word, TIME_UNITS)
        if duration and following not in AFTER_DATE_WORDS:
            return Reading("duration", duration, None, number.start, unit_at + 1)
        measure = unit_of(word, MEASURE_UNITS)
        if measure and doc[unit_at].pos_ in ("NOUN", "PROPN"):
            return Reading("quantity", measure, None, number.start, unit_at + 1)
    if number.value == 1 and number.spelled:
        return None
    if YEAR_LIKE_RE.fullmatch(doc[number.start].text) and number.end == number.start + 1:
        return None
    if number.spelled and number.start > 0 and doc[number.start - 1].lower_ in DEFINITE_DETERMINERS:
        return None
    noun = counted_noun(doc, number)
    if noun is None or doc[noun[0] : noun[1]].text.lower() in CLOCK_WORDS:
        return None
    return Reading("count", doc[noun[0] : noun[1]].text.lower(), None, number.start, noun[1])


def ordinal_reading(doc: Doc, tok: Token) -> Reading | None:
    """An ordinal with the noun it ranks ("40th meeting")."""
    if tok.pos_ not in ("ADJ", "NUM") and tok.ent_type_ != "ORDINAL":
        return None
    head = tok.head
    noun = None
    if head.pos_ in ("NOUN", "PROPN") and 0 < head.i - tok.i <= 4:
        noun = head
    elif tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "NOUN":
        noun = doc[tok.i + 1]
    if noun is None:
        return None
    return Reading("ordinal", noun.lemma_.lower(), None, tok.i, noun.i + 1)


def excluded_tokens(doc: Doc) -> set[int]:
    """Tokens that cannot start a figure: dates, times and names."""
    blocked: set[int] = set()
    for ref in doc._.dates or []:
        span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
        if span is not None:
            blocked.update(range(span.start, span.end))
    for ent in doc.ents:
        if ent.label_ == "TIME":
            blocked.update(range(ent.start, ent.end))
    for span in doc.spans.get("entities", []):
        if span.label_ in NAMED_LABELS:
            blocked.update(range(span.start, span.end))
    for tok in doc[2:]:
        hyphen = doc[tok.i - 1]
        if hyphen.text in HYPHENS and not hyphen.whitespace_ and not doc[tok.i - 2].whitespace_:
            blocked.add(tok.i)
    return blocked


def find_figures(doc: Doc) -> list[Figure]:
    """All figures of a parsed article, each with its kind, value, unit and context."""
    blocked = excluded_tokens(doc)
    owners = entity_by_token(doc)
    figures = []
    i = 0
    while i < len(doc):
        if i in blocked:
            i += 1
            continue
        number = read_number(doc, i)
        reading = read_meaning(doc, number) if number else None
        value = number.value if number else None
        if number is None:
            ordinal = ordinal_value(doc[i].text)
            reading = ordinal_reading(doc, doc[i]) if ordinal else None
            value = float(ordinal) if ordinal else None
        if reading is None or value is None:
            i = number.end if number else i + 1
            continue
        qualifier, start = qualifier_before(doc, reading.start)
        subject, obj = roles(doc, reading.start, reading.end, owners)
        span = doc[start : reading.end]
        figures.append(
            Figure(
                start=span.start_char,
                end=span.end_char,
                text=span.text,
                kind=reading.kind,
                value=value,
                unit=reading.unit,
                currency=reading.currency,
                qualifier=qualifier,
                period=period_of(doc, span) if reading.kind in PERIOD_KINDS else None,
                subject_entity_id=subject,
                object_entity_id=obj,
                sentence=sentence_index(doc, span.start_char),
            )
        )
        i = reading.end
    return figures


@Language.factory(
    "newsledger_figures",
    assigns=["doc._.figures"],
    requires=["doc._.dates", "doc._.entities"],
    default_config={},
)
def make_figures(nlp: Language, name: str) -> FigureComponent:
    """Pipeline factory for the figure component."""
    return FigureComponent()


class FigureComponent:
    """Set doc._.figures."""

    def __init__(self) -> None:
        if not Doc.has_extension("figures"):
            Doc.set_extension("figures", default=None)

    def __call__(self, doc: Doc) -> Doc:
        doc._.figures = find_figures(doc)
        return doc
