"""How often a fetch may ask one host: a fixed interval between requests, longer when the host
says so with `Retry-After`.

News crawlers (news-please, trafilatura, Media Cloud) space their requests to each host; a
pipeline that asks for two hundred pages of one site at once is indistinguishable from an
attack. The interval runs from the end of one request (its body read) to the start of the
next, so the host sees at least that much quiet between two of them, however slow it is.
"""

import email.utils
import time
from datetime import UTC, datetime


class HostPacer:
    """When each host may next be asked, over one run's fetches."""

    def __init__(self, interval_seconds: float) -> None:
        self.interval_seconds = interval_seconds
        self._next: dict[str, float] = {}

    def delay(self, host: str) -> float:
        """How many seconds to wait before asking `host` again (0: now)."""
        return max(0.0, self._next.get(host, 0.0) - time.monotonic())

    def done(self, host: str) -> None:
        """A request to `host` ended now: the next waits the interval, or longer when the
        host asked for longer (`defer`)."""
        spaced = time.monotonic() + self.interval_seconds
        self._next[host] = max(self._next.get(host, 0.0), spaced)

    def defer(self, host: str, seconds: float) -> None:
        """`host` asked not to be asked again for `seconds` (its Retry-After)."""
        later = time.monotonic() + seconds
        self._next[host] = max(self._next.get(host, 0.0), later)


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """The wait a `Retry-After` header asks for, in seconds: a whole number of seconds, or an
    HTTP date (RFC 9110, 10.2.3); None when the header is absent or is neither."""
    if value is None:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())
