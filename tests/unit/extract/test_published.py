"""Inferring a publication date from the text."""

from __future__ import annotations

import datetime as dt

from orchestration.extract.pipeline import STEPS
from orchestration.extract.published import infer_published_date

TODAY = dt.date(2026, 11, 27)
YEARS = next(s for s in STEPS if s.factory == "newsledger_dates").config["search_years"]


def test_weekday_pins_the_latest_matching_year() -> None:
    body = "The visit began on Friday, March 3."
    assert infer_published_date(body, [], None, YEARS, TODAY) == dt.date(2023, 3, 3)


def test_year_clues_are_a_floor() -> None:
    body = "The talks began on Sunday, March 3."
    assert infer_published_date(body, [], None, YEARS, TODAY) == dt.date(2024, 3, 3)
    assert infer_published_date(body, ["2025"], None, YEARS, TODAY) is not None
    assert infer_published_date(body, ["2018"], None, YEARS, TODAY) == dt.date(2024, 3, 3)


def test_day_before_month_and_written_year() -> None:
    body = "It opened on Tuesday, 16 August 2022."
    assert infer_published_date(body, [], None, YEARS, TODAY) == dt.date(2022, 8, 16)


def test_dateline_date() -> None:
    assert infer_published_date("", ["2021"], "May 7", YEARS, TODAY) == dt.date(2026, 5, 7)
    assert infer_published_date("", [], "1996-08-22", YEARS, TODAY) == dt.date(1996, 8, 22)


def test_nothing_to_infer() -> None:
    assert infer_published_date("It rained in 2018.", ["2018"], None, YEARS, TODAY) is None
