"""Entities: where a name starts and ends, and what its last word says about its type."""

from __future__ import annotations

from tests.unit.extract.conftest import Extract, entity


def mentions(result: dict) -> dict[str, str]:
    """Each mention's text with its entity's type."""
    return {m["text"]: e["type"] for e in result["entities"] for m in e["mentions"]}


def test_title_of_a_country_before_a_name_splits_into_place_and_person(
    extract: Extract,
) -> None:
    result = extract(
        "The President of Mongolia Ukhnaagiin Khurelsukh opened the new railway station "
        "on Tuesday and praised the builders for their work."
    )
    person = entity(result, "Ukhnaagiin Khurelsukh")
    assert (person["type"], person["country"], person["title"]) == ("PERSON", "MNG", "President")
    assert entity(result, "Mongolia")["type"] == "GPE"


def test_body_of_an_office_is_not_part_of_the_name(extract: Extract) -> None:
    result = extract(
        "The Chancellor of the Exchequer Rupert Hallworth presented the budget to parliament "
        "on Wednesday and promised lower taxes for small firms."
    )
    assert mentions(result).get("Rupert Hallworth") == "PERSON"
    assert not any("Exchequer" in text for text in mentions(result))


def test_residents_word_before_a_name_is_a_nationality(extract: Extract) -> None:
    result = extract(
        "Queenslander Callum Brightwater scored twice in the second half as the visitors "
        "won the match in front of a big crowd."
    )
    player = entity(result, "Callum Brightwater")
    assert (player["type"], player["country"]) == ("PERSON", "AUS")
    assert mentions(result).get("Queenslander") == "NORP"


def test_legal_form_or_business_word_makes_a_company(extract: Extract) -> None:
    result = extract(
        "The tanker's owner, Harumi Kisen Kaisha, hired Vanderloo Salvage to refloat the ship "
        "after it ran aground near the port on Sunday morning."
    )
    kinds = mentions(result)
    assert kinds.get("Harumi Kisen Kaisha") == "ORG"
    assert kinds.get("Vanderloo Salvage") == "ORG"


def test_name_ending_in_an_instrument_is_not_a_person(extract: Extract) -> None:
    result = extract(
        "Astronomers using the William Herschel Space Telescope found a distant galaxy, the "
        "agency said on Wednesday after a long review of the data."
    )
    assert "PERSON" not in mentions(result).values()


def test_name_with_a_number_is_no_law(extract: Extract) -> None:
    result = extract(
        "The telescope flew on Ariane 5 in 2021, the agency said. Engineers said the launch "
        "had gone exactly as planned."
    )
    assert mentions(result).get("Ariane 5") == "PRODUCT"


def test_hyphenated_pair_of_countries_is_two_places(extract: Extract) -> None:
    result = extract(
        "The Kenya-Somalia talks ended on Friday with an agreement on new rail links between "
        "the two countries and a plan for more trade."
    )
    kinds = mentions(result)
    assert kinds.get("Kenya") == "GPE" and kinds.get("Somalia") == "GPE"
    assert "Kenya-Somalia" not in kinds


def test_pair_of_countries_the_model_reads_as_one_name_is_split(extract: Extract) -> None:
    result = extract(
        "The ministers will meet again on Friday, and the results of the Kazakhstan-China "
        "talks are due to be published in May, officials in both capitals said on Monday."
    )
    kinds = mentions(result)
    assert kinds.get("Kazakhstan") == "GPE" and kinds.get("China") == "GPE"
    assert "Kazakhstan-China" not in kinds


def test_acronym_in_brackets_after_an_organisation_is_that_organisation(
    extract: Extract,
) -> None:
    result = extract(
        "Trading on the Singapore International Monetary Exchange (SIMEX) was closed on Monday."
    )
    assert mentions(result).get("SIMEX") == "ORG"


def test_name_before_shares_is_a_company(extract: Extract) -> None:
    result = extract(
        "Traders said Kelmore shares rose after the results. The fund bought Tallis shares "
        "last week."
    )
    kinds = mentions(result)
    assert kinds.get("Kelmore") == "ORG" and kinds.get("Tallis") == "ORG"
