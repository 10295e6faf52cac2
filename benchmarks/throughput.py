"""Wall time of bare spaCy and of newsledger's extraction over the same articles.

Both run in this process (and in worker processes when asked for more than one), with the
pipeline loaded and warmed up beforehand, so the difference is what our components and our
chunking cost on top of the model. Workers' start-up is part of the measured time: the
extraction asset pays it too.
"""

from collections.abc import Iterator, Sequence

from benchmarks.corpus import Article
from benchmarks.measure import Elapsed, Stopwatch
from orchestration.core.workers import spawn_pool
from orchestration.extract.chunks import CHUNK_SIZE, WORKER_START_UP, ArticleText, stored_chunks
from orchestration.extract.document import load_pipeline
from orchestration.extract.nlp import load_model

# Texts per nlp.pipe batch; small enough that two processes both get work on 500 articles.
BATCH_SIZE = 64
WARMUP_ARTICLES = 20


def article_texts(articles: Sequence[Article]) -> list[ArticleText]:
    """The generated articles as the extraction stage reads them from raw_articles."""
    return [ArticleText(a.slug, a.slug, a.title, a.body, a.published) for a in articles]


def count_tokens(articles: Sequence[Article]) -> int:
    """Total spaCy tokens in the articles' bodies: the unit of every throughput figure."""
    tokenizer = load_model().tokenizer
    return sum(len(tokenizer(a.body)) for a in articles)


def time_bare_spacy(articles: Sequence[Article], processes: int) -> Elapsed:
    """Seconds for `nlp.pipe` of the English model alone over every body."""
    nlp = load_model()
    bodies = [a.body for a in articles]
    for _ in nlp.pipe(bodies[:WARMUP_ARTICLES]):
        pass
    watch = Stopwatch()
    for _ in nlp.pipe(bodies, n_process=processes, batch_size=BATCH_SIZE):
        pass
    return watch.elapsed()


def _chunks(texts: list[ArticleText]) -> Iterator[list[ArticleText]]:
    for start in range(0, len(texts), CHUNK_SIZE):
        yield texts[start : start + CHUNK_SIZE]


def time_extraction(articles: Sequence[Article], processes: int) -> Elapsed:
    """Seconds for newsledger's extraction records of every article, as the asset makes them."""
    nlp = load_pipeline()
    texts = article_texts(articles)
    for _ in stored_chunks([texts[:WARMUP_ARTICLES]], nlp=nlp):
        pass
    watch = Stopwatch()
    pool = spawn_pool(processes, WORKER_START_UP) if processes > 1 else None
    for _ in stored_chunks(_chunks(texts), pool, nlp):
        pass
    if pool is not None:
        pool.executor.shutdown()  # inside the timing, as bare spaCy joins its workers
    return watch.elapsed()
