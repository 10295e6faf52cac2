"""Ranges and periods: both ends of "from 1961 to 1968", "June 3-5", "the 1990s", "next
summer", each at the granularity of the expression."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.unit.extract.conftest import Extract

# A Thursday.
JULY_21 = dt.date(2022, 7, 21)


def ends(result: dict) -> dict[str, tuple]:
    return {d["text"]: (d["value"], d["end_value"], d["granularity"]) for d in result["dates"]}


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        ("He was governor from 1961 to 1968.", "1961 to 1968", ("1961", "1968", "year")),
        ("Growth slowed in 2009-2010, then picked up.", "2009-2010", ("2009", "2010", "year")),
        ("The 2019-20 budget was cut.", "2019-20", ("2019", "2020", "year")),
        (
            "The fair runs June 3-5 next to the river.",
            "June 3-5",
            ("2022-06-03", "2022-06-05", "day"),
        ),
        (
            "The summit will be held on April 24 and 25.",
            "April 24 and 25",
            ("2023-04-24", "2023-04-25", "day"),
        ),
        (
            "Polls were held between March and May.",
            "between March and May",
            ("2022-03", "2022-05", "month"),
        ),
        (
            "Shares were bought from Aug. 26 to Oct. 20, 2021.",
            "Aug. 26 to Oct. 20, 2021",
            ("2021-08-26", "2021-10-20", "day"),
        ),
    ],
)
def test_ranges_give_both_ends(
    extract: Extract, text: str, expression: str, expected: tuple
) -> None:
    assert ends(extract(text, JULY_21))[expression] == expected


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        ("Sales rose in the first quarter of 2023.", "the first quarter of 2023",
         ("2023-01", "2023-03", "month")),
        ("Growth slowed in the second half of last year.", "the second half of last year",
         ("2021-07", "2021-12", "month")),
        ("The plant will open next summer.", "next summer", ("2023-06", "2023-08", "month")),
        ("Crime fell sharply in the 1990s.", "the 1990s", ("1990", "1999", "year")),
        ("Shares fell sharply this week.", "this week", ("2022-07-18", "2022-07-24", "day")),
    ],
)  # fmt: skip
def test_periods_give_their_first_and_last_value(
    extract: Extract, text: str, expression: str, expected: tuple
) -> None:
    assert ends(extract(text, JULY_21))[expression] == expected


def test_last_winter_early_in_the_year_is_the_one_ended_before(extract: Extract) -> None:
    found = ends(extract("The mayor spoke there last winter.", dt.date(2024, 1, 15)))
    assert found["last winter"] == ("2022-12", "2023-02", "month")


def test_a_single_date_has_no_end(extract: Extract) -> None:
    assert ends(extract("The law passed in March 2020.", JULY_21))["March 2020"] == (
        "2020-03",
        None,
        "month",
    )


def test_a_possessive_ends_no_range(extract: Extract) -> None:
    found = ends(extract("A revision on Friday to December's figures cut growth.", JULY_21))
    assert all(end is None for _, end, _ in found.values())
