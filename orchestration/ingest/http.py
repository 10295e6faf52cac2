"""Bounded, safe and polite HTTP fetching for feeds and the pages they link to, with httpx.

Only http and https are followed; time, size and redirects are bounded, so a slow, huge or
looping server costs a rejection, not a stuck run. Redirects are followed here, one hop at a
time, so that each target is checked like the first URL.

Each hop's host is resolved and checked by the address policy (addresses.py) before anything
is sent, and the connection goes to the addresses that were checked: httpx's connection pool
connects through PinnedBackend, which looks each host up once per fetch and connects to that
answer only. The URL keeps its host name, so the Host header, TLS SNI and the certificate
check are the name's. Proxies from the environment are not used: a proxy would resolve the
name again, beyond the check.

Time has two bounds. Each socket operation (connect, each read of the headers or body) waits
at most `http_timeout_seconds`; the whole fetch, redirects, waits for the host and retries
included, at most `fetch_deadline_seconds`. A server that sends a byte a second never trips the
first, so every socket operation is given the smaller of the two: the per-operation timeout or
the time left.

Politeness: requests to one host are spaced by a HostPacer; a 429 or 503 answer with
`Retry-After` is retried after that wait when it fits in the deadline; conditional requests
(ETag, Last-Modified) let an unchanged feed answer 304 with no body.
"""

import functools
import socket
import ssl
import time
import urllib.parse
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import httpcore
import httpx

from orchestration.ingest.addresses import AddressRefused, IPAddress, checked_addresses
from orchestration.ingest.policy import IngestPolicy
from orchestration.ingest.politeness import HostPacer, retry_after_seconds

ALLOWED_SCHEMES = ("http", "https")
PRODUCT = "newsledger/0.1"
CHUNK_BYTES = 64 * 1024
# Answers that ask the client to come back later (RFC 9110 10.2.3, RFC 6585 4).
RETRYABLE = (429, 503)
# Tries of one URL that answers 429 or 503 with Retry-After, the first included.
MAX_TRIES = 3


class FetchError(RuntimeError):
    """A fetch that failed; the message says why in words a person understands. `status` is
    the HTTP status of an error answer, when there was one."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class _RetryLater(FetchError):
    """An answer asking to come back after a wait that fits in the fetch's deadline."""


@dataclass(frozen=True)
class Validators:
    """What a server said identifies the version it sent (ETag, Last-Modified), to ask next
    time for the body only if it changed."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        """The conditional request headers these validators make."""
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


@dataclass(frozen=True)
class Fetched:
    """A response body, the URL it finally came from, and its validators. A 304 answer to a
    conditional request has status 304 and no body."""

    url: str
    body: bytes
    content_type: str
    status: int = 200
    validators: Validators = Validators()

    @property
    def not_modified(self) -> bool:
        """Whether the server said the resource is unchanged since the validators sent."""
        return self.status == 304


def user_agent(policy: IngestPolicy) -> str:
    """The User-Agent: the product and where to learn about the crawler or reach its operator."""
    return f"{PRODUCT} (+{policy.contact_url})"


class Deadline:
    """The end of one fetch, and the socket timeouts that keep within it."""

    def __init__(self, seconds: float, operation_timeout: float) -> None:
        self.end = time.monotonic() + seconds
        self.operation_timeout = operation_timeout
        # Whether the next timeout is the deadline's, not the per-operation one.
        self.binding = False

    def left(self) -> float:
        """Seconds left before the deadline (negative once passed)."""
        return self.end - time.monotonic()

    def socket_timeout(self) -> float:
        """The timeout for the next socket operation; TimeoutError once the deadline passed."""
        left = self.left()
        self.binding = left <= self.operation_timeout
        if left <= 0:
            raise TimeoutError("fetch deadline passed")
        return min(self.operation_timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A connection whose every read and write waits no longer than the deadline allows."""

    def __init__(self, stream: httpcore.NetworkStream, deadline: Deadline) -> None:
        self._stream = stream
        self._deadline = deadline

    def _timeout(self) -> float:
        try:
            return self._deadline.socket_timeout()
        except TimeoutError as error:
            raise httpcore.ReadTimeout(str(error)) from error

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        """Read at most `max_bytes`, within the time the deadline leaves."""
        return self._stream.read(max_bytes, self._timeout())

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        """Send `buffer`, within the time the deadline leaves."""
        self._stream.write(buffer, self._timeout())

    def close(self) -> None:
        """Close the connection."""
        self._stream.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        """Shake hands for TLS (SNI and certificate for the URL's host name) within the deadline."""
        secured = self._stream.start_tls(ssl_context, server_hostname, self._timeout())
        return _DeadlineStream(secured, self._deadline)

    def get_extra_info(self, info: str) -> object:
        """What the underlying stream tells (its socket, TLS object, ...)."""
        return self._stream.get_extra_info(info)


