"""Extracting articles a chunk at a time, in this process or in worker processes.

Results come back in input order and only a few chunks are held at a time, so memory does
not grow with the number of articles. This module does not import spaCy: when workers do
the extraction, the process that sends them articles never loads the model.
"""

import json
import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from orchestration.core.workers import MAX_PROCESSES, WorkerPool, available_cores
from orchestration.extract.article_text import ArticleText
from orchestration.extract.failures import FailedExtraction, failure
from orchestration.extract.worker_chunks import WorkerChunks

if TYPE_CHECKING:
    from spacy.language import Language

# Articles per task sent to a worker. Small, so that the workers finish within a fraction of
# a second of each other: with 64, one of two cores sat idle for about a second at the end.
CHUNK_SIZE = 16
# Below this many articles one process is faster: a worker takes about two seconds to start.
PARALLEL_MIN_ARTICLES = 100
# What a worker loads before its first article: the pipeline and the gazetteer.
WORKER_START_UP = "orchestration.extract.output:load_worker_state"


def process_count(pending: int) -> int:
    """How many processes extract `pending` articles: one per core when there is enough work."""
    if pending < PARALLEL_MIN_ARTICLES:
        return 1
    return max(1, min(available_cores(), MAX_PROCESSES, math.ceil(pending / CHUNK_SIZE)))


@dataclass(frozen=True)
class StoredRecord:
    """An article's extraction record as the extractions table stores it, and the counts the
    asset previews. The payload is the extraction JSON without the body, which raw_articles
    holds: workers build it, so the process that stores it only passes text along."""

    article_id: str
    extractor_version: str
    model: str
    payload: str
    summary: dict[str, Any]


# What extracting an article gives: its record to store, or its failure.
Outcome = StoredRecord | FailedExtraction


def failed_article(article: ArticleText, error: BaseException) -> Outcome:
    """The failure of `article`, whose extraction raised `error`."""
    return failure(article.article_id, error)


def stored_records(
    articles: Sequence[ArticleText], results: Sequence["dict[str, Any] | FailedExtraction"]
) -> list[Outcome]:
    """The stored form of each article's extraction `results` (see output.chunk_outcomes);
    failures pass through."""
    stored: list[Outcome] = []
    for a, result in zip(articles, results, strict=True):
        if isinstance(result, FailedExtraction):
            stored.append(result)
            continue
        article = {"id": a.article_id, "source": a.source, "title": a.title, **result["article"]}
        stored.append(
            StoredRecord(
                article_id=a.article_id,
                extractor_version=result["extractor"]["version"],
                model=result["extractor"]["model"],
                payload=json.dumps({**result, "article": article}),
                summary={
                    "source": a.source,
                    "published": article.get("published_date"),
                    "entities": len(result["entities"]),
                    "mentions": sum(len(e["mentions"]) for e in result["entities"]),
                    "figures": len(result["figures"]),
                    "dates": len(result["dates"]),
                    "quotes": len(result["quotes"]),
                    "language": article.get("language"),
                },
            )
        )
    return stored


def stored_outcomes(
    articles: Sequence[ArticleText], nlp: "Language | None" = None
) -> list[Outcome]:
    """The stored record or the failure of each article, extracted with `nlp` (this process's
    loaded pipeline when None). In a worker, spaCy is loaded already (WORKER_START_UP);
    elsewhere this loads it."""
    from orchestration.extract.output import chunk_outcomes

    return stored_records(articles, chunk_outcomes(articles, nlp))


def stored_chunks(
    chunks: Iterable[Sequence[ArticleText]],
    pool: WorkerPool | None = None,
    nlp: "Language | None" = None,
) -> Iterator[list[Outcome]]:
    """The stored records of each chunk, in order, or the failures of the articles that could
    not be extracted: made by the workers of `pool`, or with `nlp` (this process's loaded
    pipeline when None) when there is no pool.

    No article stops the others: see `output.chunk_outcomes` for an article that raises, and
    `WorkerChunks` for one whose worker dies. `chunks` is consumed lazily, at most a few
    chunks ahead of what the caller has received.
    """
    if pool is None:
        for chunk in chunks:
            yield stored_outcomes(chunk, nlp)
        return
    with WorkerChunks(pool, stored_outcomes, failed_article) as workers:
        yield from workers.outcomes(chunks)
