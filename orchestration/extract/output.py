"""The extraction JSON of articles: printed by `newsledger extract`, stored in extractions.

Many articles are extracted chunk by chunk, in this process or in a pool of worker processes
that each load the pipeline once; either way results come back in input order and only a few
chunks are held at a time, so memory does not grow with the number of articles.
"""

import gc
import math
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import date
from typing import Any

from spacy.language import Language

from orchestration.extract.document import (
    doc_record,
    extract_article,
    load_pipeline,
    prepare_doc,
)
from orchestration.extract.geo import gazetteer
from orchestration.extract.workers import MAX_PROCESSES, WorkerPool, available_cores

# Articles per task sent to a worker. Small, so that the workers finish within a fraction of
# a second of each other: with 64, one of two cores sat idle for about a second at the end.
CHUNK_SIZE = 16
# Docs per nlp.pipe batch. The model's working memory grows with the batch: 16 keeps a
# worker near 430 MB where 64 takes it past 700 MB, at the same speed.
PIPE_BATCH_SIZE = 16
# Chunks queued per worker: enough to keep every worker busy, few enough to bound memory.
CHUNKS_IN_FLIGHT_PER_WORKER = 2
# Below this many articles one process is faster: a worker takes about two seconds to start.
PARALLEL_MIN_ARTICLES = 100


@dataclass(frozen=True)
class ArticleText:
    """What extraction needs of a stored article."""

    article_id: str
    source: str
    title: str | None
    body: str
    published_date: date | None


def process_count(pending: int) -> int:
    """How many processes extract `pending` articles: one per core when there is enough work."""
    if pending < PARALLEL_MIN_ARTICLES:
        return 1
    return max(1, min(available_cores(), MAX_PROCESSES, math.ceil(pending / CHUNK_SIZE)))


def extraction_record(
    nlp: Language,
    *,
    article_id: str,
    source: str,
    body: str,
    title: str | None,
    published_date: date | None,
) -> dict[str, Any]:
    """Extract one article and shape the result as DESIGN's extraction JSON."""
    result = extract_article(nlp, body, title=title, published_date=published_date)
    return with_article_fields(result, article_id, source, title, body)


def with_article_fields(
    result: dict[str, Any], article_id: str, source: str, title: str | None, body: str
) -> dict[str, Any]:
    """Add the article's own fields to an extraction result."""
    article = {"id": article_id, "source": source, "title": title, "body": body}
    return {**result, "article": {**article, **result["article"]}}


def extract_chunk(
    articles: Sequence[ArticleText], nlp: Language | None = None
) -> list[dict[str, Any]]:
    """The extraction records of `articles`, with `nlp` or this process's loaded pipeline."""
    return _with_articles(articles, _chunk_results(articles, nlp))


def _chunk_results(
    articles: Sequence[ArticleText], nlp: Language | None = None
) -> list[dict[str, Any]]:
    """What extraction found in each article, without the article's own fields: a worker
    sends back only this, as the caller already holds the bodies."""
    nlp = nlp or load_pipeline()
    prepared = (
        prepare_doc(nlp, a.body, title=a.title, published_date=a.published_date) for a in articles
    )
    docs = nlp.pipe(prepared, batch_size=PIPE_BATCH_SIZE)
    return [doc_record(nlp, doc) for doc in docs]


def _with_articles(
    articles: Sequence[ArticleText], results: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    return [
        with_article_fields(result, a.article_id, a.source, a.title, a.body)
        for a, result in zip(articles, results, strict=True)
    ]


def load_worker_state() -> None:
    """Load what extraction uses, then exempt it from garbage collection: the model and the
    gazetteer live as long as the worker, and every full collection would walk them again."""
    load_pipeline()
    gazetteer()
    gc.freeze()


def extract_chunks(
    chunks: Iterable[Sequence[ArticleText]],
    pool: WorkerPool | None = None,
    nlp: Language | None = None,
) -> Iterator[list[dict[str, Any]]]:
    """The records of each chunk, in order: in this process, or by the workers of `pool`,
    which is shut down once the chunks are done.

    `chunks` is consumed lazily, at most a few chunks ahead of what the caller has received.
    """
    if pool is None:
        for chunk in chunks:
            yield extract_chunk(chunk, nlp)
        return
    pending: deque[tuple[Sequence[ArticleText], Future[list[dict[str, Any]]]]] = deque()
    with pool.executor as executor:
        try:
            for chunk in chunks:
                pending.append((chunk, executor.submit(_chunk_results, chunk)))
                if len(pending) >= pool.processes * CHUNKS_IN_FLIGHT_PER_WORKER:
                    done, future = pending.popleft()
                    yield _with_articles(done, future.result())
            while pending:
                done, future = pending.popleft()
                yield _with_articles(done, future.result())
        finally:
            for _, future in pending:
                future.cancel()
