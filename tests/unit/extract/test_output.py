"""Extraction across worker processes, spawned for it or started with the run, stores what one
process stores, in input order, and what `newsledger extract` prints less the body."""

from __future__ import annotations

import json

import pytest
from spacy.language import Language

from orchestration.core.resources import Workers
from orchestration.core.workers import available_cores, spawn_pool, started_workers
from orchestration.extract.chunks import WORKER_START_UP, ArticleText, StoredRecord, stored_chunks
from orchestration.extract.output import extraction_record
from tests.unit.extract.conftest import corpus_texts


def in_chunks(texts: list[ArticleText], size: int = 8) -> list[list[ArticleText]]:
    return [texts[start : start + size] for start in range(0, len(texts), size)]


def test_two_workers_store_the_records_of_one_process_in_order(nlp: Language) -> None:
    texts = corpus_texts()
    alone = [r for records in stored_chunks(in_chunks(texts), nlp=nlp) for r in records]
    pool = spawn_pool(2, WORKER_START_UP)
    try:
        shared = [r for records in stored_chunks(in_chunks(texts), pool) for r in records]
    finally:
        pool.executor.shutdown()
    assert [r.article_id for r in shared] == [t.article_id for t in texts]
    assert shared == alone
    assert sum(r.summary["entities"] for r in alone) > 100


def test_a_stored_record_is_the_extraction_json_without_the_body(nlp: Language) -> None:
    texts = corpus_texts()[:4]
    [stored] = stored_chunks([texts], nlp=nlp)
    for text, record in zip(texts, stored, strict=True):
        full = extraction_record(nlp, text)
        assert full["article"].pop("body") == text.body
        assert json.loads(record.payload) == full
        assert (record.extractor_version, record.model) == (
            full["extractor"]["version"],
            full["extractor"]["model"],
        )
        assert record.summary["quotes"] == len(full["quotes"])


@pytest.mark.skipif(available_cores() < 2, reason="workers are started only beside a core")
def test_the_run_workers_serve_every_stage_until_the_run_ends(nlp: Language) -> None:
    texts = corpus_texts()[:8]
    alone: list[StoredRecord] = [r for chunk in stored_chunks([texts], nlp=nlp) for r in chunk]
    with started_workers(WORKER_START_UP) as started:
        workers = Workers(started)
        with workers.pool(WORKER_START_UP, 1) as pool:
            assert pool is started is not None
            first = [r for chunk in stored_chunks([texts], pool) for r in chunk]
        with workers.pool(WORKER_START_UP, 1) as pool:
            second = [r for chunk in stored_chunks([texts], pool) for r in chunk]
        assert workers.shared() is started
    assert first == second == alone
    assert workers.shared() is None
    with pytest.raises(RuntimeError, match="shutdown"):
        started.executor.submit(int)


def test_without_run_workers_a_stage_starts_its_own_only_for_enough_work() -> None:
    workers = Workers()
    with workers.pool(WORKER_START_UP, 1) as pool:
        assert pool is None
    with workers.pool(WORKER_START_UP, 2) as pool:
        if available_cores() >= 2:
            assert pool is not None and pool.processes == 2
            assert pool.start_up == WORKER_START_UP
    if pool is not None:
        with pytest.raises(RuntimeError, match="shutdown"):
            pool.executor.submit(int)


def test_run_workers_nobody_used_are_shut_down_on_leaving() -> None:
    with started_workers(WORKER_START_UP) as started:
        pass
    if started is not None:
        with pytest.raises(RuntimeError, match="shutdown"):
            started.executor.submit(int)
