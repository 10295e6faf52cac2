"""The date component: date expressions resolved against the article's (inferred) date."""

from __future__ import annotations

import datetime as dt
import functools
import re

from dateparser.date import DateDataParser
from spacy.language import Language
from spacy.tokens import Doc, Span

from orchestration.core.datelines import MONTH
from orchestration.extract.date_periods import resolve_period
from orchestration.extract.date_ranges import range_ends
from orchestration.extract.date_rules import resolve_anaphor, resolve_phrase
from orchestration.extract.date_spans import RELATIVE_RE, date_spans
from orchestration.extract.patterns import (
    DIGIT_RE,
    YEAR_RE,
    YEAR_SPAN_RE,
    YEAR_WORD_RE,
)
from orchestration.extract.published import infer_published_date
from orchestration.extract.records import doc_text, sentence_index
from orchestration.extract.schema import DateRef
from orchestration.extract.tense import time_direction

MONTH_RE = re.compile(rf"\b{MONTH}(?!\w)")
COARSE_PERIODS = frozenset({"month", "year"})
GRANULARITIES = ("year", "month", "day")
ISO_LENGTHS = {"year": 4, "month": 7, "day": 10}
# dateparser's parsers, in its default order, less those for timestamps and digit runs.
RELATIVE_PARSERS = ["relative-time", "custom-formats", "absolute-time"]
ABSOLUTE_PARSERS = ["custom-formats", "absolute-time"]
MODIFIER_RE = re.compile(
    r"^(?:the\s+)?(?:early|late|mid|middle of|end of|beginning of|start of|earlier|later)[\s-]+",
    re.I,
)


def is_relative_word(text: str) -> bool:
    """Whether an expression says itself which way it points ("last week", "two years ago")."""
    return bool(RELATIVE_RE.search(text))


def is_relative(text: str) -> bool:
    """Whether an expression needs the article's date to be resolved."""
    if RELATIVE_RE.search(text):
        return True
    return not MONTH_RE.search(text) and not YEAR_WORD_RE.search(text)


def resolve(text: str, base: dt.date | None, direction: str) -> tuple[str | None, str]:
    """ISO value and granularity (year, month or day) of a date expression, read against the
    publication date `base` and preferring dates in `direction` when the text leaves a choice."""
    if YEAR_RE.fullmatch(text):
        return text, "year"
    if span := YEAR_SPAN_RE.fullmatch(text):
        return span[1], "year"
    has_year = YEAR_WORD_RE.search(text)
    if base is None and not has_year:
        return None, "day"
    if base is not None and not has_year and (ruled := resolve_phrase(text, base, direction)):
        return ruled
    if has_year and MONTH_RE.search(text) and not is_relative_word(text):
        # Year and month written out: the reading no longer depends on the publication date,
        # so one parse serves every article that names this date.
        base, direction = None, "current_period"
    for attempt in dict.fromkeys((text, MODIFIER_RE.sub("", text))):
        parsed = parse_date(attempt, base, direction)
        if parsed is not None:
            return iso(*parsed)
    if has_year:
        return has_year[1], "year"
    return None, "day"


def resolve_range(text: str, base: dt.date | None, direction: str) -> tuple[str, str, str] | None:
    """First value, last value and granularity of a range expression ("from 1961 to 1968",
    "June 3-5"), both at the coarser granularity of the two ends; None if the text is not a
    range whose ends both resolve. An end before the start without a year of its own lies
    in the following year ("December to February")."""
    ends = range_ends(text)
    if ends is None:
        return None
    (first, first_grain), (last, last_grain) = (resolve(end, base, direction) for end in ends)
    if first is None or last is None:
        return None
    grain = min(first_grain, last_grain, key=GRANULARITIES.index)
    first, last = first[: ISO_LENGTHS[grain]], last[: ISO_LENGTHS[grain]]
    if last < first and not YEAR_WORD_RE.search(ends[1]):
        last = f"{int(last[:4]) + 1:04d}{last[4:]}"
    return (first, last, grain) if last >= first else None


def parse_date(text: str, base: dt.date | None, direction: str) -> tuple[dt.date, str] | None:
    """dateparser's reading of `text`: the day it names and at what period, or None.

    An expression without digits read to the month or the year ("last month", "May", "next
    year") is read against the first day of the publication date's month: the day cannot
    change a month or a year, and one parse then serves every article of that month. (With
    digits, an expression names its day, or its year and needs no base.)
    """
    if (
        base is not None
        and not DIGIT_RE.search(text)
        and reading_period(text, direction) in COARSE_PERIODS
    ):
        base = base.replace(day=1)
    return read_date(text, base, direction)


@functools.lru_cache(maxsize=4096)
def reading_period(text: str, direction: str) -> str | None:
    """The period (day, month, year) dateparser reads `text` at, whatever the base date."""
    parsed = read_date(text, None, direction)
    return parsed[1] if parsed else None


