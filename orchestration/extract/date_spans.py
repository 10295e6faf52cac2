"""Where an article names a date: the model's DATE entities (and holidays it tags as
events), tightened to the expression itself, the day a TIME entity falls on ("Thursday
morning", "later today"), and the bare years, year spans and days the model missed."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from orchestration.core.datelines import MONTH
from orchestration.extract.datafiles import words_by_kind
from orchestration.extract.date_periods import is_period
from orchestration.extract.date_rules import (
    ANAPHORA,
    PHRASES,
    TIME_OF_DAY,
    is_holiday,
    normalise,
    spelled_year,
)
from orchestration.extract.lexicon import QUALIFIERS
from orchestration.extract.numbers import NUMBER_WORDS
from orchestration.extract.patterns import WEEKDAY, YEAR_RE, YEAR_SPAN_RE
from orchestration.extract.records import token_texts

ANCHOR_RE = re.compile(rf"\b(?:{MONTH}|{WEEKDAY})(?!\w)|\b\d{{4}}\b")
RELATIVE_RE = re.compile(
    r"\b(?:ago|last|next|this|yesterday|today|tomorrow|tonight|previous|coming|past|earlier"
    r"|later|recent|current)\b",
    re.I,
)
TIME_UNIT = r"(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|century|centuries)"
NUMBER = r"(?:\d[\d,.]*|" + "|".join(sorted(NUMBER_WORDS)) + r"|a|an|several|few|many)"
DURATION_RE = re.compile(rf"\b{NUMBER}(?:[\s-]+\w+)?[\s-]+{TIME_UNIT}s?\b", re.I)
NOT_DURATION_RE = re.compile(r"\b(?:ago|later|earlier|before|after)\b", re.I)
AGO_RE = re.compile(rf"\b{NUMBER}[\s-]+{TIME_UNIT}s?\s+ago\b", re.I)
QUALIFIER_PHRASES = sorted(QUALIFIERS, key=len, reverse=True)
LONGEST_QUALIFIER = len(QUALIFIER_PHRASES[0])
DATE_WORDS = words_by_kind("date_words.tsv")
LEADING = DATE_WORDS["leading"]
# A period closing on a date: "the quarter ended Sept. 30", "the year ending June 30, 2023".
PERIOD_END_WORDS = frozenset({"ended", "ending"})
# Words joining the years of a range the model tags only the first of ("from 1961 to 1968").
RANGE_JOINTS = frozenset({"to", "through", "until", "till", "-", "\u2013", "\u2014"})
# Words that name a day or a year the model sometimes leaves untagged (see `missed_day`).
DAY_NAME_RE = re.compile(
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight"
)
MONTH_NAME_RE = re.compile(MONTH)
DAY_NUMBER_RE = re.compile(r"(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?")
POINTING_WORDS = frozenset({"last", "next", "this"})
CALENDAR_UNITS = frozenset({"year", "month", "week"})
DAY_RE = re.compile(rf"(?:{WEEKDAY}|today|tonight|yesterday|tomorrow)", re.I)
YEAR_CONTEXT = LEADING | DATE_WORDS["year_context"]
# Every token text the scan of `date_spans` can take up: a year, a year span, or a word that
# may open a missed day (`missed_day`). Other tokens are passed over without being built.
SCANNED_WORD_RE = re.compile(
    "|".join(
        f"(?:{pattern.pattern})" for pattern in (YEAR_RE, YEAR_SPAN_RE, DAY_NAME_RE, MONTH_NAME_RE)
    )
    + f"|(?i:{'|'.join(sorted(POINTING_WORDS))})"
)


def tighten(doc: Doc, start: int, end: int) -> Span:
    """A DATE entity without the words the model took in before it: a preposition ("in 2019"),
    a qualifier ("more than this year"), the object of a verb ("that law two years ago"), an
    article before a month ("an Aug. 10, 1988, agreement") or the period a date closes ("the
    quarter ended Sept. 30")."""
    while start < end - 1 and doc[start].lower_ in LEADING:
        start += 1
    opening = tuple(t.lower_ for t in doc[start : min(end - 1, start + LONGEST_QUALIFIER)])
    for phrase in QUALIFIER_PHRASES:
        if opening[: len(phrase)] == phrase:
            start += len(phrase)
            break
    if (
        start < end - 1
        and doc[start].lower_ in ("a", "an")
        and ANCHOR_RE.match(doc[start + 1].text)
    ):
        start += 1  # "an Aug. 10, 1988, agreement"
    for i in range(start + 1, end - 1):
        if doc[i].lower_ in PERIOD_END_WORDS:
            start = i + 1
            break
    span = doc[start:end]
    ago = AGO_RE.search(span.text)
    if ago and ago.start() > 0:
        tail = doc.char_span(span.start_char + ago.start(), span.end_char)
        if tail is not None:
            return tail
    return span


def date_spans(doc: Doc) -> list[Span]:
    """Candidate date expressions: the model's DATE entities plus bare years, year spans
    ("2019\u20132021") and days (`missed_day`) it missed."""
    spans = []
    covered: set[int] = set()
    for ent in doc.ents:
        if ent.label_ == "TIME" and (day := day_of_time(doc, ent)) is not None:
            spans.append(day)
        if ent.label_ != "DATE" and not is_holiday(ent.text):
            continue
        span = with_range_end(doc, tighten(doc, ent.start, ent.end))
        covered.update(range(ent.start, span.end))
        if is_date_expression(span.text):
            spans.append(span)
    for i, text in enumerate(token_texts(doc)):
        if i in covered or not SCANNED_WORD_RE.fullmatch(text):
            continue
        tok = doc[i]
        if tok.ent_type_ not in ("", "CARDINAL"):
            continue
        bare_year = YEAR_RE.fullmatch(tok.text) and not tok.ent_type_
        after_context = tok.i > 0 and doc[tok.i - 1].lower_ in YEAR_CONTEXT
        if (bare_year and after_context) or YEAR_SPAN_RE.fullmatch(tok.text):
            spans.append(doc[tok.i : tok.i + 1])
        elif not tok.ent_type_ and (missed := missed_day(doc, tok)) is not None:
            spans.append(missed)
    return sorted(spans, key=lambda s: s.start)


def missed_day(doc: Doc, tok: Token) -> Span | None:
    """A day or year the model left untagged, starting at `tok`: a weekday written out
    ("Friday", "Monday night"), "today", "yesterday", "last year", or a month with its day
    ("Aug. 7"); None otherwise. Only words outside any entity count: "USA Today" is a name."""
    end = tok.i + 1
    if DAY_NAME_RE.fullmatch(tok.text):
        if end < len(doc) and doc[end].lower_ in ("'s", "\u2019s"):
            return None  # "today's world"
        if end < len(doc) and doc[end].lower_ in TIME_OF_DAY and not doc[end].ent_type_:
            end += 1
        return doc[tok.i : end]
    if end >= len(doc) or doc[end].ent_type_ not in ("", "CARDINAL", "DATE"):
        return None
    if tok.lower_ in POINTING_WORDS and doc[end].text in CALENDAR_UNITS:  # not "This Week"
        return doc[tok.i : end + 1]
    if MONTH_NAME_RE.fullmatch(tok.text) and DAY_NUMBER_RE.fullmatch(doc[end].text):
        return doc[tok.i : end + 1]
    return None


def with_range_end(doc: Doc, span: Span) -> Span:
    """A year span with the year that closes its range, when the model left that out: "1961"
    of "from 1961 to 1968" becomes "1961 to 1968"."""
    end = span.end
    if (
        end + 1 < len(doc)
        and YEAR_RE.fullmatch(span[-1].text)
        and doc[end].lower_ in RANGE_JOINTS
        and YEAR_RE.fullmatch(doc[end + 1].text)
        and not doc[end + 1].ent_type_
    ):
        return doc[span.start : end + 2]
    return span


def day_of_time(doc: Doc, ent: Span) -> Span | None:
    """The day a TIME entity names, with the part of the day after it: "Thursday morning" of
    "the early hours of Thursday morning", "today" of "later today"; None if it names none."""
    for tok in ent:
        if DAY_RE.fullmatch(tok.text):
            end = tok.i + 1
            if end < ent.end and doc[end].lower_ in TIME_OF_DAY:
                end += 1
            return doc[tok.i : end]
    return None


def is_date_expression(text: str) -> bool:
    """Whether a DATE entity names a point in time (not a duration such as "30 years"): it
    has a month, weekday or year, a word pointing from the report, or is a phrase naming
    the report's own year, month or day ("the fiscal year") or the date named before it ("the
    following year"), a holiday, a year in words or a period
    ("the first quarter of 2023", "the 1990s")."""
    if DURATION_RE.search(text) and not NOT_DURATION_RE.search(text):
        return False
    if ANCHOR_RE.search(text) or RELATIVE_RE.search(text):
        return True
    phrase = normalise(text)
    known = phrase in PHRASES or phrase in ANAPHORA or is_holiday(phrase)
    return known or spelled_year(phrase) is not None or is_period(text)
