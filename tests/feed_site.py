"""A small news site on 127.0.0.1 for feed tests: it serves what a test sets and records every
request it receives, with the time it arrived."""

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from http.server import BaseHTTPRequestHandler

from tests.conftest import serving


@dataclass(frozen=True)
class Seen:
    """A request as the site received it: when (time.monotonic()), which path, what headers."""

    at: float
    path: str
    headers: dict[str, str]


Answer = Callable[[BaseHTTPRequestHandler, int], None]


def article(title: str, n: int) -> bytes:
    """A short news page with `title`, long enough to be kept as an article."""
    text = (
        f"Officials said on Monday that {100 + n} new homes would be built near the river over "
        f"the next {2 + n} years, after a consultation that drew {1000 + 3 * n} responses."
    )
    return f"<html><body><article><h1>{title}</h1><p>{text}</p></article></body></html>".encode()


def send(handler: BaseHTTPRequestHandler, status: int, body: bytes = b"", **headers: str) -> None:
    """Answer `status` with `body` and `headers` (underscores in names become dashes)."""
    handler.send_response(status)
    for name, value in headers.items():
        handler.send_header(name.replace("_", "-"), value)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


@dataclass
class Site:
    """What the site answers on each path (`answers[path](handler, nth request to it)`, else
    404), and every request it has seen."""

    base: str = ""
    answers: dict[str, Answer] = field(default_factory=dict)
    seen: list[Seen] = field(default_factory=list)

    def requests_to(self, path: str) -> list[Seen]:
        """The requests the site received for `path`, in order."""
        return [s for s in self.seen if s.path == path]

    def page(self, path: str, title: str, n: int) -> None:
        """Serve an article page at `path`."""
        self.answers[path] = lambda h, _: send(h, 200, article(title, n), Content_Type="text/html")

    def feed(self, path: str, links: list[str], etag: str | None = None) -> None:
        """Serve an RSS feed at `path` listing `links` (paths on this site); with `etag`, a
        request sending it back in If-None-Match gets 304."""
        items = "".join(
            f"<item><title>t</title><link>{self.base}{link}</link></item>" for link in links
        )
        body = f'<rss version="2.0"><channel><title>N</title>{items}</channel></rss>'.encode()

        def answer(handler: BaseHTTPRequestHandler, _: int) -> None:
            if etag and handler.headers.get("If-None-Match") == etag:
                send(handler, 304, ETag=etag)
            else:
                headers = {"ETag": etag} if etag else {}
                send(handler, 200, body, Content_Type="application/rss+xml", **headers)

        self.answers[path] = answer


class _Handler(BaseHTTPRequestHandler):
    def __init__(self, site: Site, *args: object) -> None:
        self.site = site
        super().__init__(*args)

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.site.seen.append(Seen(time.monotonic(), self.path, dict(self.headers)))
        answer = self.site.answers.get(self.path)
        if answer is None:
            send(self, 404, b"not found")
        else:
            answer(self, len(self.site.requests_to(self.path)))


@contextmanager
def site() -> Iterator[Site]:
    """A Site served on a free loopback port until leaving."""
    served = Site()
    with serving(partial(_Handler, served)) as url:
        served.base = url
        yield served