class PinnedBackend(httpcore.SyncBackend):
    """Connects only to addresses the address policy checked, within the deadline.

    A host is resolved and checked once per fetch (`addresses`); a connection to it goes to
    those addresses, tried in the resolver's order, never to what another lookup might say.
    """

    def __init__(self, allow_private: bool, deadline: Deadline) -> None:
        self._allow_private = allow_private
        self._deadline = deadline
        self._checked: dict[tuple[str, int], list[IPAddress]] = {}

    def addresses(self, host: str, port: int) -> list[IPAddress]:
        """The checked addresses of `host`; AddressRefused when the policy refuses it."""
        key = (host, port)
        if key not in self._checked:
            self._checked[key] = checked_addresses(host, port, self._allow_private)
        return self._checked[key]

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[tuple[int, int, int | bytes]] | None = None,
    ) -> httpcore.NetworkStream:
        """Connect to the first of `host`'s checked addresses that answers."""
        failure: httpcore.ConnectError | None = None
        for address in self.addresses(host, port):
            try:
                timeout = self._deadline.socket_timeout()
            except TimeoutError as error:
                raise httpcore.ConnectTimeout(str(error)) from error
            try:
                stream = super().connect_tcp(
                    str(address), port, timeout, local_address, socket_options
                )
            except httpcore.ConnectError as error:
                failure = error
                continue
            return _DeadlineStream(stream, self._deadline)
        raise failure or httpcore.ConnectError(f"{host} has no address")


@functools.cache
def _tls() -> ssl.SSLContext:
    # httpx's default context (certifi's CA bundle), built once: it takes tens of milliseconds.
    return httpx.create_ssl_context(trust_env=False)


class _PinnedTransport(httpx.HTTPTransport):
    """httpx's transport, its connection pool connecting through a PinnedBackend."""

    def __init__(self, backend: PinnedBackend) -> None:
        super().__init__(verify=_tls(), trust_env=False)
        # httpx takes no network backend of its own; the httpcore pool it wraps does.
        self._pool = httpcore.ConnectionPool(ssl_context=_tls(), network_backend=backend)


def _client(backend: PinnedBackend, policy: IngestPolicy) -> httpx.Client:
    return httpx.Client(
        transport=_PinnedTransport(backend),
        trust_env=False,
        follow_redirects=False,
        timeout=policy.http_timeout_seconds,
        # Identity: the size bound counts the bytes that arrive, and no small body inflates.
        headers={"User-Agent": user_agent(policy), "Accept-Encoding": "identity"},
    )


def check_scheme(url: str) -> None:
    """Refuse anything but http and https (file:, ftp:, data: ...)."""
    scheme = urllib.parse.urlsplit(url).scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise FetchError(f"refused URL scheme {scheme or '(none)'!r}: only http and https")


def host_and_port(url: str) -> tuple[str, int]:
    """The host name (or address) of `url` and the port a connection to it uses."""
    parts = urllib.parse.urlsplit(url)
    default = 443 if parts.scheme.lower() == "https" else 80
    return parts.hostname or "", parts.port or default


