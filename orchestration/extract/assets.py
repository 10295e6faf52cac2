"""Extract stage: run the spaCy pipeline over articles not yet extracted by this version.

Articles are read and their records written back a few chunks at a time, each over a short
connection: memory stays flat however many articles are pending, and other readers get the file
between them. With enough articles the chunks are spread over one worker process per core.
"""

from collections.abc import Iterator
from typing import Any

import dagster as dg
import pyarrow as pa

from orchestration.core.connection import transactions
from orchestration.core.previews import PREVIEW_ROWS, preview_markdown
from orchestration.core.resources import WarehouseResource, Workers
from orchestration.core.settings import DUCKDB_POOL
from orchestration.core.sql import read_sql
from orchestration.extract.chunks import (
    CHUNK_SIZE,
    WORKER_START_UP,
    ArticleText,
    Outcome,
    StoredRecord,
    process_count,
    stored_chunks,
)
from orchestration.extract.failures import FailedExtraction
from orchestration.extract.pending import articles_to_extract
from orchestration.extract.resources import NlpResource
from orchestration.extract.version import EXTRACTOR_VERSION

# Articles read, or records written, per connection to the warehouse.
ARTICLES_PER_CONNECTION = 512
# The columns of new_extractions, which load/merge_into_extractions.sql reads.
STORED_COLUMNS = ("article_id", "extractor_version", "model", "payload")
# The columns of new_failures, which load/merge_into_failed_extractions.sql reads.
FAILURE_COLUMNS = ("article_id", "extractor_version", "error_class", "error_message")


class PendingArticles:
    """The articles awaiting extraction, read and written back a few chunks at a time.

    Each read and each write opens its own short connection, so other processes get the file
    between them; several chunks go per connection, as opening and closing one (a checkpoint)
    costs more than the rows it moves. Writing an article's record, or its failure, takes it
    out of the pending query, so the next read starts after the articles read but not yet
    written, in the query's stable order.
    """

    def __init__(self, warehouse: WarehouseResource) -> None:
        self.warehouse = warehouse
        self.read = 0
        self.written = 0
        self.extracted = 0
        self.failed = 0
        self.unwritten: list[StoredRecord] = []
        self.unwritten_failures: list[FailedExtraction] = []

    def count(self) -> int:
        """How many articles are pending now."""
        with self.warehouse.connect(read_only=True) as con:
            return len(articles_to_extract(con))

    def chunks(self) -> Iterator[list[ArticleText]]:
        """The pending articles, CHUNK_SIZE at a time, read ARTICLES_PER_CONNECTION ahead."""
        while True:
            with self.warehouse.connect(read_only=True) as con:
                rows = articles_to_extract(con).limit(
                    ARTICLES_PER_CONNECTION, offset=self.read - self.written
                )
                articles = [ArticleText(*row) for row in rows.fetchall()]
            if not articles:
                return
            self.read += len(articles)
            for start in range(0, len(articles), CHUNK_SIZE):
                yield articles[start : start + CHUNK_SIZE]

    def write(self, outcomes: list[Outcome]) -> None:
        """Queue a chunk's records and failures; store them once ARTICLES_PER_CONNECTION are
        queued."""
        for outcome in outcomes:
            if isinstance(outcome, FailedExtraction):
                self.unwritten_failures.append(outcome)
            else:
                self.unwritten.append(outcome)
        if len(self.unwritten) + len(self.unwritten_failures) >= ARTICLES_PER_CONNECTION:
            self.flush()

    def flush(self) -> None:
        """Store the queued records in extractions and the failures in failed_extractions,
        each with one bulk insert."""
        if not self.unwritten and not self.unwritten_failures:
            return
        merges = []
        with self.warehouse.connect() as con:
            for name, queued, columns, merge in (
                ("new_extractions", self.unwritten, STORED_COLUMNS, "extractions"),
                ("new_failures", self.unwritten_failures, FAILURE_COLUMNS, "failed_extractions"),
            ):
                if queued:
                    rows = pa.table({c: [getattr(r, c) for r in queued] for c in columns})
                    con.register(name, rows)
                    merges.append(read_sql(f"load/merge_into_{merge}.sql"))
            # Extraction steps on several machines write at once to a lake: a conflicting
            # write is tried again.
            for attempt in transactions(con):
                with attempt:
                    for merge in merges:
                        con.execute(merge)
        self.extracted += len(self.unwritten)
        self.failed += len(self.unwritten_failures)
        self.written += len(self.unwritten) + len(self.unwritten_failures)
        self.unwritten = []
        self.unwritten_failures = []


@dg.asset(
    deps=["raw_articles"],
    group_name="extract",
    kinds={"spacy", "duckdb"},
    pool=DUCKDB_POOL,
)
def extractions(
    context: dg.AssetExecutionContext,
    warehouse: WarehouseResource,
    nlp: NlpResource,
    workers: dg.ResourceParam[Workers],
) -> dg.MaterializeResult:
    """Entities, figures, dates and quotations of articles not yet extracted by this version.

    An article whose extraction raises, or whose worker dies, is recorded in
    failed_extractions with its error instead, and logged as a warning; the others go on.
    """
    pending = PendingArticles(warehouse)
    total = pending.count()
    preview: list[dict[str, Any]] = []
    failures: list[dict[str, Any]] = []
    # The run's workers are used whatever the number: they have loaded the model already.
    # Otherwise workers start only when there is enough work to repay their start-up.
    with workers.pool(WORKER_START_UP, process_count(total)) as pool:
        context.log.info(
            f"extracting {total} articles "
            + (f"with up to {pool.processes} worker processes" if pool else "in this process")
        )
        pipeline = nlp.pipeline() if pool is None and total else None
        for outcomes in stored_chunks(pending.chunks(), pool, pipeline):
            pending.write(outcomes)
            for outcome in outcomes:
                if isinstance(outcome, FailedExtraction):
                    context.log.warning(
                        f"extraction failed on article {outcome.article_id}: {outcome.summary}"
                    )
                    if len(failures) < PREVIEW_ROWS:
                        failures.append({"article": outcome.article_id, "error": outcome.summary})
                elif len(preview) < PREVIEW_ROWS:
                    preview.append(outcome.summary)
    pending.flush()
    context.log.info(
        f"extracted {pending.extracted} articles with extractor {EXTRACTOR_VERSION}"
        f"; {pending.failed} failed"
    )
    return dg.MaterializeResult(
        metadata={
            "articles_extracted": pending.extracted,
            "extraction_failures": pending.failed,
            "extractor_version": EXTRACTOR_VERSION,
            "preview": dg.MetadataValue.md(preview_markdown(preview, pending.extracted)),
            "failures": dg.MetadataValue.md(preview_markdown(failures, pending.failed, "failures")),
        }
    )
