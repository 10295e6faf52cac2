"""Entity types and identities settled by the words around a name, names completed past the
model's span, and spans that are not names at all."""

from __future__ import annotations

import pytest
from spacy.language import Language

from orchestration.extract.cues import apposition, apposition_type
from orchestration.extract.pipeline import STEPS
from tests.unit.extract.conftest import Extract, entity


def named(result: dict, kind: str) -> set[str]:
    return {e["name"] for e in result["entities"] if e["type"] == kind}


def test_dateline_region_and_agency(extract: Extract) -> None:
    result = extract("SANTIAGO, Chile (AP) \u2014 Rescuers reached the miners on Saturday.")
    chile = entity(result, "Chile")
    assert (chile["type"], chile["country"]) == ("GPE", "CHL")
    assert entity(result, "AP")["type"] == "ORG"
    assert entity(result, "AP")["country"] is None


def test_agency_in_the_head_is_an_organisation(extract: Extract) -> None:
    result = extract("ASTANA. KAZINFORM \u2013 Kazakhstan exported more grain, the ministry said.")
    assert entity(result, "KAZINFORM")["type"] == "ORG"


def test_all_capital_lines_give_no_names(extract: Extract) -> None:
    result = extract(
        "Rescuers drilled through the rock on Saturday.\n\nFAMILIES WAIT\n\n"
        "About 200 relatives have set up tents near the mine."
    )
    assert result["entities"] == []


def test_country_in_a_currency_name_is_no_mention(extract: Extract) -> None:
    result = extract("The government appealed for 350 million US dollars in aid.")
    assert "United States" not in named(result, "GPE")


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        (
            "\u201cWe are full,\u201d said Dr Anjali Mehrotra, head of emergency medicine.",
            "Anjali Mehrotra",
            "PERSON",
        ),
        ("South Africa\u2019s state power utility Eskom warned of blackouts.", "Eskom", "ORG"),
        ("Anouk de Vries, a 36-year-old nurse, shares a flat.", "Anouk de Vries", "PERSON"),
        (
            "Bolivia\u2019s foreign minister, Rosario Mamani Quispe, spoke.",
            "Rosario Mamani Quispe",
            "PERSON",
        ),
        (
            "Kazakhstan Temir Zholy (KTZ), the railway, added wagons.",
            "Kazakhstan Temir Zholy",
            "ORG",
        ),
        ("Shares rose, according to estimates compiled by LSEG.", "LSEG", "ORG"),
        ("Rescuers in Chile worked at the Santa Teresa mine.", "Santa Teresa", "FAC"),
        ("The minister came from the town of Bega on Tuesday.", "Bega", "GPE"),
    ],
)
def test_type_from_the_words_around(extract: Extract, text: str, name: str, kind: str) -> None:
    assert entity(extract(text), name)["type"] == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Mazhilis, the lower house of parliament, met.", "ORG"),
        ("Gavi, the Vaccine Alliance, sent doses.", "ORG"),
        ("Vanua Levu, the second-largest island, lost beaches.", "GPE"),
        ("Park Ji-hoon, an analyst at Mirae Securities, said so.", "PERSON"),
        ("Oberl\u00e4nder, 49, told reporters.", "PERSON"),
    ],
)
def test_apposition_type(nlp: Language, text: str, kind: str) -> None:
    doc = nlp(text)
    comma = next(t.i for t in doc if t.text == ",")
    cues = next(s for s in STEPS if s.factory == "newsledger_retype_by_cues")
    assert apposition_type(apposition(doc, comma, cues.config["max_apposition"])) == kind


def test_name_followed_by_the_subject_of_a_new_clause_keeps_its_type(extract: Extract) -> None:
    result = extract(
        "United signed Borussia Dortmund striker Lukas Hoffmann-Reyes, the club announced."
    )
    assert entity(result, "Lukas Hoffmann-Reyes")["type"] == "PERSON"


def test_region_noun_makes_a_place_but_no_city_link(extract: Extract) -> None:
    result = extract("The storm will hit Cagayan province first, officials said.")
    cagayan = entity(result, "Cagayan")
    assert (cagayan["type"], cagayan["geonames_id"]) == ("GPE", None)


def test_lone_word_that_is_a_capital_is_a_place(extract: Extract) -> None:
    result = extract("The fund has urged Abuja to press ahead with the reform.")
    abuja = entity(result, "Abuja")
    assert (abuja["type"], abuja["country"]) == ("GPE", "NGA")


