"""Extraction across worker processes gives what one process gives, in input order."""

from __future__ import annotations

from spacy.language import Language

from orchestration.extract.output import extract_chunks
from tests.unit.extract.conftest import corpus_texts


def test_two_workers_give_the_records_of_one_process_in_order(nlp: Language) -> None:
    texts = corpus_texts()
    chunks = [texts[start : start + 8] for start in range(0, len(texts), 8)]
    alone = [r for records in extract_chunks(chunks, 1, nlp) for r in records]
    shared = [r for records in extract_chunks(chunks, 2) for r in records]
    assert [r["article"]["id"] for r in shared] == [t.article_id for t in texts]
    assert shared == alone
    assert sum(len(r["entities"]) for r in alone) > 100