@functools.lru_cache(maxsize=4096)
def read_date(text: str, base: dt.date | None, direction: str) -> tuple[dt.date, str] | None:
    """dateparser's reading of `text` against `base`.

    Memoised, as news repeats its dates. Expressions with no word pointing away from the
    publication date ("March 2024", "Tuesday") skip dateparser's relative-time parser, which
    would only fail on them first.
    """
    data = date_parser(base, direction, is_relative_word(text)).get_date_data(text)
    if data.date_obj is None:
        return None
    return data.date_obj.date(), data.period or "day"


def iso(day: dt.date, period: str) -> tuple[str, str]:
    """Format a date at the granularity dateparser reports."""
    if period == "year":
        return f"{day.year:04d}", "year"
    if period == "month":
        return f"{day.year:04d}-{day.month:02d}", "month"
    return day.isoformat(), "day"


def date_ref(
    doc: Doc, span: Span, value: str | None, granularity: str, end_value: str | None = None
) -> DateRef:
    """The record of one date expression."""
    return DateRef(
        span.start_char,
        span.end_char,
        span.text,
        value,
        granularity if value else None,
        is_relative(span.text),
        sentence_index(doc, span.start_char),
        end_value,
    )


def direction_of(span: Span, dateline_start: int | None, climb_steps: int) -> str:
    """Which way from the publication date an expression points: as it says itself ("last
    week"), none for the dateline's own date, else as the tense of its clause says (see
    `tense.time_direction` for `climb_steps`)."""
    if is_relative_word(span.text) or span.start_char == dateline_start:
        return "current_period"
    return time_direction(span, climb_steps)


@functools.lru_cache(maxsize=64)
def date_parser(published: dt.date | None, direction: str, relative: bool) -> DateDataParser:
    """A parser resolving against the publication date, preferring dates in `direction`;
    with dateparser's relative-time parser only when the expression is `relative`."""
    settings: dict[str, object] = {
        "PREFER_DATES_FROM": direction,
        "PARSERS": RELATIVE_PARSERS if relative else ABSOLUTE_PARSERS,
    }
    if published:
        settings["RELATIVE_BASE"] = dt.datetime.combine(published, dt.time())
    return DateDataParser(languages=["en"], settings=settings)


def last_named(refs: list[DateRef]) -> tuple[str, str] | None:
    """The value and granularity of the last resolved date before, if any."""
    for ref in reversed(refs):
        if ref.value and ref.granularity:
            return ref.value, ref.granularity
    return None


def resolve_all(
    doc: Doc,
    spans: list[Span],
    published: dt.date | None,
    dateline_start: int | None,
    climb_steps: int,
) -> list[DateRef]:
    """Records of the date expressions, resolved against the publication date: a range or
    a period with its first and last value, a phrase such as "later that year" against the
    date named last, any other expression with its one value."""
    refs: list[DateRef] = []
    for span in spans:
        direction = direction_of(span, dateline_start, climb_steps)
        ranged = resolve_range(span.text, published, direction) or resolve_period(
            span.text, published, direction
        )
        if ranged:
            refs.append(date_ref(doc, span, ranged[0], ranged[2], ranged[1]))
            continue
        anchor = last_named(refs)
        value, granularity = resolve_anaphor(span.text, anchor) or resolve(
            span.text, published, direction
        )
        if value is None and published is not None:
            continue
        refs.append(date_ref(doc, span, value, granularity))
    return refs


@Language.factory(
    "newsledger_dates",
    assigns=["doc._.dates", "doc._.published_date", "doc._.published_date_source"],
    requires=["doc.ents", "doc._.dateline", "doc._.given_date", "doc._.title"],
)
def make_dates(nlp: Language, name: str, search_years: int, climb_steps: int) -> DateComponent:
    """Pipeline factory for the date component (settings: `search_years` for
    `published.infer_published_date`, `climb_steps` for `tense.time_direction`)."""
    return DateComponent(search_years, climb_steps)


class DateComponent:
    """Find date expressions, infer the publication date if not given, and resolve them.

    With a publication date, expressions that still do not resolve ("recent years") are
    dropped; without one, relative expressions are kept with no value. A weekday or a month
    with no year is taken before or after the publication date as the tense of its clause
    says.
    """

    def __init__(self, search_years: int, climb_steps: int) -> None:
        self.search_years = search_years
        self.climb_steps = climb_steps
        for attr in ("given_date", "title", "published_date", "published_date_source", "dates"):
            if not Doc.has_extension(attr):
                Doc.set_extension(attr, default=None)
        DateDataParser(languages=["en"]).get_date_data("1 January 2000")

    def __call__(self, doc: Doc) -> Doc:
        spans = date_spans(doc)
        dateline = doc._.dateline
        published, source = doc._.given_date, "given"
        if published is None:
            published = infer_published_date(
                f"{doc._.title or ''}\n{doc_text(doc)}",
                [s.text for s in spans],
                dateline.date_text if dateline else None,
                self.search_years,
            )
            source = "inferred" if published else None
        doc._.published_date = published
        doc._.published_date_source = source
        dateline_start = dateline.date_start if dateline else None
        doc._.dates = resolve_all(doc, spans, published, dateline_start, self.climb_steps)
        return doc