def _read_bounded(response: httpx.Response, limit: int) -> bytes:
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise FetchError(f"response too large: {declared} bytes (limit {limit})")
    chunks, size = [], 0
    for chunk in response.iter_raw(CHUNK_BYTES):
        size += len(chunk)
        if size > limit:
            raise FetchError(f"response too large: over {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _timed_out(url: str, deadline: Deadline, policy: IngestPolicy) -> FetchError:
    if deadline.binding:
        return FetchError(f"fetch exceeded its {policy.fetch_deadline_seconds:g} s deadline: {url}")
    return FetchError(f"timed out after {policy.http_timeout_seconds:g}s: {url}")


@dataclass(frozen=True)
class _Hop:
    """Where one request went and what came back: a redirect's target or the final answer."""

    location: str | None
    fetched: Fetched | None


class _Fetch:
    """One fetch: its deadline, its checked addresses and its client, over every hop."""

    def __init__(self, policy: IngestPolicy, pacer: HostPacer) -> None:
        self.policy = policy
        self.pacer = pacer
        self.deadline = Deadline(policy.fetch_deadline_seconds, policy.http_timeout_seconds)
        self.backend = PinnedBackend(policy.allow_private_networks, self.deadline)

    def wait_for(self, host: str, url: str) -> None:
        """Wait until `host` may be asked; FetchError when that would pass the deadline."""
        delay = self.pacer.delay(host)
        if delay > self.deadline.left():
            raise FetchError(
                f"{host} may not be asked again for {delay:.1f} s, past the fetch's "
                f"{self.policy.fetch_deadline_seconds:g} s deadline: {url}"
            )
        time.sleep(delay)

    def request(self, client: httpx.Client, url: str, headers: dict[str, str]) -> _Hop:
        """GET `url` once, after waiting for its host, and read the answer within the bounds."""
        host, _ = host_and_port(url)
        self.wait_for(host, url)
        try:
            with client.stream("GET", url, headers=headers) as response:
                if response.status_code == 304 and headers:
                    return _Hop(None, self._answer(url, response, b""))
                if response.is_redirect and "Location" in response.headers:
                    return _Hop(urllib.parse.urljoin(url, response.headers["Location"]), None)
                if not response.is_success:
                    self._refuse_later(host, url, response)
                body = _read_bounded(response, self.policy.max_bytes)
                return _Hop(None, self._answer(url, response, body))
        finally:
            self.pacer.done(host)

    def _answer(self, url: str, response: httpx.Response, body: bytes) -> Fetched:
        validators = Validators(response.headers.get("ETag"), response.headers.get("Last-Modified"))
        content_type = response.headers.get("Content-Type", "")
        return Fetched(url, body, content_type, response.status_code, validators)

    def _refuse_later(self, host: str, url: str, response: httpx.Response) -> None:
        """Raise the FetchError of an error answer. A 429 or 503 with a Retry-After first
        defers the host by the wait it asks for, so that the retry (and every later request to
        it) waits for it; a wait past the deadline is the error's reason."""
        message = f"HTTP {response.status_code} {response.reason_phrase} from {url}"
        wait = retry_after_seconds(response.headers.get("Retry-After"))
        if response.status_code not in RETRYABLE or wait is None:
            raise FetchError(message, response.status_code)
        self.pacer.defer(host, wait)
        if wait > self.deadline.left():
            raise FetchError(
                f"{message}: it asks to retry after {wait:g} s, past the fetch's "
                f"{self.policy.fetch_deadline_seconds:g} s deadline",
                response.status_code,
            )
        raise _RetryLater(message, response.status_code)

    def hop(self, client: httpx.Client, url: str, headers: dict[str, str]) -> _Hop:
        """`request`, tried again (up to MAX_TRIES in all) while the host answers 429 or 503
        with a Retry-After that fits in the deadline."""
        tries = 1
        while True:
            try:
                return self.request(client, url, headers)
            except _RetryLater:
                if tries == MAX_TRIES:
                    raise
                tries += 1


def fetch(
    url: str,
    policy: IngestPolicy,
    pacer: HostPacer | None = None,
    validators: Validators | None = None,
    gate: Callable[[str], None] | None = None,
) -> Fetched:
    """GET `url`, following at most `policy.max_redirects` redirects, all within the bounds.

    Each hop's scheme and addresses are checked before anything is sent, then `gate` (when
    given: robots.txt for an article page) is asked, then the hop waits for its host on
    `pacer` (one per run; a fresh one by default). With `validators`, the requests are
    conditional (the validators are the final resource's, so they go to every hop) and a 304
    answer comes back as such, with no body.
    """
    attempt = _Fetch(policy, pacer or HostPacer(policy.host_interval_seconds))
    headers = validators.headers() if validators else {}
    with _client(attempt.backend, policy) as client:
        for _ in range(policy.max_redirects + 1):
            check_scheme(url)
            try:
                attempt.backend.addresses(*host_and_port(url))
                if gate is not None:
                    gate(url)
                hop = attempt.hop(client, url, headers)
            except AddressRefused as error:
                raise FetchError(str(error)) from error
            except socket.gaierror as error:
                raise FetchError(f"cannot reach {url}: {error}") from error
            except httpx.TimeoutException as error:
                raise _timed_out(url, attempt.deadline, policy) from error
            except httpx.ConnectError as error:
                raise FetchError(f"cannot reach {url}: {error}") from error
            except httpx.TransportError as error:
                raise FetchError(f"broken response from {url}: {error!r}") from error
            if hop.fetched is not None:
                return hop.fetched
            url = hop.location or url
    raise FetchError(f"too many redirects (more than {policy.max_redirects}) from {url}")
