"""The figure component: money, counts, percentages, ordinals, durations and quantities."""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from orchestration.extract.currency import currency_before, glued_currency
from orchestration.extract.entities import entity_by_token
from orchestration.extract.exchange_rates import exchange_rate
from orchestration.extract.figure_context import period_of, qualifier_before, roles
from orchestration.extract.lexicon import HYPHENS, TIME_UNITS
from orchestration.extract.numbers import (
    NUMBER_WORDS,
    ORDINAL_WORDS,
    Number,
    ordinal_value,
    read_number,
)
from orchestration.extract.patterns import DIGIT_RE
from orchestration.extract.ranges import range_after
from orchestration.extract.readings import (
    Reading,
    negated,
    ordinal_reading,
    read_meaning,
    unit_of,
)
from orchestration.extract.records import sentence_index, token_chars, token_texts
from orchestration.extract.schema import Figure

PERIOD_KINDS = frozenset({"money", "count", "percent", "quantity"})
NAMED_LABELS = frozenset({"PERSON", "ORG", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
SPELLED_STARTS = NUMBER_WORDS | frozenset(ORDINAL_WORDS) | {"a"}


def excluded_tokens(doc: Doc) -> set[int]:
    """Tokens that cannot start a figure: dates, times and names."""
    blocked: set[int] = set()
    for ref in doc._.dates or []:
        span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
        if span is not None:
            blocked.update(range(span.start, span.end))
    for ent in doc.ents:
        if ent.label_ == "TIME" and not unit_of(ent[-1].text, TIME_UNITS):
            blocked.update(range(ent.start, ent.end))
    for span in doc.spans.get("entities", []):
        if span.label_ in NAMED_LABELS:
            blocked.update(range(span.start, span.end))
    # The second part of a hyphenated word ("COVID-19", "Boeing-737"): a hyphen touching
    # the tokens on both sides.
    texts = token_texts(doc)
    starts, ends = token_chars(doc)
    for i in range(2, len(texts)):
        if texts[i - 1] in HYPHENS and ends[i - 1] == starts[i] and ends[i - 2] == starts[i - 1]:
            blocked.add(i)
    return blocked


def article_countries(doc: Doc) -> tuple[str, ...]:
    """Countries the article is about: the dateline's, then those of its places by mentions."""
    dateline = doc._.dateline
    home = dateline.place.country if dateline and dateline.place else None
    counts = Counter(
        {e.country: len(e.mentions) for e in doc._.entities or [] if e.type == "GPE" and e.country}
    )
    ranked = [code for code, _ in counts.most_common()]
    return tuple(dict.fromkeys([home, *ranked] if home else ranked))


def may_start_figure(text: str) -> bool:
    """A cheap test every token `read_at` can read passes: it holds a digit ("$40", "3rd") or
    is a number word, an ordinal word or the "a" of "a million". Most words fail it."""
    return text.lower() in SPELLED_STARTS or DIGIT_RE.search(text) is not None


def read_at(
    doc: Doc, i: int, context: tuple[str, ...]
) -> tuple[Number | None, Reading | None, float | None]:
    """The number starting at token `i`, what it means and its value (all None if none)."""
    glued = glued_currency(doc[i].text)
    if glued:
        number = read_number(doc, i, skip=glued[0], money=True)
        if number is None:
            return None, None, None
        reading = Reading("money", glued[1], glued[1], i, number.end)
        return number, *negated(doc, reading, number.value)
    digits = doc[i].text[:1].isdigit()
    number = read_number(doc, i, money=digits and currency_before(doc, i) is not None)
    if number is not None:
        reading = read_meaning(doc, number, context)
        if reading is None:
            return number, None, None
        return number, *negated(doc, reading, number.value * reading.scale)
    ordinal = ordinal_value(doc[i].text)
    if ordinal == 1 and not digits:
        # "first" in words means earliest or foremost ("the first time", "the first foreign
        # leader to visit"), not a rank in a numbered series, as "one" is no count.
        return None, None, None
    reading = ordinal_reading(doc, doc[i]) if ordinal else None
    return None, reading, float(ordinal) if ordinal else None


def find_figures(doc: Doc, climb_steps: int) -> list[Figure]:
    """All figures of a parsed article, each with its kind, value, unit and context (see
    `figure_context.roles` for `climb_steps`)."""
    blocked = excluded_tokens(doc)
    owners = entity_by_token(doc)
    context = article_countries(doc)
    texts = token_texts(doc)
    figures = []
    i = 0
    while i < len(doc):
        if i in blocked or not may_start_figure(texts[i]):
            i += 1
            continue
        number, reading, value = read_at(doc, i, context)
        if reading is None or value is None:
            i = number.end if number else i + 1
            continue
        read_next = functools.partial(read_at, context=context)
        rate = exchange_rate(doc, reading, value, read_next, context)
        if rate is not None:
            reading = replace(reading, kind="quantity", unit=rate.unit, currency=None, end=rate.end)
            value = rate.value
        spread = range_after(doc, number, reading, value, read_next)
        first, end = (spread.start, spread.end) if spread else (reading.start, reading.end)
        low, high = (spread.low, spread.high) if spread else (value, value)
        qualifier, start = qualifier_before(doc, first, reading.kind)
        if spread and qualifier is None:
            qualifier = "between"
        subject, obj = roles(doc, reading.start, end, owners, climb_steps)
        span = doc[start:end]
        figures.append(
            Figure(
                start=span.start_char,
                end=span.end_char,
                text=span.text,
                kind=reading.kind,
                value=low,
                unit=reading.unit,
                currency=reading.currency,
                qualifier=qualifier,
                period=period_of(doc, span) if reading.kind in PERIOD_KINDS else None,
                subject_entity_id=subject,
                object_entity_id=obj,
                sentence=sentence_index(doc, span.start_char),
                low=low,
                high=high,
            )
        )
        i = end
    return figures


@Language.factory(
    "newsledger_figures",
    assigns=["doc._.figures"],
    requires=["doc._.dates", "doc._.entities"],
)
def make_figures(nlp: Language, name: str, climb_steps: int) -> FigureComponent:
    """Pipeline factory for the figure component (settings: see `find_figures`)."""
    return FigureComponent(climb_steps)


class FigureComponent:
    """Set doc._.figures."""

    def __init__(self, climb_steps: int) -> None:
        if not Doc.has_extension("figures"):
            Doc.set_extension("figures", default=None)
        self.climb_steps = climb_steps

    def __call__(self, doc: Doc) -> Doc:
        doc._.figures = find_figures(doc, self.climb_steps)
        return doc
