"""Bounded HTTP fetching for feeds and the pages they link to.

Only http and https are followed; time, size and redirects are bounded, so a slow, huge or
looping server costs a rejection, not a stuck run.
"""

import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from orchestration.ingest.policy import IngestPolicy

ALLOWED_SCHEMES = ("http", "https")
USER_AGENT = "newsledger/0.1 (+https://example.invalid/newsledger)"


class FetchError(RuntimeError):
    """A fetch that failed; the message says why in words a person understands."""


@dataclass(frozen=True)
class Fetched:
    """A response body and the URL it finally came from."""

    url: str
    body: bytes
    content_type: str


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


_OPENER = urllib.request.build_opener(_NoRedirects)


def check_scheme(url: str) -> None:
    """Refuse anything but http and https (file:, ftp:, data: ...)."""
    scheme = urllib.parse.urlsplit(url).scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise FetchError(f"refused URL scheme {scheme or '(none)'!r}: only http and https")


def _read_bounded(response, limit: int) -> bytes:
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise FetchError(f"response too large: {declared} bytes (limit {limit})")
    body = response.read(limit + 1)
    if len(body) > limit:
        raise FetchError(f"response too large: over {limit} bytes")
    return body


def fetch(url: str, policy: IngestPolicy) -> Fetched:
    """GET `url`, following at most `policy.max_redirects` redirects, all within the bounds."""
    for _ in range(policy.max_redirects + 1):
        check_scheme(url)
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
        try:
            with _OPENER.open(request, timeout=policy.http_timeout_seconds) as response:
                body = _read_bounded(response, policy.max_bytes)
                return Fetched(url, body, response.headers.get("Content-Type", ""))
        except urllib.error.HTTPError as error:
            location = error.headers.get("Location") if 300 <= error.code < 400 else None
            if not location:
                raise FetchError(f"HTTP {error.code} {error.reason} from {url}") from error
            url = urllib.parse.urljoin(url, location)
        except TimeoutError as error:
            raise FetchError(
                f"timed out after {policy.http_timeout_seconds:.0f}s: {url}"
            ) from error
        except urllib.error.URLError as error:
            if isinstance(error.reason, TimeoutError):
                raise FetchError(
                    f"timed out after {policy.http_timeout_seconds:.0f}s: {url}"
                ) from error
            raise FetchError(f"cannot reach {url}: {error.reason}") from error
    raise FetchError(f"too many redirects (more than {policy.max_redirects}) from {url}")
