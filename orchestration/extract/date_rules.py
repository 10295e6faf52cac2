"""English date phrases read by rule against the publication date: the year, month or day
that "last May", "a year earlier", "this coming Sunday, March 8", "the end of the year" or
"nineteen ninety-six" names.

These are the phrases news writes most and a general date parser reads least well: a month
or weekday with a word pointing from the report ("last", "this", "next"), one with no year at
all (taken before or after the report as its clause's tense says, else the nearest), and
phrases fixed to the report's year, month or day. Anything else is left to the parser.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from dateutil.easter import easter

from orchestration.extract.datafiles import data_rows, words_by_kind
from orchestration.extract.numbers import ORDINAL_WORDS, TENS_WORDS, UNIT_WORDS
from orchestration.extract.published import MONTHS, WEEKDAYS

# An ISO value and its granularity (year, month or day).
Value = tuple[str, str]

PHRASES: dict[str, tuple[str, int]] = {
    phrase: (unit, int(offset)) for phrase, unit, offset in data_rows("date_phrases.tsv")
}
HOLIDAYS = dict(data_rows("holidays.tsv"))
ANAPHORA: dict[str, tuple[str, int]] = {
    phrase: (unit, int(offset)) for phrase, unit, offset in data_rows("date_anaphora.tsv")
}
GRANULARITIES = ("year", "month", "day")
DATE_WORDS = words_by_kind("date_words.tsv")
MODIFIERS = sorted(DATE_WORDS["modifier"], key=len, reverse=True)
TRAILING = sorted(DATE_WORDS["trailing"], key=len, reverse=True)
TIME_OF_DAY = DATE_WORDS["time_of_day"]
CUE = r"(?:(?P<cue>last|past|this coming|coming|this|next)\s+)?"
MONTH_NAME = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
WEEKDAY_WORD = r"(?P<weekday>(?:mon|tue|wed|thu|fri|sat|sun)(?:day|sday|nesday|rsday|urday|s|rs)?)"
ORDINALS = "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True))
DAY_WORD = rf"(?P<day>\d{{1,2}}(?:st|nd|rd|th)?|(?:(?:twenty|thirty)\s)?(?:{ORDINALS}))"
YEAR_CUE = r"(?:\s+(?:of\s+)?(?P<year_cue>last|this|next)\s+year)?"
WEEKDAY_PHRASE_RE = re.compile(rf"{CUE}{WEEKDAY_WORD}(?:\s+(?P<part>[a-z]+))?")
MONTH_PHRASE_RE = re.compile(
    rf"{CUE}(?:{WEEKDAY_WORD}\s+)?(?:(?P<month>{MONTH_NAME})(?:\s+{DAY_WORD})?"
    rf"|(?P<day_first>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>{MONTH_NAME}))"
    rf"{YEAR_CUE}(?:\s+(?P<spelled>[a-z\s]+))?"
)
# With nothing in its clause to say which way it points, a weekday or a month is the nearest
# of its kind, counting a little further back than ahead as news reports more than it
# announces: a weekday up to 4 days back or 2 ahead, a month up to 7 months back or 4 ahead.
LATER_DAYS = 2
LATER_MONTHS = 4
EARLIER_MONTHS = 7
HOLIDAY_RE = re.compile(
    CUE + "(?P<holiday>" + "|".join(sorted(map(re.escape, HOLIDAYS), key=len, reverse=True)) + ")"
)
BACKWARD = frozenset({"last", "past"})
FORWARD = frozenset({"next", "coming", "this coming"})


@functools.lru_cache(maxsize=1 << 12)
def normalise(text: str) -> str:
    """A date expression in lower case without the words that do not move it: a leading
    "the", modifiers ("early", "the end of", "mid-"), trailing "or so", punctuation.

    Memoised: an article reads the same few expressions many times ("Monday", "2019")."""
    text = text.lower().replace("\u2019", "'")
    text = re.sub(r"'s$", "", text.strip())
    text = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", text)
    text = " ".join(re.sub(r"[.,]", " ", text).split())
    changed = True
    while changed:
        changed = False
        for word in ("the", *MODIFIERS):
            if text.startswith(word + " "):
                text, changed = text[len(word) + 1 :], True
        for word in TRAILING:
            if text.endswith(" " + word):
                text, changed = text[: -len(word) - 1], True
    return text


def spelled_number(words: list[str]) -> int | None:
    """The value of a number under a hundred written in words ("ninety six", "seven")."""
    if len(words) == 1:
        return UNIT_WORDS.get(words[0], TENS_WORDS.get(words[0]))
    if len(words) == 2 and words[0] in TENS_WORDS and 0 < UNIT_WORDS.get(words[1], 0) < 10:
        return TENS_WORDS[words[0]] + UNIT_WORDS[words[1]]
    return None


def spelled_year(text: str) -> int | None:
    """A year written in words as broadcast news says it: "nineteen ninety six", "the year
    two thousand", "two thousand and one"."""
    words = [w for w in text.removeprefix("year ").split() if w != "and"]
    if words[:2] == ["two", "thousand"]:
        rest = spelled_number(words[2:]) if words[2:] else 0
        return None if rest is None else 2000 + rest
    century = UNIT_WORDS.get(words[0]) if words else None
    if century is None or not 15 <= century <= 20 or len(words) < 2:
        return None
    rest = spelled_number(words[1:])
    return None if rest is None or rest < 10 else century * 100 + rest


