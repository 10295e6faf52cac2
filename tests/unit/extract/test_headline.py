"""The headline is extracted too: its facts carry field "title" and offsets into the title,
the body's stay exactly as without a title, and an entity named in both is one entity."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from spacy.language import Language

from orchestration.extract.document import extract_article
from orchestration.extract.headline import in_title_case

BODY = (
    "Harbour authorities in Valparaiso said on Tuesday that the port would reopen after the "
    "storm. Chilean Transport Minister Rosa Medina told reporters that repairs had cost "
    "about $3 million so far, and that 40 ships were waiting offshore."
)
TITLE = "Medina says Valparaiso port to reopen after $12 million storm repairs on Friday"
PUBLISHED = dt.date(2025, 3, 4)


def items(record: dict[str, Any]) -> list[dict[str, Any]]:
    found = [m for e in record["entities"] for m in e["mentions"]]
    return found + record["figures"] + record["dates"] + record["quotes"]


def of_field(record: dict[str, Any], field: str) -> dict[str, list]:
    return {
        "mentions": sorted(
            (e["id"], m["start"], m["end"])
            for e in record["entities"]
            for m in e["mentions"]
            if m["field"] == field
        ),
        **{
            name: [i for i in record[name] if i["field"] == field]
            for name in ("figures", "dates", "quotes")
        },
    }


@pytest.fixture(scope="module")
def both(nlp: Language) -> tuple[dict[str, Any], dict[str, Any]]:
    """The article extracted with its title, and without."""
    titled = extract_article(nlp, BODY, title=TITLE, published_date=PUBLISHED)
    bare = extract_article(nlp, BODY, published_date=PUBLISHED)
    return titled, bare


def test_every_offset_indexes_its_field(both: tuple) -> None:
    titled, _ = both
    texts = {"title": TITLE, "body": BODY}
    for item in items(titled):
        assert texts[item["field"]][item["start"] : item["end"]] == item["text"], item
    assert {i["field"] for i in items(titled)} == {"title", "body"}


def test_a_figure_only_in_the_headline_is_extracted(both: tuple) -> None:
    titled, bare = both
    [money] = [f for f in titled["figures"] if f["field"] == "title"]
    assert (money["text"], money["value"], money["currency"]) == ("$12 million", 12e6, "USD")
    assert all(f["value"] != 12e6 for f in bare["figures"])


def test_a_headline_date_resolves_against_the_article_date(both: tuple) -> None:
    titled, _ = both
    [friday] = [d for d in titled["dates"] if d["field"] == "title"]
    assert (friday["text"], friday["value"]) == ("Friday", "2025-03-07")


def test_the_body_is_extracted_as_without_a_title(both: tuple) -> None:
    titled, bare = both
    assert of_field(titled, "body") == of_field(bare, "body")
    assert titled["article"] == bare["article"]


def test_an_entity_in_both_is_one_entity(both: tuple) -> None:
    titled, _ = both
    [medina] = [e for e in titled["entities"] if "Medina" in e["name"]]
    fields = [m["field"] for m in medina["mentions"]]
    assert fields[0] == "title" and "body" in fields
    assert medina["mentions"][0]["text"] == "Medina"
    [port] = [e for e in titled["entities"] if e["name"] == "Valpara\u00edso"]
    assert {m["field"] for m in port["mentions"]} == {"title", "body"}


def test_a_title_case_headline_adds_no_entity_of_its_own(nlp: Language) -> None:
    title = "Medina Says Port Will Reopen After Storm Batters Coastal Towns"
    record = extract_article(nlp, BODY, title=title, published_date=PUBLISHED)
    bare = extract_article(nlp, BODY, published_date=PUBLISHED)
    assert {e["id"] for e in record["entities"]} == {e["id"] for e in bare["entities"]}


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Markets Rally As Central Bank Holds Rates", True),
        ("Markets rally as central bank holds rates in Ankara", False),
    ],
)
def test_title_case(title: str, expected: bool) -> None:
    assert in_title_case(title) is expected


def test_the_headline_s_reading_of_a_name_gives_the_body_s_entity_no_alias(both: tuple) -> None:
    titled, _ = both
    [medina] = [e for e in titled["entities"] if "Medina" in e["name"]]
    assert "Madinah" not in medina["aliases"]
    assert all(e["name"] != "Madinah" for e in titled["entities"])


def test_a_name_and_colon_before_a_headline_quotation_is_its_speaker(nlp: Language) -> None:
    title = "Medina: \u201cThe port will reopen by the end of the week\u201d"
    record = extract_article(nlp, BODY, title=title, published_date=PUBLISHED)
    [quote] = [q for q in record["quotes"] if q["field"] == "title"]
    assert title[quote["start"] : quote["end"]] == quote["text"]
    assert quote["speaker"] == "Rosa Medina"
