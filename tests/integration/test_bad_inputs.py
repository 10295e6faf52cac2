"""Each kind of bad input is rejected with a reason, and the good articles beside it still load."""

import json
import os
import shutil
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import duckdb
import pytest

from orchestration.ingest.resources import SourcesResource
from orchestration.runner import run_job
from tests.conftest import FIXTURES, serving
from tests.hostile import billion_laughs

GOOD_TITLE = "Kenya opens rail link to Ugandan border"
GOOD_PAGE = (FIXTURES / "site" / "rail-link.html").read_bytes()
LONG = (
    "The harbour authority said on Friday that the new container terminal would open in June, "
    "doubling capacity and creating about 400 jobs in the surrounding district."
)


def loaded_titles(warehouse: Path) -> list[str]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return [r[0] for r in con.execute("select title from dim_article order by 1").fetchall()]


def rejections(warehouse: Path) -> list[tuple[str, str]]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute("select source, reason from rejected_inputs order by 1").fetchall()


def write_bad(name: str, data: bytes) -> Callable[[Path], Path]:
    def write(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path

    return write


def link_out(name: str, target: str) -> Callable[[Path], Path]:
    def write(folder: Path) -> Path:
        path = folder / name
        path.symlink_to(target)
        return path

    return write


def fifo(name: str) -> Callable[[Path], Path]:
    def write(folder: Path) -> Path:
        path = folder / name
        os.mkfifo(path)
        return path

    return write


BILLION_LAUGHS = billion_laughs(LONG)

FILE_CASES = {
    "empty file": (write_bad("empty.txt", b""), "empty body"),
    "whitespace only": (write_bad("blank.txt", b"  \n\t\n   "), "empty body"),
    "binary under a text name": (
        write_bad("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8),
        "binary content",
    ),
    "file over the size limit": (
        write_bad("huge.txt", (LONG + "\n").encode() * 40_000),
        "file too large",
    ),
    "JSON missing its body": (
        write_bad("nobody.json", json.dumps({"title": "No body here"}).encode()),
        'no "body" text',
    ),
    "HTML with no main text": (
        write_bad(
            "empty.html",
            b"<html><head><script>var a = 1;</script></head><body><div></div></body></html>",
        ),
        "no main text",
    ),
    "body too short": (
        write_bad("short.txt", b"Breaking: more soon."),
        "body too short to be an article: 3 words",
    ),
    "unsupported file type": (write_bad("scan.pdf", b"%PDF-1.4 ..."), "unsupported file type .pdf"),
    "symbolic link out of the folder": (
        link_out("passwd.txt", "/etc/passwd"),
        "symbolic link to /etc/passwd, outside",
    ),
    "FIFO named like an article": (fifo("pipe.txt"), "not a regular file: a FIFO (named pipe)"),
    "JSON nested ten thousand deep": (
        write_bad("deep.json", b"[" * 10_000 + b"]" * 10_000),
        "JSON nested deeper than 64 levels",
    ),
    "front matter with nested aliases": (
        write_bad("laughs.md", BILLION_LAUGHS.encode()),
        "front matter has an anchor; YAML anchors, aliases and tags are not accepted",
    ),
}


@pytest.fixture(scope="module")
def bad_files_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Path]]:
    """One run on a folder holding every bad file beside a good article: the warehouse, and
    where each case's file was."""
    root = tmp_path_factory.mktemp("bad-files")
    folder, warehouse = root / "in", root / "warehouse.duckdb"
    folder.mkdir()
    shutil.copy(FIXTURES / "site" / "rail-link.html", folder / "good.html")
    written = {case: write(folder) for case, (write, _) in FILE_CASES.items()}
    assert run_job([folder], warehouse, log_level="WARNING").success
    return warehouse, written


def test_bad_files_leave_the_good_article_loaded_and_only_themselves_rejected(
    bad_files_run: tuple[Path, dict[str, Path]],
) -> None:
    warehouse, written = bad_files_run
    assert loaded_titles(warehouse) == [GOOD_TITLE]
    assert sorted(source for source, _ in rejections(warehouse)) == sorted(
        str(path) for path in written.values()
    )


@pytest.mark.parametrize("case", FILE_CASES, ids=list(FILE_CASES))
def test_bad_file_is_rejected_with_its_reason_and_left_in_place(
    case: str, bad_files_run: tuple[Path, dict[str, Path]]
) -> None:
    warehouse, written = bad_files_run
    bad, reason = written[case], FILE_CASES[case][1]
    [recorded] = [why for source, why in rejections(warehouse) if source == str(bad)]
    assert reason in recorded
    assert bad.exists(), "a rejected file is left in place"


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_legacy_encodings_are_decoded_not_rejected(encoding: str, tmp_path: Path) -> None:
    folder, warehouse = tmp_path / "in", tmp_path / "warehouse.duckdb"
    folder.mkdir()
    text = f"Café owners in Zürich welcome the plan\n\n{LONG} Owners of the café agreed."
    (folder / "legacy.txt").write_bytes(text.encode(encoding))
    assert run_job([folder], warehouse, log_level="WARNING").success
    assert loaded_titles(warehouse) == ["Café owners in Zürich welcome the plan"]
    assert rejections(warehouse) == []


