"""Ranges read as one figure with a low and a high end, exchange rates that are no sums of
money, currency names that are other words in context, and "first" that ranks nothing."""

from __future__ import annotations

import pytest

from tests.unit.extract.conftest import Extract, figures


def ends(figure: dict) -> tuple:
    return (figure["text"], figure["kind"], figure["low"], figure["high"], figure["unit"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The firm expects a loss of between $12 million and $15 million this year.",
            ("between $12 million and $15 million", "money", 12e6, 15e6, "USD"),
        ),
        (
            "The refit will cost $12-15 million, the council said.",
            ("$12-15 million", "money", 12e6, 15e6, "USD"),
        ),
        (
            "Analysts expect growth from 3% to 5% over the decade.",
            ("from 3% to 5%", "percent", 3.0, 5.0, "percent"),
        ),
        (
            "Police said 10 to 12 people were hurt in the crush.",
            ("10 to 12 people", "count", 10.0, 12.0, "people"),
        ),
        (
            "The mill will lay off between 200 and 300 workers.",
            ("between 200 and 300 workers", "count", 200.0, 300.0, "workers"),
        ),
        (
            "Tickets sell for $2 to $3 billion in total, oddly.",
            ("$2 to $3 billion", "money", 2e9, 3e9, "USD"),
        ),
    ],
)
def test_a_range_is_one_figure_from_low_to_high(
    extract: Extract, text: str, expected: tuple
) -> None:
    (figure,) = figures(extract(text), expected[1])
    assert ends(figure) == expected
    assert (figure["value"], figure["qualifier"]) == (expected[2], "between")


def test_a_single_figure_has_equal_ends(extract: Extract) -> None:
    (money,) = figures(extract("The agency lent the city $40 million last week."), "money")
    assert money["low"] == money["high"] == money["value"] == 40e6


def test_a_qualifier_before_a_range_is_kept(extract: Extract) -> None:
    (count,) = figures(extract("Some 40 to 50 families slept in the hall."), "count")
    assert (count["low"], count["high"], count["qualifier"]) == (40.0, 50.0, "about")


@pytest.mark.parametrize(
    "text",
    [
        "Inflation rose from 3% to 5% over the year.",
        "Unemployment fell 0.2% to 3.5% in the spring.",
        "The home side won the match by 3 to 1 goals.",
    ],
)
def test_a_change_or_a_score_is_no_range(extract: Extract, text: str) -> None:
    assert all(f["low"] == f["high"] for f in extract(text)["figures"])
    assert len(figures(extract(text))) >= 2


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("The euro fell to $1.0230 on the news.", "$1.0230", 1.023, "USD per EUR"),
        ("At the border 1 dollar = 90 rubles now.", "1 dollar = 90 rubles", 90.0, "RUB per USD"),
        (
            "The rupee closed at 83.2 rupees per dollar.",
            "83.2 rupees per dollar",
            83.2,
            "INR per USD",
        ),
        ("Traders saw 150 yen to the dollar again.", "150 yen to the dollar", 150.0, "JPY per USD"),
    ],
)
def test_an_exchange_rate_is_a_quantity_not_money(
    extract: Extract, text: str, surface: str, value: float, unit: str
) -> None:
    result = extract(text)
    assert figures(result, "money") == []
    (rate,) = figures(result, "quantity")
    assert (rate["text"], rate["value"], rate["unit"], rate["currency"]) == (
        surface,
        value,
        unit,
        None,
    )


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The dome is made of 18 gold-plated segments.", "segments"),
        ("The team came home with 18 gold medals.", "gold medals"),
    ],
)
def test_a_currency_word_that_modifies_a_noun_is_no_currency(
    extract: Extract, text: str, unit: str
) -> None:
    result = extract(text)
    assert figures(result, "money") == []
    (count,) = figures(result, "count")
    assert (count["value"], count["unit"]) == (18.0, unit)


@pytest.mark.parametrize(
    "text",
    [
        "It was the first time the two leaders had met.",
        "She was the first foreign leader to visit since May.",
    ],
)
def test_first_in_words_is_no_ordinal(extract: Extract, text: str) -> None:
    assert figures(extract(text), "ordinal") == []


def test_a_rank_in_digits_is_an_ordinal(extract: Extract) -> None:
    (ordinal,) = figures(extract("He won the 1st stage and the 3rd round."), "ordinal")[:1]
    assert (ordinal["value"], ordinal["unit"]) == (1.0, "stage")
