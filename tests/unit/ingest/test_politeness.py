"""Retry-After as RFC 9110 (10.2.3) defines it, and the pacing of requests to one host."""

from datetime import UTC, datetime

from orchestration.ingest.politeness import HostPacer, retry_after_seconds

NOW = datetime(2015, 10, 21, 7, 28, 0, tzinfo=UTC)


def test_retry_after_in_seconds() -> None:
    assert retry_after_seconds("120", NOW) == 120.0


def test_retry_after_as_an_http_date() -> None:
    # RFC 9110's own example date, 28 minutes after NOW.
    assert retry_after_seconds("Wed, 21 Oct 2015 07:56:00 GMT", NOW) == 28 * 60


def test_retry_after_in_the_past_or_unreadable() -> None:
    assert retry_after_seconds("Wed, 21 Oct 2015 07:00:00 GMT", NOW) == 0.0
    assert retry_after_seconds("soon", NOW) is None
    assert retry_after_seconds(None, NOW) is None


def test_a_host_waits_the_longer_of_the_interval_and_its_retry_after() -> None:
    pacer = HostPacer(interval_seconds=1.0)
    assert pacer.delay("example.org") == 0.0
    pacer.done("example.org")
    assert 0.9 < pacer.delay("example.org") <= 1.0
    assert pacer.delay("example.net") == 0.0, "each host has its own turn"
    pacer.defer("example.org", 60)
    pacer.done("example.org")
    assert 59 < pacer.delay("example.org") <= 60
