"""`newsledger extract` over a corpus of 50 varied articles: every record well formed, and the
behaviour a reader of the output relies on holding on specific articles."""

from __future__ import annotations

import json
import math
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pycountry
import pytest

from orchestration.extract.schema import (
    RECORD_LISTS,
    DateRef,
    Entity,
    Figure,
    duckdb_structure,
    vocabulary,
)

CORPUS = Path(__file__).parents[1] / "fixtures" / "corpus"
NEWSLEDGER = Path(sys.executable).parent / "newsledger"

# The value sets of the record's fields, from its declaration.
FIGURE_KINDS = set(vocabulary(Figure, "kind"))
QUALIFIERS = {None, *vocabulary(Figure, "qualifier")}
GRANULARITIES = set(vocabulary(DateRef, "granularity"))
ENTITY_TYPES = set(vocabulary(Entity, "type"))
# What a JSON value of each DuckDB type the declaration gives is in Python.
JSON_TYPES = {"VARCHAR": str, "BIGINT": int, "DOUBLE": int | float, "BOOLEAN": bool}
DATE_VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
CURRENCIES = {currency.alpha_3 for currency in pycountry.currencies}
COUNTRIES = {country.alpha_3 for country in pycountry.countries}

Record = dict[str, Any]


@pytest.fixture(scope="module")
def run() -> subprocess.CompletedProcess[str]:
    """One `newsledger extract` run over the whole corpus."""
    return subprocess.run(
        [str(NEWSLEDGER), "extract", str(CORPUS), "--format", "jsonl"],
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip


@pytest.fixture(scope="module")
def records(run: subprocess.CompletedProcess[str]) -> dict[str, Record]:
    """The extraction records, by article file name."""
    assert run.returncode == 0, run.stderr
    found = [json.loads(line) for line in run.stdout.splitlines() if line.strip()]
    return {Path(r["article"]["source"]).name: r for r in found}


def spans(record: Record) -> list[dict[str, Any]]:
    """Every item of a record that points into the body."""
    mentions = [m for e in record["entities"] for m in e["mentions"]]
    return mentions + record["figures"] + record["dates"] + record["quotes"]


def entity(record: Record, name: str) -> dict[str, Any]:
    """The entity of a record with this canonical name."""
    found = [e for e in record["entities"] if e["name"] == name]
    assert found, f"{name} not in {[e['name'] for e in record['entities']]}"
    return found[0]


def speakers(record: Record) -> dict[str, str | None]:
    """Quotation text to speaker."""
    return {q["text"]: q["speaker"] for q in record["quotes"]}


def test_every_article_is_extracted(
    run: subprocess.CompletedProcess[str], records: dict[str, Record]
) -> None:
    assert run.returncode == 0
    assert len(run.stdout.splitlines()) == 50
    assert len(records) == 50 == len(list(CORPUS.iterdir()))


def conforms(value: Any, structure: Any) -> bool:
    """Whether a JSON value has the declared structure (see schema.duckdb_structure); any
    value may be null."""
    if value is None:
        return True
    if isinstance(structure, list):
        return isinstance(value, list) and all(conforms(v, structure[0]) for v in value)
    if isinstance(structure, dict):
        return (
            isinstance(value, dict)
            and value.keys() == structure.keys()
            and all(conforms(value[k], t) for k, t in structure.items())
        )
    return isinstance(value, JSON_TYPES[structure]) and not (
        isinstance(value, bool) and structure != "BOOLEAN"
    )


def test_every_record_has_the_declared_fields_and_types(records: dict[str, Record]) -> None:
    for name, record in records.items():
        for key, declared in RECORD_LISTS.items():
            structure = duckdb_structure(declared)
            for item in record[key]:
                assert conforms(item, structure), (name, key, item)


def test_offsets_slice_the_text_of_their_field(records: dict[str, Record]) -> None:
    for name, record in records.items():
        texts = {"title": record["article"]["title"], "body": record["article"]["body"]}
        for item in spans(record):
            assert texts[item["field"]][item["start"] : item["end"]] == item["text"], (name, item)


def test_entities_are_well_formed(records: dict[str, Record]) -> None:
    for name, record in records.items():
        for found in record["entities"]:
            assert found["type"] in ENTITY_TYPES, (name, found["name"])
            assert found["country"] is None or found["country"] in COUNTRIES, (name, found)
            assert found["mentions"], (name, found["name"])


def test_figures_are_well_formed(records: dict[str, Record]) -> None:
    for name, record in records.items():
        for figure in record["figures"]:
            value = figure["value"]
            assert isinstance(value, int | float) and not isinstance(value, bool), (name, figure)
            assert math.isfinite(value), (name, figure)
            assert figure["kind"] in FIGURE_KINDS, (name, figure)
            assert figure["qualifier"] in QUALIFIERS, (name, figure)
            if figure["kind"] == "money":
                assert figure["currency"] in CURRENCIES, (name, figure)
                assert figure["unit"] == figure["currency"], (name, figure)
            else:
                assert figure["currency"] is None, (name, figure)


def test_dates_are_well_formed(records: dict[str, Record]) -> None:
    for name, record in records.items():
        dated = record["article"]["published_date"] is not None
        for date in record["dates"]:
            if date["value"] is None:
                assert not dated and date["granularity"] is None, (name, date)
                continue
            assert DATE_VALUE.match(date["value"]), (name, date)
            assert date["granularity"] in GRANULARITIES, (name, date)


def test_speakers_are_entities_of_the_article(records: dict[str, Record]) -> None:
    for name, record in records.items():
        names = {e["name"] for e in record["entities"]}
        for quote in record["quotes"]:
            assert quote["speaker"] is None or quote["speaker"] in names, (name, quote)


def test_guillemet_quotes_and_their_speakers(records: dict[str, Record]) -> None:
    said = speakers(records["astana-snap-election.txt"])
    calm = "The election was held in a calm atmosphere and in full compliance with the law"
    assert said[calm] == "Serik Zhanibekov"
    level = [text for text in said if text.startswith("We saw a more competitive campaign")]
    assert [said[text] for text in level] == ["Margriet van Leeuwen"]


def test_euro_amounts(records: dict[str, Record]) -> None:
    money = [f for f in records["berlin-coalition-budget.txt"]["figures"] if f["kind"] == "money"]
    assert {(f["text"], f["value"], f["currency"]) for f in money} >= {
        ("\u20ac488 billion", 488e9, "EUR"),
        ("about \u20ac1.2bn", 1.2e9, "EUR"),
    }


def test_json_article_keeps_its_published_date(records: dict[str, Record]) -> None:
    article = records["nairobi-drought-appeal.json"]["article"]
    assert (article["published_date"], article["published_date_source"]) == ("2024-02-14", "given")
    assert article["title"].startswith("Kenya appeals")


def test_article_with_no_names_has_no_named_entities(records: dict[str, Record]) -> None:
    record = records["riverbank-cleanup-no-entities.txt"]
    assert {e["type"] for e in record["entities"]} & {"PERSON", "ORG", "GPE"} == set()
    assert all(q["speaker"] is None for q in record["quotes"])


def test_ages_and_years_are_not_figures(records: dict[str, Record]) -> None:
    ages = re.compile(r"\b\w+-year-old\b|\b\d+ years old\b")
    for name in (
        "sydney-bushfire.txt",
        "chile-mine-collapse-caps.txt",
        "amsterdam-housing-waiting-list.txt",
    ):
        record = records[name]
        found = [m.start() for m in ages.finditer(record["article"]["body"])]
        assert found, name
        for figure in record["figures"]:
            assert not any(figure["start"] <= at < figure["end"] for at in found), (name, figure)
            assert not 1900 <= figure["value"] <= 2100, (name, figure)


def test_capitals_crossheads_give_no_entities(records: dict[str, Record]) -> None:
    record = records["chile-mine-collapse-caps.txt"]
    mentioned = {m["text"] for e in record["entities"] for m in e["mentions"]}
    assert not mentioned & {"WHAT WE KNOW", "WAIT", "FAMILIES", "FAMILIES WAIT"}
    assert entity(record, "Chile")["type"] == "GPE"


def test_no_break_spaces_inside_figures(records: dict[str, Record]) -> None:
    figures = records["hague-icj-canal-unicode.txt"]["figures"]
    values = {(f["kind"], f["value"], f["currency"]) for f in figures}
    assert {("count", 120000.0, None), ("money", 410e6, "USD"), ("percent", 30.0, None)} <= values


def test_quotation_running_over_paragraphs_keeps_its_speaker(records: dict[str, Record]) -> None:
    said = speakers(records["addis-ababa-au-summit.txt"])
    parts = [text for text in said if text.startswith(("For eighty years", "We are not asking"))]
    assert len(parts) == 2
    assert {said[text] for text in parts} == {"Ibrahima Sall-Kamara"}


def test_article_without_dateline_or_date(records: dict[str, Record]) -> None:
    record = records["auckland-battery-research.txt"]
    assert record["article"]["dateline"] is None
    assert record["article"]["published_date"] is None
    assert record["dates"] == []
    money = {(f["value"], f["currency"]) for f in record["figures"] if f["kind"] == "money"}
    assert money == {(40.0, "NZD"), (150.0, "NZD")}


def test_compact_pounds_in_bullet_lists(records: dict[str, Record]) -> None:
    figures = records["leeds-council-budget-bullets.txt"]["figures"]
    money = {f["value"] for f in figures if f["kind"] == "money" and f["currency"] == "GBP"}
    assert {3.2e6, 12e6, 5.5e6, 2e6, 28.4e6} <= money


def test_currency_named_by_the_article_country(records: dict[str, Record]) -> None:
    figures = records["dubai-airline-results.json"]["figures"]
    dirhams = [f for f in figures if f["text"].endswith("dirhams")]
    assert [f["currency"] for f in dirhams] == ["AED"]
    cairo = records["cairo-nile-dam-talks.txt"]
    assert "United States" not in {e["name"] for e in cairo["entities"]}
