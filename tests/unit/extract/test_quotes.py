"""Quotations and their speakers."""

from __future__ import annotations

import pytest

from orchestration.extract.quotes import find_quoted
from tests.unit.extract.conftest import Extract


def quotes(result: dict) -> list[tuple[str, str | None]]:
    return [(q["text"], q["speaker"]) for q in result["quotes"]]


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        ("He said \u201cwe will win this race\u201d today.", "we will win this race"),
        ("\u00abOur cooperation has no limits,\u00bb Xi said.", "Our cooperation has no limits"),
        ('"It is a big number," he said.', "It is a big number"),
    ],
)
def test_quote_marks(text: str, inner: str) -> None:
    (found,) = find_quoted(text)
    assert text[found.start : found.end] == inner


def test_quote_left_open_runs_to_paragraph_end() -> None:
    text = "\u201cFirst part of it.\n\n\u201cSecond part,\u201d she said."
    first, second = find_quoted(text)
    assert first.continues and text[first.start : first.end] == "First part of it."
    assert not second.continues


def test_speaker_after_the_quote(extract: Extract) -> None:
    result = extract(
        "President Emmanuel Macron arrived in Lyon.\n\n"
        "\u201cThis will open new markets for our farmers,\u201d said Macron."
    )
    assert quotes(result) == [("This will open new markets for our farmers", "Emmanuel Macron")]


def test_partial_quote_after_speech_verb(extract: Extract) -> None:
    result = extract(
        "President Joko Widodo said the Malaysian leader was a "
        "\u201ctrusted and valued partner.\u201d"
    )
    assert quotes(result) == [("trusted and valued partner.", "Joko Widodo")]


def test_speaker_of_governing_clause(extract: Extract) -> None:
    result = extract(
        "Joko Widodo also praised Vietnam\u2019s growing role in regional trade, describing it "
        "as the \u201cmost promising economy in Southeast Asia.\u201d"
    )
    assert quotes(result)[0][1] == "Joko Widodo"


def test_title_phrase_resolves_to_the_office_holder(extract: Extract) -> None:
    result = extract(
        "Prime Minister Narendra Modi met with the President of France Emmanuel Macron.\n\n"
        "\u201cOur countries share a long friendship,\u201d said the President of France, "
        "noting the talks."
    )
    assert quotes(result) == [("Our countries share a long friendship", "Emmanuel Macron")]


def test_pronoun_resolves_to_the_last_person(extract: Extract) -> None:
    result = extract(
        "Vladimir Putin spoke to reporters in Moscow.\n\n"
        '"The project will take at least five years," he said.'
    )
    assert quotes(result) == [("The project will take at least five years", "Vladimir Putin")]


def test_unattributed_quote_takes_its_paragraph_speaker(extract: Extract) -> None:
    result = extract(
        "\u201cWe are confident that the economy is strong,\u201d Janet Yellen told reporters. "
        "\u201cInflation has come down a long way.\u201d"
    )
    assert [speaker for _, speaker in quotes(result)] == ["Janet Yellen", "Janet Yellen"]


def test_multi_sentence_quote(extract: Extract) -> None:
    result = extract(
        "\u201cWe will keep investing. You may remember our promise,\u201d said Modi, "
        "noting the results."
    )
    assert quotes(result) == [("We will keep investing. You may remember our promise", "Modi")]


def test_short_scare_quotes_are_not_quotations(extract: Extract) -> None:
    result = extract("They agreed to expand their \u201cGreen Corridor\u201d program in 2018.")
    assert result["quotes"] == []


def test_short_quote_after_speech_verb_is_kept(extract: Extract) -> None:
    result = extract("Chancellor Olaf Scholz called the plan \u201cambitious but realistic.\u201d")
    assert quotes(result) == [("ambitious but realistic.", "Olaf Scholz")]


def test_quote_without_speaker(extract: Extract) -> None:
    result = extract("\u201cThe market will recover soon enough,\u201d the report concluded.")
    assert quotes(result) == [("The market will recover soon enough", None)]


