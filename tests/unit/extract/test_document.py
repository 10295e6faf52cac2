"""The public entry point: contract shape, offsets, and the seed article against its gold."""

from __future__ import annotations

import datetime as dt
import gc
import json
import weakref

import pytest
from spacy.language import Language

from orchestration.extract.document import (
    EXTRACTOR_VERSION,
    doc_record,
    extract_article,
    prepare_doc,
)
from tests.gold import load_gold
from tests.unit.extract.conftest import FIXTURES, Extract, entity

SEED = "tokayev-visits-south-korea"
ENTITY_KEYS = {
    "id",
    "name",
    "type",
    "country",
    "title",
    "lat",
    "lon",
    "geonames_id",
    "aliases",
    "mentions",
}
FIGURE_KEYS = {
    "start",
    "end",
    "text",
    "kind",
    "value",
    "unit",
    "currency",
    "qualifier",
    "period",
    "subject_entity_id",
    "object_entity_id",
    "sentence",
    "low",
    "high",
    "field",
}


@pytest.fixture(scope="module")
def seed(extract: Extract) -> dict:
    return extract((FIXTURES / f"{SEED}.txt").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def gold() -> dict:
    return load_gold(SEED)


def test_contract_shape(seed: dict) -> None:
    assert set(seed) == {
        "article", "entities", "figures", "dates", "quotes", "extractor", "sentence_tones",
        "themes", "counts",
    }  # fmt: skip
    assert set(seed["article"]) == {
        "published_date",
        "published_date_source",
        "dateline",
        "dateline_entity_id",
        "agency",
        "tone",
        "positive_score",
        "negative_score",
        "polarity",
        "activity_density",
        "self_group_density",
        "word_count",
        "gcam_vader_words",
        "gcam_vader_valence",
    }
    assert all(set(e) == ENTITY_KEYS for e in seed["entities"])
    assert all(set(f) == FIGURE_KEYS for f in seed["figures"])
    assert all(
        set(t) == {"theme", "start", "end", "text", "sentence", "field"} for t in seed["themes"]
    )
    assert seed["extractor"]["version"] == EXTRACTOR_VERSION
    assert seed["extractor"]["model"].startswith("en_core_web_sm")
    json.dumps(seed)


@pytest.mark.parametrize(
    "name", ["treasury-borrowing", "ebrd-delegation", "climate-plan", "moscow-summit", SEED]
)
def test_offsets_slice_the_body(extract: Extract, name: str) -> None:
    extract((FIXTURES / f"{name}.txt").read_text(encoding="utf-8"))


def test_seed_metadata(seed: dict) -> None:
    assert seed["article"]["published_date"] == "2021-08-16"
    assert seed["article"]["published_date_source"] == "inferred"
    assert seed["article"]["dateline"] == "Astana"
    assert seed["article"]["agency"] == "Akorda press service"


def test_seed_entities_match_gold(seed: dict, gold: dict) -> None:
    for expected in gold["entities"]:
        if expected.get("optional"):
            continue
        names = [expected["canonical"], *expected.get("accept", [])]
        found = [e for e in seed["entities"] if e["name"] in names]
        assert len(found) == 1, expected["canonical"]
        assert len(found[0]["mentions"]) == expected["name_mentions"], expected["canonical"]
        assert found[0]["country"] == expected.get("country", found[0]["country"])


def test_seed_figures_match_gold(seed: dict, gold: dict) -> None:
    got = sorted((f["kind"], f["value"], f["unit"]) for f in seed["figures"])
    for expected in gold["figures"]:
        assert (expected["kind"], float(expected["value"]), expected["unit"]) in got


def test_seed_dates_match_gold(seed: dict, gold: dict) -> None:
    got = [(d["text"], d["value"]) for d in seed["dates"]]
    assert sorted(got) == sorted((d["text"], d["value"]) for d in gold["dates"])


def test_seed_quotes_match_gold(seed: dict, gold: dict) -> None:
    for expected in gold["quotes"]:
        (quote,) = [q for q in seed["quotes"] if q["text"].startswith(expected["starts_with"])]
        assert quote["speaker"] == expected["speaker"]
        assert quote["speaker_entity_id"] == entity(seed, expected["speaker"])["id"]


def test_given_date_is_used(extract: Extract) -> None:
    result = extract("Last year, trade grew.", published_date=dt.date(2010, 1, 5))
    assert result["article"]["published_date"] == "2010-01-05"
    assert result["article"]["published_date_source"] == "given"
    assert result["dates"][0]["value"] == "2009"


@pytest.mark.parametrize("body", ["", "   \n", "\u201cunclosed", "$", "Hello."])
def test_degenerate_bodies(extract: Extract, body: str) -> None:
    result = extract(body)
    assert result["entities"] == [] and result["quotes"] == []


def test_title_is_searched_for_a_date(nlp: Language) -> None:
    result = extract_article(nlp, "Last year, trade grew.", title="Talks open on Friday, March 3")
    assert result["article"]["published_date"] == "2023-03-03"
    [body] = [d for d in result["dates"] if d["field"] == "body"]
    assert body["value"] == "2022"


def test_a_processed_doc_is_freed_as_soon_as_it_is_dropped(nlp: Language) -> None:
    """No reference cycle keeps a doc (and the model's arrays it holds) alive until a full
    garbage collection: over thousands of articles such docs piled up in the workers."""
    body = (FIXTURES / f"{SEED}.txt").read_text(encoding="utf-8")
    gc.disable()
    try:
        doc = nlp(prepare_doc(nlp, body))
        doc_record(nlp, doc)
        dropped = weakref.ref(doc)
        del doc
        assert dropped() is None
    finally:
        gc.enable()
