"""Date expressions resolved against the given or inferred publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from orchestration.extract.dates import resolve
from tests.unit.extract.conftest import Extract

MARCH_10 = dt.date(2023, 3, 10)


def dates(result: dict) -> dict[str, tuple]:
    return {d["text"]: (d["value"], d["granularity"], d["relative"]) for d in result["dates"]}


@pytest.mark.parametrize(
    ("text", "expression", "value", "granularity", "relative"),
    [
        ("The leaders met in 2017 in Lima.", "2017", "2017", "year", False),
        ("Last year, trade grew.", "Last year", "2022", "year", True),
        ("Two years ago we moved.", "Two years ago", "2021", "year", True),
        ("Next year will bring elections.", "Next year", "2024", "year", True),
        ("The talks began on Friday, March 3.", "Friday, March 3", "2023-03-03", "day", False),
        ("It was signed on March 3, 2020, in Paris.", "March 3, 2020", "2020-03-03", "day", False),
        ("Results are due in June 2022.", "June 2022", "2022-06", "month", False),
        ("He arrived yesterday.", "yesterday", "2023-03-09", "day", True),
    ],
)
def test_resolution_against_given_date(
    extract: Extract, text: str, expression: str, value: str, granularity: str, relative: bool
) -> None:
    result = extract(text, MARCH_10)
    assert result["article"]["published_date_source"] == "given"
    assert dates(result)[expression] == (value, granularity, relative)


def test_relative_dates_without_any_date_stay_unresolved(extract: Extract) -> None:
    result = extract("Last year, trade grew. It began in 1991.")
    assert result["article"]["published_date"] is None
    assert dates(result) == {"Last year": (None, None, True), "1991": ("1991", "year", False)}


def test_published_date_inferred_from_weekday(extract: Extract) -> None:
    result = extract(
        "The summit opened on Friday, March 3. They first met in 2021. Last year trade grew."
    )
    assert result["article"]["published_date"] == "2023-03-03"
    assert result["article"]["published_date_source"] == "inferred"
    assert dates(result)["Last year"][0] == "2022"


def test_durations_are_not_dates(extract: Extract) -> None:
    result = extract("For 25 years, during a three-day visit, ties grew.", MARCH_10)
    assert dates(result) == {}


def test_year_is_not_a_count(extract: Extract) -> None:
    result = extract("She was born in 1951 in Chile.", MARCH_10)
    assert dates(result) == {"1951": ("1951", "year", False)}
    assert result["figures"] == []


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The 2019-20 bushfire season burned more than 24 million hectares.", "2019-20", "2019"),
        ("The dispute dates back to 2019\u20132021, when digging began.", "2019\u20132021", "2019"),
    ],
)
def test_year_spans_give_their_first_year(
    extract: Extract, text: str, expression: str, value: str
) -> None:
    assert dates(extract(text, MARCH_10))[expression] == (value, "year", False)


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("The budget is about 15 per cent more than this year.", "this year"),
        ("Chega won 46 seats, up from 12 two years ago.", "two years ago"),
        ("A court struck down that law two years ago.", "two years ago"),
    ],
)
def test_date_spans_lose_words_before_them(extract: Extract, text: str, expression: str) -> None:
    assert expression in dates(extract(text, MARCH_10))


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The minister arrived on Tuesday.", "Tuesday", "2023-03-07"),
        ("The prime minister will visit the region on Wednesday.", "Wednesday", "2023-03-15"),
        ("The leaders meet again on Friday.", "Friday", "2023-03-10"),
        ("The rule could take effect in July.", "July", "2023-07"),
        ("The election was called in November.", "November", "2022-11"),
    ],
)
def test_weekdays_and_months_follow_the_tense(
    extract: Extract, text: str, expression: str, value: str
) -> None:
    assert dates(extract(text, MARCH_10))[expression][0] == value


def test_dateline_date_is_the_publication_day(extract: Extract) -> None:
    result = extract("BRUSSELS, Oct. 12 (Reuters) - The EU will cut steel quotas in July.")
    assert result["article"]["published_date"].endswith("-10-12")
    assert dates(result)["Oct. 12"][0] == result["article"]["published_date"]


@pytest.mark.parametrize(
    ("text", "direction", "days", "values"),
    [
        # Month and year readings do not move with the day of the month, even at its ends.
        ("last month", "current_period", (1, 15, 31), {"2023-02"}),
        ("next month", "current_period", (1, 31), {"2023-04"}),
        ("next year", "current_period", (1, 31), {"2024"}),
        ("March", "past", (1, 31), {"2023-03"}),
        ("April", "past", (1, 31), {"2022-04"}),
        # A day reading still does: March 20 lies after the 10th but before the 31st.
        ("March 20", "past", (10, 31), {"2022-03-20", "2023-03-20"}),
    ],
)
def test_month_and_year_readings_do_not_depend_on_the_day(
    text: str, direction: str, days: tuple[int, ...], values: set[str]
) -> None:
    found = {resolve(text, dt.date(2023, 3, day), direction)[0] for day in days}
    assert found == values
