"""The articles awaiting extraction, read from the warehouse and their records written back.

Articles are read and their records written back a few chunks at a time, each over a short
connection: memory stays flat however many articles are pending, and other processes get the
file between them. Records and failures are merged on article_id, so writing an article's
outcome twice leaves one row.
"""

from collections.abc import Iterator, Sequence

import pyarrow as pa

from orchestration.core.connection import transactions
from orchestration.core.resources import WarehouseResource
from orchestration.core.sql import read_sql
from orchestration.extract.chunks import CHUNK_SIZE, ArticleText, Outcome, StoredRecord
from orchestration.extract.failures import FailedExtraction
from orchestration.extract.pending import article_texts, articles_to_extract

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
    written, in the query's stable order. Given `article_ids`, only those of them still
    pending are read; given `limit`, at most that many articles, the first in that order.
    """

    def __init__(
        self,
        warehouse: WarehouseResource,
        article_ids: Sequence[str] | None = None,
        limit: int | None = None,
    ) -> None:
        self.warehouse = warehouse
        self.article_ids = article_ids
        self.limit = limit
        self.read = 0
        self.written = 0
        self.extracted = 0
        self.failed = 0
        self.unwritten: list[StoredRecord] = []
        self.unwritten_failures: list[FailedExtraction] = []

    def count(self) -> int:
        """How many articles are pending now (at most `limit`)."""
        with self.warehouse.connect(read_only=True) as con:
            pending = len(articles_to_extract(con, self.article_ids))
        return pending if self.limit is None else min(pending, self.limit)

    def chunks(self) -> Iterator[list[ArticleText]]:
        """The pending articles, CHUNK_SIZE at a time, read ARTICLES_PER_CONNECTION ahead, until
        `limit` of them have been read."""
        while (to_read := self.to_read()) > 0:
            with self.warehouse.connect(read_only=True) as con:
                ids = articles_to_extract(con, self.article_ids).limit(
                    to_read, offset=self.read - self.written
                )
                articles = article_texts(con, [article_id for (article_id,) in ids.fetchall()])
            if not articles:
                return
            self.read += len(articles)
            for start in range(0, len(articles), CHUNK_SIZE):
                yield articles[start : start + CHUNK_SIZE]

    def to_read(self) -> int:
        """How many articles the next read takes: ARTICLES_PER_CONNECTION, or fewer once near
        `limit`."""
        if self.limit is None:
            return ARTICLES_PER_CONNECTION
        return min(ARTICLES_PER_CONNECTION, self.limit - self.read)

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