def test_single_quotation_marks_and_apostrophes() -> None:
    text = "She said \u2018we don\u2019t want another delay\u2019 and the Joneses\u2019 house."
    (found,) = find_quoted(text)
    assert text[found.start : found.end] == "we don\u2019t want another delay"


def test_according_to_names_the_source(extract: Extract) -> None:
    result = extract(
        "\u201cPrices will rise sharply next year,\u201d according to the Bank of England."
    )
    assert quotes(result) == [("Prices will rise sharply next year", "Bank of England")]
    assert result["quotes"][0]["verb"] == "according to"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Its president, Halima Danjuma, called the timetable \u201creckless and cruel\u201d.",
            "Halima Danjuma",
        ),
        (
            "Observers from the African Union said the vote was \u201cefficiently "
            "administered\u201d.",
            "African Union",
        ),
        (
            "Its water minister, Tesfaye Gebremariam, said Addis Ababa was "
            "\u201cready to address all reasonable concerns\u201d.",
            "Tesfaye Gebremariam",
        ),
    ],
)
def test_speaker_named_inside_the_subject(extract: Extract, text: str, speaker: str) -> None:
    assert quotes(extract(text))[0][1] == speaker


def test_speaker_after_a_long_apposition(extract: Extract) -> None:
    result = extract(
        "\u201cThis is a victory for international law,\u201d Bolivia\u2019s foreign minister, "
        "Rosario Mamani Quispe, said outside the court."
    )
    assert quotes(result)[0][1] == "Rosario Mamani Quispe"


def test_abbreviated_title_matches_the_written_out_one(extract: Extract) -> None:
    result = extract(
        "Sen. Brady Holcomb opposed the bill.\n\nSen. Margaret O\u2019Donnell helped write it. "
        '"We keep our word," the senator said.'
    )
    assert quotes(result) == [("We keep our word", "Margaret O\u2019Donnell")]


def test_verb_before_the_quote_that_governs_it(extract: Extract) -> None:
    result = extract(
        "Opposition leader Jana Winterfeld said the coalition had \u201ccut climate funds to "
        "pay for tanks\u201d and promised to fight the plan."
    )
    assert quotes(result) == [("cut climate funds to pay for tanks", "Jana Winterfeld")]


def test_speaker_named_after_a_verb_with_no_parsed_subject(extract: Extract) -> None:
    result = extract(
        "\"Some of the victims' parents died waiting,\" said the group's coordinator, "
        "Luiza Fernandes dos Santos."
    )
    assert quotes(result)[0][1] == "Luiza Fernandes dos Santos"


def test_speech_verb_in_an_earlier_paragraph_is_not_the_quote_s(extract: Extract) -> None:
    result = extract(
        "The council will also spend:\n\n- \u00a312m on repairing roads, adding jobs\n\n"
        "\u201cWe have lost a lot of funding since 2010,\u201d Fatima Rahman-Hughes said."
    )
    assert quotes(result)[0][1] == "Fatima Rahman-Hughes"


def test_short_quote_in_the_clause_of_an_attribution_verb(extract: Extract) -> None:
    result = extract(
        "Senator Maria Lopez slammed the budget deal as \u201creckless\u201d on Monday, and "
        "the committee watched the \u201cGolden Hour\u201d show."
    )
    assert quotes(result) == [("reckless", "Maria Lopez")]


def test_short_quote_in_reported_speech(extract: Extract) -> None:
    result = extract(
        "Governor Alan Pierce said on Tuesday that the new bridge was \u201ctoo costly\u201d."
    )
    assert quotes(result) == [("too costly", "Alan Pierce")]


def test_straight_opening_mark_closed_by_a_curly_one(extract: Extract) -> None:
    text = '"We are not going anywhere,\u201d said Ruth Okafor. "Nor are our members."'
    first, second = find_quoted(text)
    assert text[first.start : first.end] == "We are not going anywhere"
    assert text[second.start : second.end] == "Nor are our members."


def test_title_of_a_show_after_a_verb_of_saying_is_no_quotation(extract: Extract) -> None:
    result = extract(
        "Senator Robert Jensen said on CNN's \u201cMorning Call\u201d that he would run."
    )
    assert result["quotes"] == []
