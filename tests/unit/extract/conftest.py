"""Shared fixtures: one loaded pipeline for the whole test run."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from orchestration.extract.chunks import ArticleText
from orchestration.extract.document import extract_article, load_pipeline

FIXTURES = Path(__file__).parents[2] / "fixtures" / "extract"
CORPUS = Path(__file__).parents[2] / "fixtures" / "corpus"

Extract = Callable[..., dict[str, Any]]


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The full extraction pipeline, loaded once."""
    return load_pipeline()


@pytest.fixture(scope="session")
def extract(nlp: Language) -> Extract:
    """Extract a text, checking that every offset slices the body to the item's text."""

    def run(body: str, published_date: dt.date | None = None) -> dict[str, Any]:
        result = extract_article(nlp, body, published_date=published_date)
        assert_offsets(body, result)
        return result

    return run


def corpus_texts() -> list[ArticleText]:
    """The shipped corpus of real articles, as the extraction stage reads them."""
    texts = []
    for path in sorted(CORPUS.iterdir()):
        raw = path.read_text(encoding="utf-8")
        body = json.loads(raw)["body"] if path.suffix == ".json" else raw
        texts.append(ArticleText(path.stem, str(path), None, body, None))
    return texts


def assert_offsets(body: str, result: dict[str, Any]) -> None:
    """Every mention, figure, date, quotation, theme and count indexes `body` exactly."""
    items = [m for e in result["entities"] for m in e["mentions"]]
    items += result["figures"] + result["dates"] + result["quotes"] + result["themes"]
    items += result["counts"]
    for item in items:
        assert body[item["start"] : item["end"]] == item["text"], item


def entity(result: dict[str, Any], name: str) -> dict[str, Any]:
    """The entity with this canonical name."""
    found = [e for e in result["entities"] if e["name"] == name]
    assert found, f"{name} not in {[e['name'] for e in result['entities']]}"
    return found[0]


def figures(result: dict[str, Any], kind: str | None = None) -> list[dict[str, Any]]:
    """Figures of one kind (all when None)."""
    return [f for f in result["figures"] if kind is None or f["kind"] == kind]
