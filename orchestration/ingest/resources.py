"""The ingest stage's resource: where articles come from and the limits they must meet."""

from dataclasses import replace
from datetime import date
from pathlib import Path

import dagster as dg
from pydantic import Field

from orchestration.core.settings import DEFAULT_SOURCES, FEEDS_FILE, INBOX_DIR
from orchestration.ingest import policy as limits
from orchestration.ingest.feeds_file import Feed, FeedsFile, read_feeds_file
from orchestration.ingest.policy import IngestPolicy


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
    allow_private_networks: bool = False
    obey_robots_txt: bool = True
    host_interval_seconds: float = limits.DEFAULT_HOST_INTERVAL_SECONDS
    contact_url: str = limits.DEFAULT_CONTACT_URL

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
            allow_private_networks=self.allow_private_networks,
            obey_robots_txt=self.obey_robots_txt,
            host_interval_seconds=self.host_interval_seconds,
            contact_url=self.contact_url,
        )

    def feeds_config(self) -> FeedsFile:
        """The feeds file's feeds and settings; FeedsFileError says what is wrong with it."""
        return read_feeds_file(Path(self.feeds_file))

    def feeds(self) -> list[Feed]:
        """The configured feeds."""
        return self.feeds_config().feeds

    def feed_policy(self, config: FeedsFile) -> IngestPolicy:
        """The limits for polling feeds: these, with the settings the feeds file gives instead."""
        return replace(self.policy(), **config.settings)