def shifted(base: dt.date, unit: str, offset: int) -> Value:
    """The year, month or day `offset` units from the publication date."""
    if unit == "year":
        return f"{base.year + offset:04d}", "year"
    if unit == "month":
        index = base.year * 12 + base.month - 1 + offset
        return f"{index // 12:04d}-{index % 12 + 1:02d}", "month"
    return (base + dt.timedelta(days=offset)).isoformat(), "day"


def weekday_value(weekday: int, cue: str | None, base: dt.date, direction: str) -> dt.date:
    """The day a weekday names: "last Friday" the one before the report, "next Friday" the one
    after; with no such word, the latest on or before it for a past clause, the first on or
    after it for a future one, else the nearest (see LATER_DAYS)."""
    ahead = (weekday - base.weekday()) % 7
    if cue in BACKWARD:
        return base - dt.timedelta(days=(7 - ahead) % 7 or 7)
    if cue in FORWARD or cue == "this" or direction == "future":
        return base + dt.timedelta(days=ahead or (7 if cue in FORWARD else 0))
    if direction == "past":
        return base - dt.timedelta(days=(7 - ahead) % 7)
    return base + dt.timedelta(days=ahead if ahead <= LATER_DAYS else ahead - 7)


def month_year(month: int, cue: str | None, base: dt.date, direction: str) -> int:
    """The year of a month named without one: "this May" the report's year; "last May" the
    latest May before last month (last month itself is "last month"), "next May" the first
    after next month; with no such word, before or after the report's month as the
    clause's tense says, else the nearest (see LATER_MONTHS)."""
    ahead = month - base.month
    if cue == "this":
        return base.year
    now = base.year * 12 + base.month - 1
    if cue in BACKWARD:
        return (now - 2 - (now - 2 - month + 1) % 12) // 12
    if cue in FORWARD:
        return (now + 2 + (month - 1 - now - 2) % 12) // 12
    if direction == "past":
        return base.year - (ahead > 0)
    if direction == "future":
        return base.year + (ahead < 0)
    return base.year - (ahead > LATER_MONTHS) + (ahead < -EARLIER_MONTHS)


def day_date(
    month: int, day: int, weekday: int | None, cue: str | None, base: dt.date, direction: str
) -> dt.date | None:
    """The date a month and day written without a year name (checked against a weekday
    given with them, when one of the candidate years agrees): as `month_year` chooses, by
    days rather than months."""
    years = [base.year] if cue == "this" else [base.year - 1, base.year, base.year + 1]
    found = []
    for year in years:
        try:
            found.append(dt.date(year, month, day))
        except ValueError:
            continue
    if weekday is not None and any(d.weekday() == weekday for d in found):
        found = [d for d in found if d.weekday() == weekday]
    return pick_day(found, weekday is None, cue, base, direction)


def pick_day(
    found: list[dt.date], by_month: bool, cue: str | None, base: dt.date, direction: str
) -> dt.date | None:
    """Of the candidate days of a date written without a year, the one its cue word or its
    clause's tense points to, else (`by_month`) the one `month_year` chooses, else the
    nearest."""
    if cue in BACKWARD or direction == "past":
        earlier = [d for d in found if d < base or (d == base and cue is None)]
        found = earlier or found
    elif cue in FORWARD or direction == "future":
        later = [d for d in found if d > base or (d == base and cue is None)]
        found = later or found
    elif by_month and found:
        year = month_year(found[0].month, cue, base, direction)
        found = [d for d in found if d.year == year] or found
    if not found:
        return None
    return min(found, key=lambda d: (abs((d - base).days), d > base))


