"""Figures in awkward forms: ages, ranges, glued scales and signs, no-break spaces, units,
qualifiers written as verbs, labels and fractions, and currencies named by context."""

from __future__ import annotations

import pytest

from tests.unit.extract.conftest import Extract, figures


def readings(result: dict) -> list[tuple]:
    return [(f["text"], f["kind"], f["value"], f["unit"]) for f in result["figures"]]


@pytest.mark.parametrize(
    "text",
    [
        "A 36-year-old nurse has lived there since 2012.",
        "\u201cMy son is 23 years old,\u201d she said.",
        "Investors valued the five-year-old company highly.",
    ],
)
def test_ages_are_not_figures(extract: Extract, text: str) -> None:
    assert figures(extract(text), "duration") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("United paid \u00a385m for the striker.", 85e6),
        ("The council will save \u00a33.2m by moving services online.", 3.2e6),
        ("The materials cost about NZ$40 per kilowatt-hour.", 40.0),
        ("The project has cost about US$\u00a0410\u00a0million so far.", 410e6),
    ],
)
def test_money_written_compactly(extract: Extract, text: str, value: float) -> None:
    (money,) = figures(extract(text), "money")
    assert money["value"] == value


def test_single_letter_suffix_is_no_scale_without_a_currency(extract: Extract) -> None:
    result = extract("The climbers reached 250m below the summit.")
    assert all(f["value"] != 250e6 for f in result["figures"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "It would cut the flow by 30\u00a0% in summer.",
            ("30\u00a0%", "percent", 30.0, "percent"),
        ),
        (
            "The river feeds 120\u00a0000 families downstream.",
            ("120\u00a0000 families", "count", 120000.0, "families"),
        ),
    ],
)
def test_no_break_spaces_inside_figures(extract: Extract, text: str, expected: tuple) -> None:
    assert readings(extract(text)) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Doctors see 40 to 50 patients a day.",
            ("40 to 50 patients", "count", 40.0, 50.0, "patients"),
        ),
        (
            "Drilling could take between five and eight days.",
            ("between five and eight days", "duration", 5.0, 8.0, "day"),
        ),
        (
            "Rain of 200 to 300 millimetres is forecast.",
            ("200 to 300 millimetres", "quantity", 200.0, 300.0, "millimetre"),
        ),
    ],
)
def test_ranges_are_one_figure_with_both_ends(extract: Extract, text: str, expected: tuple) -> None:
    (figure,) = extract(text)["figures"]
    found = (figure["text"], figure["kind"], figure["low"], figure["high"], figure["unit"])
    assert found == expected
    assert (figure["value"], figure["qualifier"]) == (expected[2], "between")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Output changed by minus 0.5% in May.",
            ("minus 0.5%", "percent", -0.5, "percent"),
        ),
        ("Output changed by -0.5% in May.", ("-0.5%", "percent", -0.5, "percent")),
    ],
)
def test_negative_figures(extract: Extract, text: str, expected: tuple) -> None:
    assert readings(extract(text)) == [expected]


def test_range_shares_the_scale_word(extract: Extract) -> None:
    (money,) = figures(extract("The plan costs 2 to 3 billion dollars."), "money")
    assert (money["low"], money["high"], money["currency"]) == (2e9, 3e9, "USD")


@pytest.mark.parametrize(
    ("text", "kind", "unit"),
    [
        ("The reservoir holds about 41 billion cubic metres of water.", "quantity", "cubic metre"),
        ("Two bad years in a row removed the ice.", "duration", "year"),
        ("The battery powered lights for eighteen hours.", "duration", "hour"),
        ("The airline has 205 wide-body aircraft on order.", "count", "aircraft"),
        ("The council cut 180 full-time posts.", "count", "posts"),
        ("It ordered 90 Boeing 777X jets.", "count", "jets"),
    ],
)
def test_units(extract: Extract, text: str, kind: str, unit: str) -> None:
    (figure,) = extract(text)["figures"]
    assert (figure["kind"], figure["unit"]) == (kind, unit)


@pytest.mark.parametrize(
    ("text", "figure_text", "qualifier"),
    [
        ("Shipments to Iran exceeded 900,000 tonnes.", "900,000 tonnes", "more_than"),
        ("Revenue topped $4.3 billion in January.", "$4.3 billion", "more_than"),
        ("Interest payments would exceed \u20ac37 billion.", "\u20ac37 billion", None),
        ("Blackouts are cutting up to 6,000 megawatts.", "up to 6,000 megawatts", "up_to"),
        ("Tariffs will fall over seven years.", "seven years", None),
    ],
)
def test_qualifiers(extract: Extract, text: str, figure_text: str, qualifier: str | None) -> None:
    (figure,) = extract(text)["figures"]
    assert (figure["text"], figure["qualifier"]) == (figure_text, qualifier)


@pytest.mark.parametrize(
    "text",
    [
        "A magnitude 5.9 earthquake struck the province.",
        "Almost two-thirds of them are women.",
        "Power cuts could return to stage 6 this winter.",
    ],
)
def test_labels_and_fractions_are_not_counts(extract: Extract, text: str) -> None:
    assert figures(extract(text), "count") == []


def test_ordinal_opening_a_count_is_not_an_ordinal(extract: Extract) -> None:
    result = extract("Exports grew in the first eight months of the year.")
    assert readings(result) == [("eight months", "duration", 8.0, "month")]


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("DUBAI \u2014 Revenue rose to 121.6 billion dirhams, the airline said.", "AED"),
        ("RABAT \u2014 Revenue rose to 121.6 billion dirhams, the airline said.", "MAD"),
        ("The fund made 1.98 trillion Norwegian crowns last year.", "NOK"),
        ("The government promised 95 million soles for water projects.", "PEN"),
    ],
)
def test_currency_names_read_in_context(extract: Extract, text: str, currency: str) -> None:
    (money,) = figures(extract(text), "money")
    assert money["currency"] == currency
