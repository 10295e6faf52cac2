"""Date phrases news writes without a year, read against the publication date: by the tense
of their clause, by the word pointing from the report, else to the nearest occurrence."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.unit.extract.conftest import Extract

# A Thursday.
JULY_21 = dt.date(2022, 7, 21)


def values(result: dict) -> dict[str, str | None]:
    return {d["text"]: d["value"] for d in result["dates"]}


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # The tense of the clause decides which way a month and day lie: a plan lies ahead.
        ("The annual report is due to be published in May.", "May", "2023-05"),
        ("A court hearing was scheduled for Sept. 8, lawyers said.", "Sept. 8", "2022-09-08"),
        # A to-infinitive completing a present verb lies ahead of it.
        ("The city hopes to reopen the bridge on Monday.", "Monday", "2022-07-25"),
        # A modal verb is no future tense: the nearest Monday.
        ("The leaders could not agree on Monday, officials said.", "Monday", "2022-07-18"),
        # A deadline lies where it is nearest, whatever the tense.
        ("The offer was extended to Aug. 15 by the bidders.", "Aug. 15", "2022-08-15"),
        # A date inside a noun phrase does not take the tense of the sentence.
        ("The firm declared a dividend payable Aug. 15 to holders.", "Aug. 15", "2022-08-15"),
    ],
)
def test_month_and_day_follow_the_clause(
    extract: Extract, text: str, expression: str, value: str
) -> None:
    assert values(extract(text, JULY_21))[expression] == value


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The two presidents signed the treaty last May.", "last May", "2022-05"),
        ("A general election is due this September.", "this September", "2022-09"),
        ("Sales rose 5% from a year earlier, the company said.", "a year earlier", "2021"),
        ("Profit for the fiscal year rose, the company said.", "the fiscal year", "2022"),
        (
            "The firm hopes to finish the work by the end of the year.",
            "the end of the year",
            "2022",
        ),
        ("The plant will close over the next year or so.", "the next year or so", "2023"),
        ("Fuel prices will fall by the end of the month.", "the end of the month", "2022-07"),
        ("The plant was shut in late May last year.", "late May last year", "2021-05"),
        ("In nineteen ninety-six the old plant closed.", "nineteen ninety-six", "1996"),
    ],
)
def test_phrases_pointing_from_the_report(
    extract: Extract, text: str, expression: str, value: str
) -> None:
    assert values(extract(text, JULY_21))[expression] == value


def test_month_and_day_without_verb_are_the_nearest(extract: Extract) -> None:
    result = extract("The shares are payable Jan. 5 to holders of record.", dt.date(2022, 11, 20))
    assert values(result)["Jan. 5"] == "2023-01-05"


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # The day of a time of day.
        (
            "Police arrived in the early hours of Thursday morning.",
            "Thursday morning",
            "2022-07-21",
        ),
        ("Officials will meet later today in Geneva.", "today", "2022-07-21"),
        # The date a period closes on, not the period.
        ("It earned $5 million in the quarter ended Sept. 30.", "Sept. 30", "2021-09-30"),
        ("Sales rose in the fiscal year ending June 30, 2023.", "June 30, 2023", "2023-06-30"),
    ],
)
def test_days_inside_longer_expressions(
    extract: Extract, text: str, expression: str, value: str
) -> None:
    assert values(extract(text, JULY_21))[expression] == value


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        (
            "The firm moved to Ohio in June 1998 and left again later that year.",
            "later that year",
            "1998",
        ),
        (
            "He was elected on May 22, 1995, and the following year he resigned.",
            "the following year",
            "1996",
        ),
        (
            "The plant shut in March 2019. The following month, the owner sold it.",
            "The following month",
            "2019-04",
        ),
    ],
)
def test_phrases_counting_from_the_date_named_before(
    extract: Extract, text: str, expression: str, value: str
) -> None:
    assert values(extract(text, JULY_21))[expression] == value


def test_present_passive_is_no_past_tense(extract: Extract) -> None:
    result = extract(
        "The appeal is heard in May, a lawyer for the family said.", dt.date(2022, 3, 29)
    )
    assert values(result)["May"] == "2022-05"


def test_a_day_the_model_leaves_untagged(extract: Extract) -> None:
    result = extract("``Today, I am here to tell you we have a suspect,'' the agent said.", JULY_21)
    assert values(result)["Today"] == "2022-07-21"


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The boat was found off the coast on Thanksgiving Day.", "Thanksgiving Day", "2021-11-25"),
        ("The pope spoke to the crowd on Easter Sunday.", "Easter Sunday", "2022-04-17"),
    ],
)
def test_holidays_fall_on_their_day(
    extract: Extract, text: str, expression: str, value: str
) -> None:
    assert values(extract(text, JULY_21))[expression] == value


def test_a_verb_joined_to_a_future_one_is_future(extract: Extract) -> None:
    result = extract("Shops will close on Monday and reopen on Thursday.", dt.date(2022, 7, 22))
    assert values(result)["Thursday"] == "2022-07-28"


def test_an_article_before_a_month_is_not_the_date(extract: Extract) -> None:
    result = extract("The shares came from an Aug. 10, 2019, purchase agreement.", JULY_21)
    assert values(result)["Aug. 10, 2019"] == "2019-08-10"
