"""Reading numbers from digits, words and scale words."""

from __future__ import annotations

import pytest
import spacy

from orchestration.extract.numbers import digits_value, ordinal_value, read_number, words_value

TOKENIZER = spacy.blank("en")


@pytest.mark.parametrize(
    ("text", "value"),
    [("5.9", 5.9), ("330,000", 330000.0), ("1.5bn", 1.5e9), ("3m", 3e6), ("12", 12.0)],
)
def test_digit_tokens(text: str, value: float) -> None:
    assert digits_value(text) == value


@pytest.mark.parametrize("text", ["abc", "10:30", "COVID-19"])
def test_non_numbers(text: str) -> None:
    assert digits_value(text) is None


@pytest.mark.parametrize(
    ("words", "value"),
    [
        (["two"], 2),
        (["twenty", "five"], 25),
        (["one", "hundred", "and", "fifty"], 150),
        (["two", "million"], 2e6),
        (["three", "thousand", "four", "hundred"], 3400),
    ],
)
def test_spelled_numbers(words: list[str], value: float) -> None:
    assert words_value(words) == value


@pytest.mark.parametrize(
    ("text", "value", "length"),
    [
        ("6 billion dollars", 6e9, 2),
        ("330, 000 people", 330000.0, 3),
        ("twenty-five workers", 25.0, 3),
        ("a million people", 1e6, 2),
        ("one hundred and fifty schools", 150.0, 4),
        ("-0.5 percent", -0.5, 1),
        ("\u22121.2 billion", -1.2e9, 2),
    ],
)
def test_read_number(text: str, value: float, length: int) -> None:
    number = read_number(TOKENIZER(text), 0)
    assert number is not None
    assert (number.value, number.end - number.start) == (value, length)


def test_read_number_rejects_words() -> None:
    assert read_number(TOKENIZER("a company"), 0) is None


@pytest.mark.parametrize(
    ("text", "value"), [("30th", 30), ("76th", 76), ("first", 1), ("thirtieth", 30), ("1st", 1)]
)
def test_ordinals(text: str, value: int) -> None:
    assert ordinal_value(text) == value


@pytest.mark.parametrize(
    ("text", "money", "value", "length"),
    [
        ("120\u00a0000 families", False, 120000.0, 3),
        ("120 000 families", False, 120.0, 1),
        ("410\u00a0million dollars", False, 410e6, 3),
        ("85m signing", True, 85e6, 2),
        ("250m below", False, 250.0, 1),
        ("1.2 bn euros", False, 1.2e9, 2),
    ],
)
def test_read_number_groups_and_suffixes(text: str, money: bool, value: float, length: int) -> None:
    number = read_number(TOKENIZER(text), 0, money=money)
    assert number is not None
    assert (number.value, number.end - number.start) == (value, length)


def test_read_number_after_a_glued_sign() -> None:
    number = read_number(TOKENIZER("NZ$40 each"), 0, skip=3)
    assert number is not None and number.value == 40.0
    assert read_number(TOKENIZER("NZ$ each"), 0, skip=3) is None
