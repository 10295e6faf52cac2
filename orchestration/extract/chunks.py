"""Extracting articles a chunk at a time, in this process or in worker processes.

Results come back in input order and only a few chunks are held at a time, so memory does
not grow with the number of articles. This module does not import spaCy: when workers do
the extraction, the process that sends them articles never loads the model.
"""

import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from orchestration.workers import MAX_PROCESSES, WorkerPool, available_cores, ordered_results

if TYPE_CHECKING:
    from spacy.language import Language

# Articles per task sent to a worker. Small, so that the workers finish within a fraction of
# a second of each other: with 64, one of two cores sat idle for about a second at the end.
CHUNK_SIZE = 16
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


def with_article_fields(
    result: dict[str, Any], article_id: str, source: str, title: str | None, body: str
) -> dict[str, Any]:
    """Add the article's own fields to an extraction result."""
    article = {"id": article_id, "source": source, "title": title, "body": body}
    return {**result, "article": {**article, **result["article"]}}


def with_articles(
    articles: Sequence[ArticleText], results: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The records of `articles` from what extraction found in each."""
    return [
        with_article_fields(result, a.article_id, a.source, a.title, a.body)
        for a, result in zip(articles, results, strict=True)
    ]


def _results_in_worker(articles: Sequence[ArticleText]) -> list[dict[str, Any]]:
    # Imported in the worker, which has loaded the pipeline (orchestration.workers).
    from orchestration.extract.output import chunk_results

    return chunk_results(articles)


def extract_chunks(
    chunks: Iterable[Sequence[ArticleText]],
    pool: WorkerPool | None = None,
    nlp: "Language | None" = None,
) -> Iterator[list[dict[str, Any]]]:
    """The records of each chunk, in order: by the workers of `pool`, or with `nlp` (this
    process's loaded pipeline when None) when there is no pool.

    `chunks` is consumed lazily, at most a few chunks ahead of what the caller has received.
    A worker sends back only what it found, as the caller already holds the bodies.
    """
    if pool is None:
        from orchestration.extract.output import extract_chunk  # loads spaCy, in this process

        for chunk in chunks:
            yield extract_chunk(chunk, nlp)
        return
    for chunk, results in ordered_results(pool, _results_in_worker, chunks):
        yield with_articles(chunk, results)
