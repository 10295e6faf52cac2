"""fetch against a real HTTP server on 127.0.0.1 that trickles, stalls and redirects."""

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler

import pytest

from orchestration.ingest.http import FetchError, fetch
from orchestration.ingest.policy import IngestPolicy
from tests.conftest import serving

DEADLINE = 1.5
# The server listens on 127.0.0.1, and its redirects go back to it at once.
LOCAL = {"allow_private_networks": True, "host_interval_seconds": 0}
BIG = bytes(range(256)) * 4096  # 1 MiB
STOP = threading.Event()


class SlowServer(BaseHTTPRequestHandler):
    """Responses that arrive too slowly, one byte or one redirect at a time."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def trickle(self, line: bytes, times: int) -> None:
        """Send `line` every 0.2 s, `times` times, until the client hangs up."""
        for _ in range(times):
            if STOP.is_set():
                return
            try:
                self.wfile.write(line)
                self.wfile.flush()
            except OSError:
                return
            time.sleep(0.2)

    def do_GET(self) -> None:
        if self.path == "/trickle-body":
            self.send_response(200)
            self.send_header("Content-Length", "200")
            self.end_headers()
            self.trickle(b"x", 200)
        elif self.path == "/trickle-headers":
            self.wfile.write(b"HTTP/1.1 200 OK\r\n")
            self.trickle(b"X-Padding: x\r\n", 90)
        elif self.path.startswith("/hop-"):
            hop = int(self.path.removeprefix("/hop-"))
            time.sleep(0.4)
            self.send_response(302)
            self.send_header("Location", f"/hop-{hop + 1}")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/silent":
            STOP.wait(5)
        elif self.path == "/big-chunked":
            self.protocol_version = "HTTP/1.1"
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for start in range(0, len(BIG), 100_000):
                chunk = BIG[start : start + 100_000]
                self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            self.wfile.write(b"0\r\n\r\n")
            self.close_connection = True


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """The base URL of a SlowServer on a free loopback port."""
    STOP.clear()
    with serving(SlowServer) as url:
        try:
            yield url
        finally:
            STOP.set()


def timed_fetch_error(url: str, policy: IngestPolicy) -> tuple[str, float]:
    """The message of the FetchError that fetching `url` raises, and the seconds it took."""
    start = time.monotonic()
    with pytest.raises(FetchError) as raised:
        fetch(url, policy)
    return str(raised.value), time.monotonic() - start


@pytest.mark.parametrize("path", ["/trickle-body", "/trickle-headers"])
def test_trickling_server_is_cut_off_at_the_deadline(server: str, path: str) -> None:
    policy = IngestPolicy(fetch_deadline_seconds=DEADLINE, http_timeout_seconds=1, **LOCAL)
    message, seconds = timed_fetch_error(server + path, policy)
    assert message == f"fetch exceeded its 1.5 s deadline: {server}{path}"
    assert DEADLINE <= seconds < DEADLINE + 0.5


def test_deadline_spans_redirects(server: str) -> None:
    # Each hop answers in 0.4 s, well inside the per-operation timeout; four hops do not fit.
    policy = IngestPolicy(
        fetch_deadline_seconds=DEADLINE, http_timeout_seconds=1, max_redirects=9, **LOCAL
    )
    message, seconds = timed_fetch_error(server + "/hop-0", policy)
    assert message.startswith("fetch exceeded its 1.5 s deadline: ")
    assert DEADLINE <= seconds < DEADLINE + 0.5


def test_stalled_server_trips_the_per_operation_timeout_first(server: str) -> None:
    policy = IngestPolicy(fetch_deadline_seconds=30, http_timeout_seconds=0.5, **LOCAL)
    message, seconds = timed_fetch_error(server + "/silent", policy)
    assert message == f"timed out after 0.5s: {server}/silent"
    assert seconds < 1.5


def test_body_read_in_chunks_arrives_whole(server: str) -> None:
    policy = IngestPolicy(fetch_deadline_seconds=DEADLINE, max_bytes=len(BIG), **LOCAL)
    assert fetch(server + "/big-chunked", policy).body == BIG


def test_chunked_body_over_the_size_limit_is_refused(server: str) -> None:
    policy = IngestPolicy(max_bytes=len(BIG) - 1, **LOCAL)
    message, _ = timed_fetch_error(server + "/big-chunked", policy)
    assert message == f"response too large: over {len(BIG) - 1} bytes"
