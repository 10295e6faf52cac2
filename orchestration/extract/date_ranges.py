"""Date ranges: the two ends of "from 1961 to 1968", "between March and May", "2009-2010",
"June 3-5" or "April 24 and 25", each written out in full so that it reads on its own."""

from __future__ import annotations

import re

from orchestration.core.datelines import MONTH
from orchestration.extract.patterns import YEAR_WORD_RE

# "between A and B", "from A to B", "A to B", "A through B", "A-B" (a dash between digits,
# or one with spaces around it: not the hyphen of "mid-May" or "year-end").
RANGE_RE = re.compile(
    r"(?:(?P<between>between)\s+)?(?:from\s+)?(?P<first>.+?)"
    r"(?:(?<=\d)[-\u2013\u2014](?=\d)|\s+[-\u2013\u2014]\s+"
    r"|\s+(?P<joint>to|through|until|till|and)\s+)(?P<second>.+)",
    re.I,
)
ISO_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
BARE_DAY_RE = re.compile(r"\d{1,2}(?:st|nd|rd|th)?")
MONTH_AT_START_RE = re.compile(rf"{MONTH}\s+", re.I)
FULL_YEAR_RE = re.compile(r"(?:1[5-9]|20)\d\d")


def range_ends(text: str) -> tuple[str, str] | None:
    """The first and last date of a range expression, or None if it is not one.

    The ends share what only one of them writes: "June 3-5" is June 3 to June 5, "March to
    May 2020" is March 2020 to May 2020, "1961-68" ends in 1968. "and" joins a range only
    after "between" or between two days of one month ("April 24 and 25"); "1990 and 1995"
    elsewhere lists two years. A possessive last end ("Friday to December's figures") ends
    no range.
    """
    match = None if ISO_DATE_RE.fullmatch(text.strip()) else RANGE_RE.fullmatch(text.strip())
    if match is None:
        return None
    first, second = match["first"].strip(" ,"), match["second"].strip(" ,")
    if re.search(r"['\u2019]s?$", second):
        return None
    if re.fullmatch(r"\d\d", second) and FULL_YEAR_RE.fullmatch(first):
        return first, first[:2] + second
    bare_day = BARE_DAY_RE.fullmatch(second)
    if match["joint"] and match["joint"].lower() == "and" and not (match["between"] or bare_day):
        return None
    if bare_day:
        month = MONTH_AT_START_RE.match(first)
        if month is None or not BARE_DAY_RE.fullmatch(first[month.end() :]):
            return None
        second = month[0] + second
    year = YEAR_WORD_RE.search(second)
    if year and not YEAR_WORD_RE.search(first) and not FULL_YEAR_RE.fullmatch(second):
        first = f"{first} {year[0]}"
    if not first or not second:
        return None
    return first, second
