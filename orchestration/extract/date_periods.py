"""Periods longer than a month and shorter than an age, as the first and last month, day or
year they span: "the first quarter of 2023" is 2023-01 to 2023-03, "next summer" June to
August, "the 1990s" 1990 to 1999, "last week" Monday to Sunday of the week before.

Seasons are those of the northern hemisphere, as English news dates them (spring March to
May, summer June to August, autumn September to November, winter December to February).
"""

from __future__ import annotations

import datetime as dt
import re

from orchestration.extract.date_rules import normalise

# A first and last value and their granularity.
Period = tuple[str, str, str]

ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4}
ORDINALS |= {"4th": 4, "final": 4}
SEASON_MONTHS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
YEAR_PART = (
    r"(?:\s+(?:of\s+)?(?:(?P<year>(?:1[5-9]|20)\d\d)|(?:fiscal\s+)?(?P<year_cue>this|last|next)"
    r"\s+year|(?:the\s+)?(?:fiscal\s+)?year))?"
)
# "the first quarter of 2023", "the second half of this year", "last summer", "summer 2020".
PART_RE = re.compile(
    r"(?:(?P<cue>this|last|next|past|coming)\s+)?"
    r"(?:(?P<ordinal>[a-z0-9]+)\s+(?P<part>quarter|half)|(?P<season>spring|summer|autumn|fall"
    rf"|winter)){YEAR_PART}"
)
DECADE_RE = re.compile(r"(?P<decade>(?:1[5-9]|20)\d)0'?s")
WEEK_RE = re.compile(r"(?P<cue>this|last|next|past|coming)\s+week")
SHIFT = {"this": 0, "last": -1, "past": -1, "next": 1, "coming": 1, None: 0}


def month_span(year: int, first_month: int, months: int) -> Period:
    """The months from `first_month` of `year`, `months` long, as a month range."""
    last = year * 12 + first_month - 1 + months - 1
    return f"{year:04d}-{first_month:02d}", f"{last // 12:04d}-{last % 12 + 1:02d}", "month"


def part_period(match: re.Match[str], base: dt.date | None, direction: str) -> Period | None:
    """The months a quarter, half or season names. A quarter or half needs its year written
    or pointed to ("of last year"), as a bare "the fourth quarter" may be a game's; a
    season without one is the latest begun by the report in a past clause, the next in a
    future one, else the report's own year's."""
    if match["part"]:
        number = ORDINALS.get(match["ordinal"])
        length = 3 if match["part"] == "quarter" else 6
        if number is None or number * length > 12 or match["cue"]:
            return None
        first_month = (number - 1) * length + 1
    else:
        length, first_month = 3, SEASON_MONTHS[match["season"]]
    if match["year"]:
        return month_span(int(match["year"]), first_month, length)
    if base is None:
        return None
    if match["year_cue"]:
        return month_span(base.year + SHIFT[match["year_cue"]], first_month, length)
    if match["part"]:
        return None
    return month_span(season_year(first_month, match["cue"], base, direction), first_month, 3)


def season_year(first_month: int, cue: str | None, base: dt.date, direction: str) -> int:
    """The year a season named without one begins in: "last summer" the latest ended before
    the report, "next summer" the first begun after it; in a past clause the latest begun
    by the report, in a future one the first not yet ended; else the report's year's."""
    now = base.year * 12 + base.month - 1
    # A winter begins in the December before its year: "last winter" in January is the one
    # begun two Decembers back.
    years = (base.year - 2, base.year - 1, base.year, base.year + 1)
    starts = {year: year * 12 + first_month - 1 for year in years}
    if cue in ("last", "past"):
        return max(y for y in years if starts[y] + 2 < now)
    if cue in ("next", "coming"):
        return min(y for y in years if starts[y] > now)
    if direction == "past":
        return max(y for y in years if starts[y] <= now)
    if direction == "future":
        return min(y for y in years if starts[y] + 2 >= now)
    return base.year


def week_period(match: re.Match[str], base: dt.date) -> Period:
    """Monday to Sunday of the week a phrase names ("this week", "last week")."""
    monday = base - dt.timedelta(days=base.weekday()) + dt.timedelta(weeks=SHIFT[match["cue"]])
    return monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat(), "day"


def resolve_period(text: str, base: dt.date | None, direction: str) -> Period | None:
    """First value, last value and granularity of a period phrase, or None if the text is
    not one (or needs a publication date that is not known)."""
    phrase = normalise(text)
    if decade := DECADE_RE.fullmatch(phrase):
        first = int(decade["decade"]) * 10
        return f"{first:04d}", f"{first + 9:04d}", "year"
    if match := PART_RE.fullmatch(phrase):
        return part_period(match, base, direction)
    if (match := WEEK_RE.fullmatch(phrase)) and base is not None:
        return week_period(match, base)
    return None


def is_period(text: str) -> bool:
    """Whether a text is written as a period phrase this module reads."""
    phrase = normalise(text)
    return any(pattern.fullmatch(phrase) for pattern in (DECADE_RE, PART_RE, WEEK_RE))
