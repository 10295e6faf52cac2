"""Entities: a person's or organisation's country comes from what the article says of it."""

from __future__ import annotations

from tests.unit.extract.conftest import Extract, entity


def test_head_of_an_organisation_takes_no_country_from_its_seat(extract: Extract) -> None:
    result = extract(
        "FRANKFURT, Germany - The head of the European Central Bank, Mario Draghi, said on "
        "Thursday that inflation would stay low. President Draghi told reporters the bank was "
        "ready to act."
    )
    assert entity(result, "Mario Draghi")["country"] is None


def test_head_of_an_acronym_named_body_takes_no_country_from_the_dateline(
    extract: Extract,
) -> None:
    result = extract(
        "NAIROBI, Kenya - Finance ministers met in the city on Monday. ECB President Mario "
        "Draghi told them that rates in the euro area would stay low for a long time."
    )
    assert entity(result, "Mario Draghi")["country"] is None


def test_nationality_before_a_descriptor_belongs_to_that_name_only(extract: Extract) -> None:
    result = extract(
        "The salvage firms Boskalis and Vanderloo Salvage were hired on Tuesday, while the "
        "Japanese owner Harumi Kisen Kaisha said it would pay for the work."
    )
    assert entity(result, "Boskalis")["country"] is None
    assert entity(result, "Harumi Kisen Kaisha")["country"] == "JPN"


def test_title_of_a_country_set_off_by_a_comma_gives_the_country(extract: Extract) -> None:
    result = extract(
        "SEOUL - The President of Tajikistan, Emomali Rahmon, thanked his hosts on Monday for "
        "the talks. Tajikistan's prime minister, Kokhir Rasulzoda, stayed at home."
    )
    assert entity(result, "Emomali Rahmon")["country"] == "TJK"
    assert entity(result, "Kokhir Rasulzoda")["country"] == "TJK"


def test_nationality_right_before_a_name_gives_the_country(extract: Extract) -> None:
    result = extract("Slovenian Matej Kovacic won the stage on Sunday ahead of two riders.")
    assert entity(result, "Matej Kovacic")["country"] == "SVN"
