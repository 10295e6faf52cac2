"""Extraction across worker processes, spawned for it or started with the run, gives what one
process gives, in input order."""

from __future__ import annotations

import pytest
from spacy.language import Language

from orchestration.extract.chunks import extract_chunks
from orchestration.workers import available_cores, run_pool, run_workers, spawn_pool
from tests.unit.extract.conftest import corpus_texts


def test_two_workers_give_the_records_of_one_process_in_order(nlp: Language) -> None:
    texts = corpus_texts()
    chunks = [texts[start : start + 8] for start in range(0, len(texts), 8)]
    alone = [r for records in extract_chunks(chunks, nlp=nlp) for r in records]
    pool = spawn_pool(2)
    try:
        shared = [r for records in extract_chunks(chunks, pool) for r in records]
    finally:
        pool.executor.shutdown()
    assert [r["article"]["id"] for r in shared] == [t.article_id for t in texts]
    assert shared == alone
    assert sum(len(r["entities"]) for r in alone) > 100


@pytest.mark.skipif(available_cores() < 2, reason="workers are started only beside a core")
def test_the_run_workers_serve_every_stage_until_the_run_ends(nlp: Language) -> None:
    texts = corpus_texts()[:8]
    alone = [r for records in extract_chunks([texts], nlp=nlp) for r in records]
    with run_workers() as started:
        assert run_pool() is started is not None
        first = [r for chunk in extract_chunks([texts], run_pool()) for r in chunk]
        second = [r for chunk in extract_chunks([texts], run_pool()) for r in chunk]
    assert first == second == alone
    assert run_pool() is None
    with pytest.raises(RuntimeError, match="shutdown"):
        started.executor.submit(int)


def test_run_workers_nobody_used_are_shut_down_on_leaving() -> None:
    with run_workers() as started:
        pass
    assert run_pool() is None
    if started is not None:
        with pytest.raises(RuntimeError, match="shutdown"):
            started.executor.submit(int)
