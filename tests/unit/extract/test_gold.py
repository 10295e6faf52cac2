"""Every article with gold annotations, extracted as `newsledger extract` does, against its gold:
all the required items found (recall) and nothing the gold does not list (precision), with the
attributes the gold gives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from orchestration.extract.output import extraction_record
from orchestration.ingest.readers import read_path
from tests.gold import Tally, article_path, gold_files, load_gold, metadata_differences, score

GOLD = [path.stem for path in gold_files()]
KINDS = ["entities", "figures", "dates", "quotes"]
Extracted = tuple[dict[str, Any], dict[str, Any]]


@pytest.fixture(scope="module", params=GOLD)
def extracted(request: pytest.FixtureRequest, nlp: Language) -> Extracted:
    """An article's gold, and its extraction record as `newsledger extract` prints it."""
    gold = load_gold(request.param)
    read = read_path(article_path(gold))
    assert not read.rejections
    [text] = read.articles
    record = extraction_record(nlp, text)
    return gold, record


@pytest.fixture(scope="module")
def scored(extracted: Extracted) -> dict[str, Tally]:
    return score(*extracted)


@pytest.mark.parametrize("kind", KINDS)
def test_every_required_item_is_found(scored: dict[str, Tally], kind: str) -> None:
    found = scored[kind]
    assert found.missed == [], str(found)
    assert found.found == found.required


@pytest.mark.parametrize("kind", KINDS)
def test_nothing_is_extracted_that_the_gold_does_not_list(
    scored: dict[str, Tally], kind: str
) -> None:
    found = scored[kind]
    assert found.extra == [], str(found)
    assert found.listed == found.extracted


@pytest.mark.parametrize("kind", KINDS)
def test_matched_items_have_the_gold_attributes(scored: dict[str, Tally], kind: str) -> None:
    """Entities: type, country and name mentions; figures: text, kind, unit, qualifier and,
    where the gold gives them, period, subject and object; dates: granularity; quotations:
    speaker."""
    found = scored[kind]
    assert found.wrong == [], str(found)


def test_published_date_and_dateline(extracted: Extracted) -> None:
    assert metadata_differences(*extracted) == []


def test_every_gold_file_names_a_shipped_article() -> None:
    assert GOLD, "no gold annotations shipped"
    for name in GOLD:
        gold = load_gold(name)
        assert Path(gold["article"]).stem == name
        assert article_path(gold).is_file(), name
