"""Bounded HTTP fetching for feeds and the pages they link to.

Only http and https are followed; time, size and redirects are bounded, so a slow, huge or
looping server costs a rejection, not a stuck run.

Time has two bounds. Each socket operation (connect, each read of the headers or body) waits
at most `http_timeout_seconds`; the whole fetch, redirects included, at most
`fetch_deadline_seconds`. A server that sends a byte a second never trips the first, so every
socket operation is given the smaller of the two: the per-operation timeout or the time left.
"""

import functools
import http.client
import io
import socket
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any

from orchestration.ingest.policy import IngestPolicy

ALLOWED_SCHEMES = ("http", "https")
USER_AGENT = "newsledger/0.1 (+https://example.invalid/newsledger)"
CHUNK_BYTES = 64 * 1024


class FetchError(RuntimeError):
    """A fetch that failed; the message says why in words a person understands."""


@dataclass(frozen=True)
class Fetched:
    """A response body and the URL it finally came from."""

    url: str
    body: bytes
    content_type: str


class Deadline:
    """The end of one fetch, and the socket timeouts that keep within it."""

    def __init__(self, seconds: float, operation_timeout: float) -> None:
        self.end = time.monotonic() + seconds
        self.operation_timeout = operation_timeout
        # Whether the next timeout is the deadline's, not the per-operation one.
        self.binding = False

    def socket_timeout(self) -> float:
        """The timeout for the next socket operation; TimeoutError once the deadline passed."""
        left = self.end - time.monotonic()
        self.binding = left <= self.operation_timeout
        if left <= 0:
            raise TimeoutError("fetch deadline passed")
        return min(self.operation_timeout, left)


class _DeadlineStream(io.RawIOBase):
    """A socket's incoming bytes, each read waiting no longer than the deadline allows."""

    def __init__(self, sock: socket.socket, deadline: Deadline) -> None:
        self._sock = sock
        self._stream = sock.makefile("rb", buffering=0)
        self._deadline = deadline

    def readable(self) -> bool:
        """Always: this is an input stream."""
        return True

    def readinto(self, buffer: Any) -> int | None:
        """Read into `buffer` from the socket, within the timeout the deadline leaves."""
        self._sock.settimeout(self._deadline.socket_timeout())
        return self._stream.readinto(buffer)

    def close(self) -> None:
        """Release the socket stream."""
        self._stream.close()
        super().close()


class _DeadlineResponse(http.client.HTTPResponse):
    """A response whose status line, headers and body are all read within the deadline."""

    def __init__(self, sock: socket.socket, *args: Any, deadline: Deadline, **kwargs: Any) -> None:
        super().__init__(sock, *args, **kwargs)
        self.fp.close()
        self.fp = io.BufferedReader(_DeadlineStream(sock, deadline))


class _DeadlineConnection(http.client.HTTPConnection):
    """A connection that connects and reads within `deadline`."""

    def __init__(self, *args: Any, deadline: Deadline, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._deadline = deadline
        self.response_class = functools.partial(_DeadlineResponse, deadline=deadline)

    def connect(self) -> None:
        """Connect (and for https, shake hands) within the deadline."""
        self.timeout = self._deadline.socket_timeout()
        super().connect()


class _DeadlineTLSConnection(_DeadlineConnection, http.client.HTTPSConnection):
    """The https form of `_DeadlineConnection`."""


class _Request(urllib.request.Request):
    def __init__(self, url: str, deadline: Deadline) -> None:
        super().__init__(url, headers={"User-Agent": USER_AGENT})
        self.deadline = deadline


class _HTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req: _Request) -> http.client.HTTPResponse:
        return self.do_open(_DeadlineConnection, req, deadline=req.deadline)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req: _Request) -> http.client.HTTPResponse:
        return self.do_open(_DeadlineTLSConnection, req, deadline=req.deadline, context=_TLS)


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


_TLS = ssl.create_default_context()
_OPENER = urllib.request.build_opener(_HTTPHandler, _HTTPSHandler, _NoRedirects)


def check_scheme(url: str) -> None:
    """Refuse anything but http and https (file:, ftp:, data: ...)."""
    scheme = urllib.parse.urlsplit(url).scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise FetchError(f"refused URL scheme {scheme or '(none)'!r}: only http and https")


def _read_bounded(response: http.client.HTTPResponse, limit: int) -> bytes:
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise FetchError(f"response too large: {declared} bytes (limit {limit})")
    chunks, size = [], 0
    while chunk := response.read(CHUNK_BYTES):
        size += len(chunk)
        if size > limit:
            raise FetchError(f"response too large: over {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _timed_out(url: str, deadline: Deadline, policy: IngestPolicy) -> FetchError:
    if deadline.binding:
        return FetchError(f"fetch exceeded its {policy.fetch_deadline_seconds:g} s deadline: {url}")
    return FetchError(f"timed out after {policy.http_timeout_seconds:g}s: {url}")


def fetch(url: str, policy: IngestPolicy) -> Fetched:
    """GET `url`, following at most `policy.max_redirects` redirects, all within the bounds."""
    deadline = Deadline(policy.fetch_deadline_seconds, policy.http_timeout_seconds)
    for _ in range(policy.max_redirects + 1):
        check_scheme(url)
        try:
            with _OPENER.open(_Request(url, deadline)) as response:
                body = _read_bounded(response, policy.max_bytes)
                return Fetched(url, body, response.headers.get("Content-Type", ""))
        except urllib.error.HTTPError as error:
            location = error.headers.get("Location") if 300 <= error.code < 400 else None
            if not location:
                raise FetchError(f"HTTP {error.code} {error.reason} from {url}") from error
            url = urllib.parse.urljoin(url, location)
        except TimeoutError as error:
            raise _timed_out(url, deadline, policy) from error
        except urllib.error.URLError as error:
            if isinstance(error.reason, TimeoutError):
                raise _timed_out(url, deadline, policy) from error
            raise FetchError(f"cannot reach {url}: {error.reason}") from error
        except (http.client.HTTPException, OSError) as error:
            raise FetchError(f"broken response from {url}: {error!r}") from error
    raise FetchError(f"too many redirects (more than {policy.max_redirects}) from {url}")
