"""Infer an article's publication date from the dates its text gives."""

from __future__ import annotations

import datetime as dt
import re

from orchestration.core.datelines import MONTH
from orchestration.extract.datafiles import data_rows
from orchestration.extract.patterns import YEAR_WORD_RE

# Three-letter abbreviations in calendar order: January is month 1, Monday weekday 0.
MONTHS = tuple(word for word, kind in data_rows("calendar_words.tsv") if kind == "month")
WEEKDAYS = tuple(word for word, kind in data_rows("calendar_words.tsv") if kind == "weekday")
WEEKDAY_DATE_RE = re.compile(
    rf"\b(?P<weekday>(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?)\.?,?\s+"
    rf"(?:(?P<month1>{MONTH})\s+(?P<day1>\d{{1,2}})|(?P<day2>\d{{1,2}})\s+(?P<month2>{MONTH}))"
    r"(?!\d)(?:,?\s+(?P<year>\d{4}))?"
)
MONTH_DAY_RE = re.compile(
    rf"(?:(?P<month1>{MONTH})\s+(?P<day1>\d{{1,2}})|(?P<day2>\d{{1,2}})\s+(?P<month2>{MONTH}))"
    r"(?:,?\s+(?P<year>\d{4}))?"
)
ISO_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


def month_number(text: str) -> int:
    """Month number of an English month name or abbreviation."""
    return MONTHS.index(text[:3].lower()) + 1


def pick_year(
    month: int, day: int, weekday: int | None, floor: int | None, today: dt.date, years: int
) -> dt.date | None:
    """The most recent date on or before today with this month and day (and weekday), among
    the last `years` years.

    A year mentioned in the text is a floor: a report is not older than the years it cites.
    """
    for lower in (floor, None):
        for year in range(today.year, today.year - years, -1):
            if lower is not None and year < lower:
                break
            try:
                day_date = dt.date(year, month, day)
            except ValueError:
                continue
            if day_date <= today and (weekday is None or day_date.weekday() == weekday):
                return day_date
    return None


def parts(match: re.Match[str]) -> tuple[int, int, int | None]:
    """Month, day and year (if written) of a month-day match."""
    month = match["month1"] or match["month2"]
    day = match["day1"] or match["day2"]
    return month_number(month), int(day), int(match["year"]) if match["year"] else None


def infer_published_date(
    body: str,
    date_texts: list[str],
    dateline_date: str | None,
    search_years: int,
    today: dt.date | None = None,
) -> dt.date | None:
    """The publication date a report implies: its dateline date, else a weekday-pinned date.

    "Friday, March 3" fixes the year to the latest one (not after today, not before any
    year the text mentions, at most `search_years` back) in which 3 March fell on a Friday.
    """
    today = today or dt.date.today()
    years = [
        int(y) for text in date_texts for y in YEAR_WORD_RE.findall(text) if int(y) <= today.year
    ]
    floor = max(years) if years else None
    if dateline_date and ISO_RE.fullmatch(dateline_date):
        return safe_date(*(int(part) for part in dateline_date.split("-")))
    if dateline_date:
        match = MONTH_DAY_RE.search(dateline_date)
        if match:
            month, day, year = parts(match)
            if year:
                return safe_date(year, month, day)
            return pick_year(month, day, None, floor, today, search_years)
    match = WEEKDAY_DATE_RE.search(body)
    if match:
        month, day, year = parts(match)
        if year:
            return safe_date(year, month, day)
        weekday = WEEKDAYS.index(match["weekday"][:3].lower())
        return pick_year(month, day, weekday, floor, today, search_years)
    return None


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when the parts do not form one."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