@pytest.mark.parametrize(
    ("published", "source"),
    [
        ('"2024-13-45"', "rejected: not a date: 2024-13-45"),
        ('"9999-12-31"', "rejected: 9999-12-31 is after the latest accepted date"),
        ("1.5e300", "rejected: a number is not a date"),
    ],
)
def test_bad_publication_date_is_not_stored(published: str, source: str, tmp_path: Path) -> None:
    folder, warehouse = tmp_path / "in", tmp_path / "warehouse.duckdb"
    folder.mkdir()
    shutil.copy(FIXTURES / "site" / "rail-link.html", folder / "good.html")
    record = f'{{"title": "Harbour terminal", "body": "{LONG}", "published": {published}}}'
    (folder / "dated.json").write_text(record, encoding="utf-8")
    assert run_job([folder], warehouse, log_level="WARNING").success
    assert loaded_titles(warehouse) == ["Harbour terminal", GOOD_TITLE]
    assert rejections(warehouse) == []
    with duckdb.connect(str(warehouse), read_only=True) as con:
        [(date, recorded)] = con.execute(
            "select published_date, published_date_source from raw_articles where source = ?",
            [str(folder / "dated.json")],
        ).fetchall()
    assert date is None
    assert recorded.startswith(source)


def test_jsonl_with_one_malformed_line(tmp_path: Path) -> None:
    folder, warehouse = tmp_path / "in", tmp_path / "warehouse.duckdb"
    folder.mkdir()
    lines = [
        json.dumps({"title": "First", "body": LONG + " First."}),
        '{"title": "Broken", "body": "unterminated',
        json.dumps({"title": "Second", "body": LONG + " Second."}),
    ]
    (folder / "batch.jsonl").write_text("\n".join(lines), encoding="utf-8")
    assert run_job([folder], warehouse, log_level="WARNING").success
    assert loaded_titles(warehouse) == ["First", "Second"]
    [(source, reason)] = rejections(warehouse)
    assert source == f"{folder / 'batch.jsonl'}#L2"
    assert reason.startswith("line 2: invalid JSON")


def test_same_body_under_two_names(tmp_path: Path) -> None:
    folder, warehouse = tmp_path / "in", tmp_path / "warehouse.duckdb"
    folder.mkdir()
    (folder / "a.txt").write_text(LONG, encoding="utf-8")
    (folder / "copy-of-a.txt").write_text(LONG + "\n", encoding="utf-8")
    assert run_job([folder], warehouse, log_level="WARNING").success
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute("select count(*) from raw_articles").fetchone()[0] == 1
        sources = [
            r[0] for r in con.execute("select source from article_sources order by 1").fetchall()
        ]
    assert sources == [str(folder / "a.txt"), str(folder / "copy-of-a.txt")]


class BadServer(BaseHTTPRequestHandler):
    """Feeds and pages that misbehave in the ways real servers do."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_body(self, body: bytes, content_type: str = "text/html") -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        if self.path == "/good.xml":
            items = "".join(
                f"<item><title>t</title><link>{link}</link></item>"
                for link in (f"{base}/good.html", "file:///etc/passwd")
            )
            rss = f'<rss version="2.0"><channel><title>Good</title>{items}</channel></rss>'
            self.send_body(rss.encode(), "application/rss+xml")
        elif self.path == "/good.html":
            self.send_body(GOOD_PAGE)
        elif self.path == "/slow.xml":
            time.sleep(3)
            self.send_body(b"<rss/>")
        elif self.path == "/loop.xml":
            self.send_response(302)
            self.send_header("Location", "/loop.xml")
            self.end_headers()
        elif self.path == "/huge.xml":
            self.send_body(b"<rss>" + b" " * (6 * 1024 * 1024) + b"</rss>", "application/rss+xml")
        elif self.path == "/error.xml":
            self.send_error(500, "Internal Server Error")
        else:
            self.send_error(404, "Not Found")


@pytest.fixture(scope="module")
def bad_server() -> Iterator[str]:
    with serving(BadServer) as url:
        yield url


FEED_CASES = {
    "feed times out": ("/slow.xml", "timed out after 1s"),
    "feed answers 404": ("/missing.xml", "HTTP 404"),
    "feed answers 500": ("/error.xml", "HTTP 500"),
    "feed redirects forever": ("/loop.xml", "too many redirects"),
    "feed returns a multi-megabyte body": ("/huge.xml", "response too large"),
}


@pytest.mark.parametrize("case", FEED_CASES, ids=list(FEED_CASES))
def test_failing_feed_is_reported_and_good_feed_loads(
    case: str, bad_server: str, tmp_path: Path
) -> None:
    path, reason = FEED_CASES[case]
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text(
        f"feeds:\n  - name: Bad\n    url: {bad_server}{path}\n"
        f"  - name: Good\n    url: {bad_server}/good.xml\n",
        encoding="utf-8",
    )
    sources = SourcesResource(
        folders=[],
        feeds_file=str(feeds),
        http_timeout_seconds=1,
        allow_private_networks=True,  # the server listens on 127.0.0.1
        host_interval_seconds=0,
    )
    warehouse = tmp_path / "warehouse.duckdb"
    config = {"ops": {"raw_articles": {"config": {"paths": [], "fetch_feeds": True}}}}
    result = run_job(None, warehouse, sources=sources, run_config=config, log_level="WARNING")
    assert result.success
    assert loaded_titles(warehouse) == [GOOD_TITLE]
    recorded = dict(rejections(warehouse))
    assert reason in recorded[f"{bad_server}{path}"]
    [local] = [reason for source, reason in recorded.items() if source.startswith("file:")]
    assert "refused URL scheme 'file'" in local
