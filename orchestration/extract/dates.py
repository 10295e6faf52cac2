"""The date component: date expressions resolved against the article's (inferred) date."""

from __future__ import annotations

import datetime as dt
import re

from dateparser.date import DateDataParser
from spacy.language import Language
from spacy.tokens import Doc, Span

from orchestration.extract.dateline import MONTH
from orchestration.extract.numbers import NUMBER_WORDS
from orchestration.extract.published import infer_published_date
from orchestration.extract.records import DateRef, sentence_index

YEAR_RE = re.compile(r"(1[5-9]\d\d|20\d\d)")
HAS_YEAR_RE = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|rsday|urday)?\.?"
ANCHOR_RE = re.compile(rf"\b(?:{MONTH}|{WEEKDAY})(?!\w)|\b\d{{4}}\b")
MONTH_RE = re.compile(rf"\b{MONTH}(?!\w)")
RELATIVE_RE = re.compile(
    r"\b(?:ago|last|next|this|yesterday|today|tomorrow|tonight|previous|coming|past|earlier"
    r"|later|recent|current)\b",
    re.I,
)
TIME_UNIT = r"(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|century|centuries)"
NUMBER = r"(?:\d[\d,.]*|" + "|".join(sorted(NUMBER_WORDS)) + r"|a|an|several|few|many)"
DURATION_RE = re.compile(rf"\b{NUMBER}(?:[\s-]+\w+)?[\s-]+{TIME_UNIT}s?\b", re.I)
NOT_DURATION_RE = re.compile(r"\b(?:ago|later|earlier|before|after)\b", re.I)
MODIFIER_RE = re.compile(
    r"^(?:the\s+)?(?:early|late|mid|middle of|end of|beginning of|start of|earlier|later)[\s-]+",
    re.I,
)
LEADING = frozenset({"in", "on", "at", "since", "by", "from", "until", "till", "during", "of"})
YEAR_CONTEXT = LEADING | {"before", "after", "between", "and", "around"}


def date_spans(doc: Doc) -> list[Span]:
    """Candidate date expressions: the model's DATE entities plus bare years it missed."""
    spans = []
    covered: set[int] = set()
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        start = ent.start
        while start < ent.end - 1 and doc[start].lower_ in LEADING:
            start += 1
        span = doc[start : ent.end]
        covered.update(range(ent.start, ent.end))
        if is_date_expression(span.text):
            spans.append(span)
    for tok in doc:
        if (
            tok.i not in covered
            and YEAR_RE.fullmatch(tok.text)
            and tok.i > 0
            and doc[tok.i - 1].lower_ in YEAR_CONTEXT
            and not tok.ent_type_
        ):
            spans.append(doc[tok.i : tok.i + 1])
    return sorted(spans, key=lambda s: s.start)


def is_date_expression(text: str) -> bool:
    """Whether a DATE entity names a point in time (not a duration such as "30 years")."""
    if DURATION_RE.search(text) and not NOT_DURATION_RE.search(text):
        return False
    return bool(ANCHOR_RE.search(text) or RELATIVE_RE.search(text))


def is_relative(text: str) -> bool:
    """Whether an expression needs the article's date to be resolved."""
    if RELATIVE_RE.search(text):
        return True
    return not MONTH_RE.search(text) and not HAS_YEAR_RE.search(text)


def resolve(text: str, base: dt.date | None, parser: DateDataParser) -> tuple[str | None, str]:
    """ISO value and granularity (year, month or day) of a date expression."""
    if YEAR_RE.fullmatch(text):
        return text, "year"
    has_year = HAS_YEAR_RE.search(text)
    if base is None and not has_year:
        return None, "day"
    for attempt in dict.fromkeys((text, MODIFIER_RE.sub("", text))):
        data = parser.get_date_data(attempt)
        if data.date_obj is not None:
            return iso(data.date_obj.date(), data.period or "day")
    if has_year:
        return has_year[1], "year"
    return None, "day"


def iso(day: dt.date, period: str) -> tuple[str, str]:
    """Format a date at the granularity dateparser reports."""
    if period == "year":
        return f"{day.year:04d}", "year"
    if period == "month":
        return f"{day.year:04d}-{day.month:02d}", "month"
    return day.isoformat(), "day"


@Language.factory(
    "newsledger_dates",
    assigns=["doc._.dates", "doc._.published_date", "doc._.published_date_source"],
    requires=["doc.ents", "doc._.dateline", "doc._.given_date", "doc._.title"],
    default_config={},
)
def make_dates(nlp: Language, name: str) -> DateComponent:
    """Pipeline factory for the date component."""
    return DateComponent()


class DateComponent:
    """Find date expressions, infer the publication date if not given, and resolve them.

    With a publication date, expressions that still do not resolve ("recent years") are
    dropped; without one, relative expressions are kept with no value.
    """

    def __init__(self) -> None:
        for attr in ("given_date", "title", "published_date", "published_date_source", "dates"):
            if not Doc.has_extension(attr):
                Doc.set_extension(attr, default=None)
        DateDataParser(languages=["en"]).get_date_data("1 January 2000")

    def __call__(self, doc: Doc) -> Doc:
        spans = date_spans(doc)
        published, source = doc._.given_date, "given"
        if published is None:
            dateline = doc._.dateline
            published = infer_published_date(
                f"{doc._.title or ''}\n{doc.text}",
                [s.text for s in spans],
                dateline.date_text if dateline else None,
            )
            source = "inferred" if published else None
        doc._.published_date = published
        doc._.published_date_source = source
        base = dt.datetime.combine(published, dt.time()) if published else None
        parser = DateDataParser(
            languages=["en"], settings={"RELATIVE_BASE": base} if base else None
        )
        refs = []
        for span in spans:
            value, granularity = resolve(span.text, published, parser)
            if value is None and published is not None:
                continue
            refs.append(
                DateRef(
                    span.start_char,
                    span.end_char,
                    span.text,
                    value,
                    granularity if value else None,
                    is_relative(span.text),
                    sentence_index(doc, span.start_char),
                )
            )
        doc._.dates = refs
        return doc
