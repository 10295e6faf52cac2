"""Dagster resources: the DuckDB warehouse, the spaCy pipeline and the input settings."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import dagster as dg
import duckdb
from pydantic import Field

from orchestration.ingest import policy as limits
from orchestration.ingest.feeds import Feed, load_feeds
from orchestration.ingest.policy import IngestPolicy
from orchestration.quality.quarantine import DEFAULT_MAX_FAILURE_SHARE
from orchestration.settings import (
    DEFAULT_SOURCES,
    DEFAULT_WAREHOUSE,
    FEEDS_FILE,
    INBOX_DIR,
    QUALITY_DOCS_DIR,
)
from orchestration.warehouse.connection import connect

if TYPE_CHECKING:
    from spacy.language import Language


class WarehouseResource(dg.ConfigurableResource):
    """The DuckDB file that holds raw articles, staging frames and the star schema."""

    path: str = str(DEFAULT_WAREHOUSE)
    lock_wait_seconds: float = 120.0

    @contextmanager
    def connect(self, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        """A short-lived connection, closed even when the body raises."""
        with connect(Path(self.path), read_only, self.lock_wait_seconds) as con:
            yield con


class NlpResource(dg.ConfigurableResource):
    """The spaCy pipeline with newsledger's components, loaded once per process."""

    def pipeline(self) -> "Language":
        """Return the loaded pipeline (spaCy is imported here, by the process that uses it)."""
        from orchestration.extract.document import load_pipeline

        return load_pipeline()


class SourcesResource(dg.ConfigurableResource):
    """Where articles come from (folders, inbox, feeds file) and the limits they must meet."""

    folders: list[str] = Field(default_factory=lambda: [str(p) for p in DEFAULT_SOURCES])
    inbox: str = str(INBOX_DIR)
    feeds_file: str = str(FEEDS_FILE)
    max_bytes: int = limits.DEFAULT_MAX_BYTES
    min_words: int = limits.DEFAULT_MIN_WORDS
    max_words: int = limits.DEFAULT_MAX_WORDS
    max_front_matter_bytes: int = limits.DEFAULT_MAX_FRONT_MATTER_BYTES
    earliest_published: str = limits.DEFAULT_EARLIEST_PUBLISHED.isoformat()
    published_days_ahead: int = limits.DEFAULT_PUBLISHED_DAYS_AHEAD
    http_timeout_seconds: float = limits.DEFAULT_HTTP_TIMEOUT_SECONDS
    fetch_deadline_seconds: float = limits.DEFAULT_FETCH_DEADLINE_SECONDS
    max_redirects: int = limits.DEFAULT_MAX_REDIRECTS
    max_entries_per_feed: int = limits.DEFAULT_MAX_ENTRIES_PER_FEED

    def policy(self) -> IngestPolicy:
        """The limits as a plain value for the readers."""
        return IngestPolicy(
            max_bytes=self.max_bytes,
            min_words=self.min_words,
            max_words=self.max_words,
            max_front_matter_bytes=self.max_front_matter_bytes,
            earliest_published=date.fromisoformat(self.earliest_published),
            published_days_ahead=self.published_days_ahead,
            http_timeout_seconds=self.http_timeout_seconds,
            fetch_deadline_seconds=self.fetch_deadline_seconds,
            max_redirects=self.max_redirects,
            max_entries_per_feed=self.max_entries_per_feed,
        )

    def feeds(self) -> list[Feed]:
        """The configured feeds."""
        return load_feeds(Path(self.feeds_file))


class QualityResource(dg.ConfigurableResource):
    """Where Great Expectations writes its Data Docs, and when failures stop being local.

    Articles whose rows fail error-level expectations are quarantined while their share of
    the batch stays at or under `max_failure_share`; above it the whole load is blocked.
    """

    docs_dir: str = str(QUALITY_DOCS_DIR)
    max_failure_share: float = DEFAULT_MAX_FAILURE_SHARE