def test_small_town_abroad_is_not_linked(extract: Extract) -> None:
    result = extract(
        "Toronto transit workers may strike. Ontario's labour minister said the province would act."
    )
    assert entity(result, "Ontario")["country"] is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The alliance, led by Lu\u00eds Miguel Barros da Silva, won.",
            "Lu\u00eds Miguel Barros da Silva",
        ),
        (
            "\u201cWe will be back,\u201d said Jos\u00e9 Luis Quispe Mamani.",
            "Jos\u00e9 Luis Quispe Mamani",
        ),
        ("Council member Jan-Willem ter Horst called it a mistake.", "Jan-Willem ter Horst"),
        ("\u201cIt hurts,\u201d said Mehmet Y\u0131lmaz, a taxi driver.", "Mehmet Y\u0131lmaz"),
    ],
)
def test_names_completed_past_the_model(extract: Extract, text: str, name: str) -> None:
    assert entity(extract(text), name)["type"] == "PERSON"


@pytest.mark.parametrize(
    ("text", "name", "short"),
    [
        (
            "Ximena L\u00f3pez de la Garza won. L\u00f3pez de la Garza thanked voters.",
            "Ximena L\u00f3pez de la Garza",
            "L\u00f3pez de la Garza",
        ),
        (
            "Prime Minister Han Seung-woo met Japan\u2019s leader. Han said it went well.",
            "Han Seung-woo",
            "Han",
        ),
    ],
)
def test_short_forms_of_names_fold(extract: Extract, text: str, name: str, short: str) -> None:
    person = entity(extract(text), name)
    assert person["type"] == "PERSON"
    assert short in [m["text"] for m in person["mentions"]][1:]


def test_first_word_of_an_organisation_is_that_organisation(extract: Extract) -> None:
    result = extract(
        "Hanseong Semiconductor Co. said profit rose. Analysts said Hanseong had closed the gap."
    )
    firm = entity(result, "Hanseong Semiconductor Co.")
    assert [m["text"] for m in firm["mentions"]] == ["Hanseong Semiconductor Co.", "Hanseong"]


def test_last_words_of_an_organisation_fold_into_it(extract: Extract) -> None:
    result = extract(
        "Leaders want seats on the United Nations Security Council. The Security Council "
        "has 15 members."
    )
    assert len(entity(result, "United Nations Security Council")["mentions"]) == 2


def test_country_name_is_no_nationality(extract: Extract) -> None:
    result = extract("A typhoon neared the northern Philippines on Tuesday.")
    philippines = entity(result, "Philippines")
    assert (philippines["type"], philippines["country"]) == ("GPE", "PHL")


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("BRUSSELS \u2014 EU Trade Commissioner Henrik Lindqvist spoke.", "Henrik Lindqvist", None),
        ("CAIRO \u2014 Foreign Minister Ahmed El-Masry spoke.", "Ahmed El-Masry", "EGY"),
        (
            "RIYADH \u2014 United Arab Emirates Energy Minister Suhail Hamdan spoke.",
            "Suhail Hamdan",
            "ARE",
        ),
    ],
)
def test_country_of_office_holders(extract: Extract, text: str, name: str, country: str) -> None:
    assert entity(extract(text), name)["country"] == country


def test_organisation_country_through_a_descriptor(extract: Extract) -> None:
    result = extract("The round was led by Singapore\u2019s state investor GIC, Indian firms said.")
    assert entity(result, "GIC")["country"] == "SGP"


def test_first_word_of_a_title_is_no_organisation(extract: Extract) -> None:
    result = extract("Finance Minister Adebayo Okonkwo-Bello spoke in Lagos.")
    assert named(result, "ORG") == set()


def test_a_name_written_with_a_common_given_name_is_a_person(extract: Extract) -> None:
    result = extract(
        "In an interview, Fox News host Sean Hannity said that he had voted early. "
        "Shares of Georgia Power fell."
    )
    assert named(result, "PERSON") == {"Sean Hannity"}
    assert {"Fox News", "Georgia Power"} <= named(result, "ORG")


def test_an_untagged_name_opening_with_a_common_given_name(extract: Extract) -> None:
    result = extract(
        "The demographic interplay has been important - Philip Bump: "
        "\u201cTwo weeks ago, the polls were wrong.\u201d"
    )
    assert named(result, "PERSON") == {"Philip Bump"}
    assert [q["speaker"] for q in result["quotes"]] == ["Philip Bump"]
