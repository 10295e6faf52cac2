"""Figures: money, counts, percentages, ordinals, durations, quantities, and non-figures."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.unit.extract.conftest import Extract, figures


def only(result: dict, kind: str) -> dict:
    found = figures(result, kind)
    assert len(found) == 1, result["figures"]
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "currency", "qualifier"),
    [
        ("Norway has invested more than $4 billion in the region.", 4e9, "USD", "more_than"),
        ("The deals are worth $ 31 billion in total.", 31e9, "USD", None),
        ("Trade could exceed 200 billion US dollars this year.", 200e9, "USD", None),
        ("The budget is 2.3 trillion tenge.", 2.3e12, "KZT", None),
        ("Revenue reached 4.5bn roubles annually.", 4.5e9, "RUB", None),
        ("The bank has invested about \u20ac9.4 billion there.", 9.4e9, "EUR", "about"),
        ("He paid \u00a3300 for it.", 300.0, "GBP", None),
        ("Sony expects a profit of 1.2 trillion yen.", 1.2e12, "JPY", None),
        ("The loan totals USD 5 million.", 5e6, "USD", None),
        ("Spending will be up to 30 billion euros.", 30e9, "EUR", "up_to"),
    ],
)
def test_money(extract: Extract, text: str, value: float, currency: str, qualifier: str) -> None:
    money = only(extract(text), "money")
    assert (money["value"], money["unit"], money["currency"]) == (value, currency, currency)
    assert money["qualifier"] == qualifier


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Inflation fell 5% in May.", 5.0, "percent"),
        ("Emissions will drop by 55 per cent.", 55.0, "percent"),
        ("Shares rose 4.5 percent in Tokyo trading.", 4.5, "percent"),
        ("Rates rose by 3 percentage points.", 3.0, "percentage point"),
    ],
)
def test_percent(extract: Extract, text: str, value: float, unit: str) -> None:
    percent = only(extract(text), "percent")
    assert (percent["value"], percent["unit"]) == (value, unit)


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        ("There are 120 firms with German capital.", 120.0, "firms", None),
        ("Some 330, 000 tourists visited the city.", 330000.0, "tourists", "about"),
        ("The firm employs about 113,000 people.", 113000.0, "people", "about"),
        ("They hired twenty-five workers.", 25.0, "workers", None),
        ("Nearly 1,200 workers will be local.", 1200.0, "workers", "almost"),
    ],
)
def test_counts(extract: Extract, text: str, value: float, unit: str, qualifier: str) -> None:
    count = only(extract(text), "count")
    assert (count["value"], count["unit"], count["qualifier"]) == (value, unit, qualifier)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("She is on a three-day visit to Hanoi.", 3.0, "day"),
        ("For 25 years since then, ties grew.", 25.0, "year"),
        ("They announced a 10-year plan.", 10.0, "year"),
        ("It took three months to build.", 3.0, "month"),
    ],
)
def test_durations(extract: Extract, text: str, value: float, unit: str) -> None:
    duration = only(extract(text), "duration")
    assert (duration["value"], duration["unit"]) == (value, unit)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("It is the 25th anniversary of the treaty.", 25.0, "anniversary"),
        ("The king celebrated his 60th birthday.", 60.0, "birthday"),
        ("The summit was the 40th meeting between them.", 40.0, "meeting"),
    ],
)
def test_ordinals(extract: Extract, text: str, value: float, unit: str) -> None:
    ordinal = only(extract(text), "ordinal")
    assert (ordinal["value"], ordinal["unit"]) == (value, unit)


def test_quantity(extract: Extract) -> None:
    quantity = only(extract("They will build a pipeline of 2,000 km."), "quantity")
    assert (quantity["value"], quantity["unit"]) == (2000.0, "kilometre")


def test_period_from_a_date_in_the_sentence(extract: Extract) -> None:
    result = extract("Last year, exports reached $3.2 billion.")
    assert only(result, "money")["period"] is None
    dated = extract("Last year, exports reached $3.2 billion.", dt.date(2021, 8, 16))
    assert only(dated, "money")["period"] == "2020"


def test_subject_and_object(extract: Extract) -> None:
    result = extract("Germany has so far invested more than $2 billion into the economy of Poland.")
    money = only(result, "money")
    ids = {e["name"]: e["id"] for e in result["entities"]}
    assert money["subject_entity_id"] == ids["Germany"]
    assert money["object_entity_id"] == ids["Poland"]


@pytest.mark.parametrize(
    "text",
    [
        "The two ministers met in 2017 in the capital.",
        "The visit began on March 12 after talks.",
        "Brazil is one of the largest markets.",
        "She was born in Chile in 1951.",
        "The COVID-19 pandemic slowed trade.",
        "The meeting starts at 10:30 on Monday.",
        "Three years ago we opened the plant.",
        "The two countries signed the agreement.",
    ],
)
def test_not_figures(extract: Extract, text: str) -> None:
    scored = [f for f in extract(text)["figures"] if f["kind"] in ("money", "count", "percent")]
    assert scored == []


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("The state will spend Rs 500 crore on roads.", 5e9, "INR"),
        ("The firm raised Rs. 2 lakh from investors.", 2e5, "INR"),
        ("They paid US$5 million for the site.", 5e6, "USD"),
    ],
)
def test_money_with_regional_scales_and_symbols(
    extract: Extract, text: str, value: float, currency: str
) -> None:
    money = only(extract(text), "money")
    assert (money["value"], money["currency"]) == (value, currency)
