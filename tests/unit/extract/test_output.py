"""Extraction across worker processes, spawned for it or ahead of it, gives what one process
gives, in input order."""

from __future__ import annotations

import pytest
from spacy.language import Language

from orchestration.extract.output import extract_chunks
from orchestration.extract.workers import (
    available_cores,
    prestarted_pool,
    spawn_pool,
    take_prestarted,
)
from tests.unit.extract.conftest import corpus_texts


def test_two_workers_give_the_records_of_one_process_in_order(nlp: Language) -> None:
    texts = corpus_texts()
    chunks = [texts[start : start + 8] for start in range(0, len(texts), 8)]
    alone = [r for records in extract_chunks(chunks, nlp=nlp) for r in records]
    shared = [r for records in extract_chunks(chunks, spawn_pool(2)) for r in records]
    assert [r["article"]["id"] for r in shared] == [t.article_id for t in texts]
    assert shared == alone
    assert sum(len(r["entities"]) for r in alone) > 100


@pytest.mark.skipif(available_cores() < 2, reason="a worker is started ahead only beside a core")
def test_a_prestarted_worker_is_taken_once_and_gives_the_records_of_one_process(
    nlp: Language,
) -> None:
    texts = corpus_texts()[:8]
    alone = [r for records in extract_chunks([texts], nlp=nlp) for r in records]
    with prestarted_pool() as started:
        taken = take_prestarted()
        assert taken is started is not None
        assert take_prestarted() is None
        records = [r for chunk in extract_chunks([texts], taken) for r in chunk]
    assert records == alone


def test_a_prestarted_pool_nobody_took_is_shut_down_on_leaving() -> None:
    with prestarted_pool() as started:
        pass
    assert take_prestarted() is None
    if started is not None:
        with pytest.raises(RuntimeError, match="shutdown"):
            started.executor.submit(int)
