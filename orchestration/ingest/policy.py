"""Limits an input must meet to become an article, shared by files and feeds."""

from dataclasses import dataclass

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
DEFAULT_MIN_WORDS = 20


@dataclass(frozen=True)
class IngestPolicy:
    """Size and length limits, plus the bounds on every HTTP fetch."""

    max_bytes: int = DEFAULT_MAX_BYTES
    min_words: int = DEFAULT_MIN_WORDS
    http_timeout_seconds: float = 10.0
    max_redirects: int = 5


DEFAULT_POLICY = IngestPolicy()