def holiday(rule: str, year: int) -> dt.date:
    """The day a holiday's rule (see holidays.tsv) gives in `year`."""
    parts = rule.split(":")
    if parts[0] == "easter":
        return easter(year) + dt.timedelta(days=int(parts[1]))
    if len(parts) == 3:
        nth, weekday, month = int(parts[0]), WEEKDAYS.index(parts[1]), int(parts[2])
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    return dt.date(year, int(rule[:2]), int(rule[3:]))


def is_holiday(text: str) -> bool:
    """Whether a text names a holiday of holidays.tsv ("Thanksgiving Day", "last Easter")."""
    return HOLIDAY_RE.fullmatch(normalise(text)) is not None


def holiday_value(text: str, base: dt.date, direction: str) -> Value | None:
    """The day a holiday named without a year falls on ("last Thanksgiving", "Christmas
    Day"), chosen as for a month and day; None if the text names no holiday."""
    match = HOLIDAY_RE.fullmatch(text)
    if match is None:
        return None
    rule, cue = HOLIDAYS[match["holiday"]], match["cue"]
    years = [base.year] if cue == "this" else [base.year - 1, base.year, base.year + 1]
    found = pick_day([holiday(rule, year) for year in years], True, cue, base, direction)
    return (found.isoformat(), "day") if found else None


def day_number(text: str | None) -> int | None:
    """A day of the month in digits ("8", "8th") or as an ordinal word ("eighth")."""
    if text is None:
        return None
    digits = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?", text)
    if digits:
        return int(digits[1])
    words = text.split()
    if len(words) == 2 and words[0] in TENS_WORDS and words[1] in ORDINAL_WORDS:
        return TENS_WORDS[words[0]] + ORDINAL_WORDS[words[1]]
    return ORDINAL_WORDS.get(text) if len(words) == 1 else None


def month_phrase(match: re.Match[str], base: dt.date, direction: str) -> Value | None:
    """The month or day a month phrase names ("last May", "June last year", "Saturday,
    April 25", "March eighth", "January nineteen ninety seven")."""
    month = MONTHS.index((match["month"] or match["month2"])[:3]) + 1
    cue = match["cue"]
    day_text = match["day"] or match["day_first"]
    year = None
    if match["spelled"]:
        year = spelled_year(match["spelled"])
        if year is None:
            return None
    if match["year_cue"]:
        year = base.year + {"last": -1, "this": 0, "next": 1}[match["year_cue"]]
    day = day_number(day_text)
    if day is None:
        year = month_year(month, cue, base, direction) if year is None else year
        return f"{year:04d}-{month:02d}", "month"
    if not 1 <= day <= 31:
        return None
    if year is not None:
        try:
            return dt.date(year, month, day).isoformat(), "day"
        except ValueError:
            return None
    weekday = WEEKDAYS.index(match["weekday"][:3]) if match["weekday"] else None
    found = day_date(month, day, weekday, cue, base, direction)
    return (found.isoformat(), "day") if found else None


def resolve_phrase(text: str, base: dt.date, direction: str) -> Value | None:
    """The value of a date expression written in one of the phrases this module reads, or
    None to leave it to a general parser."""
    text = normalise(text)
    if text in PHRASES:
        return shifted(base, *PHRASES[text])
    if year := spelled_year(text):
        return f"{year:04d}", "year"
    match = WEEKDAY_PHRASE_RE.fullmatch(text)
    if match and (match["part"] is None or match["part"] in TIME_OF_DAY):
        weekday = WEEKDAYS.index(match["weekday"][:3])
        return weekday_value(weekday, match["cue"], base, direction).isoformat(), "day"
    match = MONTH_PHRASE_RE.fullmatch(text)
    if match:
        return month_phrase(match, base, direction)
    return holiday_value(text, base, direction)


def resolve_anaphor(text: str, anchor: Value | None) -> Value | None:
    """The value of a phrase counting from the date the text named last ("later that year",
    "the following month"), or None if the text is not one or that date is too coarse."""
    found = ANAPHORA.get(normalise(text))
    if found is None or anchor is None:
        return None
    unit, offset = found
    value, granularity = anchor
    if GRANULARITIES.index(granularity) < GRANULARITIES.index(unit):
        return None
    if unit == "day":
        day = dt.date.fromisoformat(value) + dt.timedelta(days=offset)
        return day.isoformat(), "day"
    month = int(value[5:7]) if unit == "month" else 1
    return shifted(dt.date(int(value[:4]), month, 1), unit, offset)
