"""Limits an input must meet to become an article, shared by files and feeds."""

from dataclasses import dataclass
from datetime import date, timedelta

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
DEFAULT_MIN_WORDS = 20
DEFAULT_MAX_WORDS = 200_000
DEFAULT_MAX_FRONT_MATTER_BYTES = 64 * 1024
DEFAULT_EARLIEST_PUBLISHED = date(1800, 1, 1)
DEFAULT_PUBLISHED_DAYS_AHEAD = 2
DEFAULT_HTTP_TIMEOUT_SECONDS = 10.0
DEFAULT_FETCH_DEADLINE_SECONDS = 30.0
DEFAULT_MAX_REDIRECTS = 5
DEFAULT_MAX_ENTRIES_PER_FEED = 200
# Politeness: at least this long between the end of one request to a host and the start of the
# next (one request a second, as news crawlers such as news-please default to), and where the
# User-Agent says whom to contact about the crawler; an operator should name their own.
DEFAULT_HOST_INTERVAL_SECONDS = 1.0
DEFAULT_CONTACT_URL = "https://example.invalid/newsledger"


@dataclass(frozen=True)
class IngestPolicy:
    """Size, length and date limits, plus the bounds on every HTTP fetch.

    `http_timeout_seconds` bounds each socket operation; `fetch_deadline_seconds` bounds a whole
    fetch (connect, headers and body together), so a server that trickles bytes cannot hold it.
    A publication date before `earliest_published` or more than `published_days_ahead` days
    after today is not stored.

    A fetch connects only to public addresses unless `allow_private_networks` (see addresses);
    it waits `host_interval_seconds` between requests to one host, obeys robots.txt for article
    pages when `obey_robots_txt`, and names `contact_url` in its User-Agent.
    """

    max_bytes: int = DEFAULT_MAX_BYTES
    min_words: int = DEFAULT_MIN_WORDS
    max_words: int = DEFAULT_MAX_WORDS
    max_front_matter_bytes: int = DEFAULT_MAX_FRONT_MATTER_BYTES
    earliest_published: date = DEFAULT_EARLIEST_PUBLISHED
    published_days_ahead: int = DEFAULT_PUBLISHED_DAYS_AHEAD
    http_timeout_seconds: float = DEFAULT_HTTP_TIMEOUT_SECONDS
    fetch_deadline_seconds: float = DEFAULT_FETCH_DEADLINE_SECONDS
    max_redirects: int = DEFAULT_MAX_REDIRECTS
    max_entries_per_feed: int = DEFAULT_MAX_ENTRIES_PER_FEED
    allow_private_networks: bool = False
    obey_robots_txt: bool = True
    host_interval_seconds: float = DEFAULT_HOST_INTERVAL_SECONDS
    contact_url: str = DEFAULT_CONTACT_URL

    def latest_published(self, today: date | None = None) -> date:
        """The latest publication date accepted, counted from `today` (the current date)."""
        return (today or date.today()) + timedelta(days=self.published_days_ahead)


DEFAULT_POLICY = IngestPolicy()
