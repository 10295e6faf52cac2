"""Hostile folders: links out of the folder, FIFOs, devices, files that vanish or change."""

import hashlib
import os
import socket
import threading
from pathlib import Path

import pytest

from orchestration.ingest.articles import ReadResult
from orchestration.ingest.listing import list_inputs
from orchestration.ingest.policy import IngestPolicy
from orchestration.ingest.readers import (
    READERS,
    read_file,
    read_path,
    read_paths,
)

BODY = " ".join(["Officials confirmed the plan on Monday after a long debate."] * 4)


def reasons(result: ReadResult) -> dict[str, str]:
    return {Path(r.source).name: r.reason for r in result.rejections}


def read_within(path: Path, seconds: float = 10.0) -> ReadResult:
    """Read `path` on a thread and fail, rather than hang, when it does not return in time."""
    done: list[ReadResult] = []
    thread = threading.Thread(target=lambda: done.append(read_path(path)), daemon=True)
    thread.start()
    thread.join(seconds)
    assert done, f"reading {path} did not return within {seconds}s"
    return done[0]


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text(f"Secret plans\n\n{BODY} Secret.", encoding="utf-8")
    return secret


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_text(BODY, encoding="utf-8")
    return inputs


def test_link_out_of_the_folder_is_refused_naming_its_target(folder: Path, outside: Path) -> None:
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    (folder / "secret.txt").symlink_to(outside)
    (folder / "escape.txt").symlink_to(Path("..") / "outside" / "secret.txt")
    result = read_paths([folder])
    assert [Path(a.source).name for a in result.articles] == ["good.txt"]
    found = reasons(result)
    assert found["passwd.txt"] == f"symbolic link to /etc/passwd, outside {folder}: not followed"
    assert found["secret.txt"].startswith(f"symbolic link to {outside}, outside")
    assert found["escape.txt"].startswith(f"symbolic link to {outside}, outside")
    assert all("Secret" not in a.body for a in result.articles)


def test_link_to_a_file_inside_the_folder_is_read_under_the_link_name(folder: Path) -> None:
    (folder / "sub").mkdir()
    (folder / "sub" / "story.md").write_text(f"Council meets\n\n{BODY} Inside.", encoding="utf-8")
    (folder / "alias.md").symlink_to(Path("sub") / "story.md")
    result = read_paths([folder])
    sources = sorted(Path(a.source).relative_to(folder).as_posix() for a in result.articles)
    assert sources == ["alias.md", "good.txt", "sub/story.md"]
    assert result.rejections == []


def test_links_to_folders_dangling_links_and_fifos_each_get_a_reason(
    folder: Path, tmp_path: Path
) -> None:
    (folder / "sub").mkdir()
    (folder / "folder-link.txt").symlink_to(folder / "sub")
    (folder / "dangling.txt").symlink_to(folder / "missing.txt")
    os.mkfifo(folder / "pipe.txt")
    os.mkfifo(folder / "pipe.bin")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    result = read_within(folder)
    assert [Path(a.source).name for a in result.articles] == ["good.txt"]
    assert reasons(result) == {
        "folder-link.txt": f"symbolic link to a directory, not followed: {folder / 'sub'}",
        "dangling.txt": f"dangling symbolic link to {folder / 'missing.txt'}",
        "pipe.txt": "not a regular file: a FIFO (named pipe)",
        "pipe.bin": "not a regular file: a FIFO (named pipe)",
        "loop.txt": f"symbolic link loop, not followed: {folder / 'loop.txt'}",
    }


def test_fifo_named_explicitly_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    [rejection] = read_within(fifo).rejections
    assert rejection.reason == "not a regular file: a FIFO (named pipe)"


def test_link_named_explicitly_to_a_fifo_or_device_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    (tmp_path / "via-link.txt").symlink_to(fifo)
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    assert read_within(tmp_path / "via-link.txt").rejections[0].reason == (
        "not a regular file: a FIFO (named pipe)"
    )
    assert read_within(tmp_path / "zero.txt").rejections[0].reason == (
        "not a regular file: a character device"
    )


def test_link_named_explicitly_is_followed(tmp_path: Path, outside: Path) -> None:
    link = tmp_path / "named.txt"
    link.symlink_to(outside)
    [article] = read_path(link).articles
    assert (article.source, article.title) == (str(link), "Secret plans")


def test_directory_named_like_an_article_is_refused_and_its_files_read(folder: Path) -> None:
    (folder / "2024.txt").mkdir()
    (folder / "2024.txt" / "inner.txt").write_text(f"{BODY} Inner.", encoding="utf-8")
    (folder / "plain-folder").mkdir()
    result = read_paths([folder])
    assert sorted(Path(a.source).name for a in result.articles) == ["good.txt", "inner.txt"]
    assert reasons(result) == {
        "2024.txt": "a directory, not a file: its files are read on their own"
    }


def test_hidden_entries_are_ignored_and_every_other_entry_is_accounted_for(folder: Path) -> None:
    (folder / ".gitkeep").write_text("", encoding="utf-8")
    (folder / ".hidden.txt").symlink_to("/etc/passwd")
    (folder / "notes.bin").write_bytes(b"x")
    os.mkfifo(folder / "pipe")
    result = read_paths([folder])
    accounted = {Path(a.source).name for a in result.articles} | set(reasons(result))
    assert accounted == {"good.txt", "notes.bin", "pipe"}


def test_listing_keeps_only_what_reading_would_open(folder: Path) -> None:
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    os.mkfifo(folder / "pipe.txt")
    (folder / "notes.bin").write_bytes(b"x")
    assert [p.name for p in [listed.path for listed in list_inputs([folder], READERS).files]] == [
        "good.txt",
        "notes.bin",
    ]


def test_file_removed_between_listing_and_reading(folder: Path) -> None:
    [listed] = list_inputs([folder], READERS).files
    (folder / "good.txt").unlink()
    [rejection] = read_file(listed).rejections
    assert rejection.reason == "file vanished before it was read"


def test_file_removed_between_listing_and_read_path(folder: Path) -> None:
    [path] = [listed.path for listed in list_inputs([folder], READERS).files]
    path.unlink()
    [rejection] = read_path(path).rejections
    assert (rejection.source, rejection.reason) == (str(path), "no such file or folder")


def test_file_that_grows_after_listing_is_refused(folder: Path) -> None:
    path = folder / "good.txt"
    [listed] = list_inputs([folder], READERS).files
    size = path.stat().st_size
    with path.open("ab") as handle:
        handle.write(b" more" * 1_000_000)
    [rejection] = read_file(listed, IngestPolicy(max_bytes=size + 100)).rejections
    assert rejection.reason == (
        f"file changed between listing and reading: {size} bytes when listed, "
        f"{size + 5_000_000} when opened"
    )


def test_file_replaced_after_listing_is_refused(folder: Path, outside: Path) -> None:
    [listed] = list_inputs([folder], READERS).files
    (folder / "new.tmp").write_text(BODY, encoding="utf-8")
    os.replace(folder / "new.tmp", folder / "good.txt")
    assert read_file(listed).rejections[0].reason == "file replaced between listing and reading"
    (folder / "good.txt").unlink()
    (folder / "good.txt").symlink_to(outside)
    assert read_file(listed).rejections[0].reason == (
        "file became a symbolic link before it was read"
    )


def test_size_limit_counts_bytes_read_and_hashes_only_those(folder: Path) -> None:
    path = folder / "good.txt"
    limit = 100
    [rejection] = read_path(path, IngestPolicy(max_bytes=limit)).rejections
    assert rejection.reason == f"file too large: {path.stat().st_size} bytes (limit {limit})"
    assert rejection.size_bytes == path.stat().st_size
    assert rejection.sha256 == hashlib.sha256(path.read_bytes()[: limit + 1]).hexdigest()


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le",
                                      "utf-32-be"])  # fmt: skip
def test_text_with_a_byte_order_mark_is_decoded(encoding: str, tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    text = f"Zürich council approves the budget\n\n{BODY} Café “quoted”."
    bom = "" if encoding in ("utf-16", "utf-32") else "\ufeff"
    path.write_bytes((bom + text).encode(encoding))
    [article] = read_path(path).articles
    assert (article.title, article.body) == (
        "Zürich council approves the budget",
        f"{BODY} Café “quoted”.",
    )


def test_name_that_is_not_utf8_is_stored_escaped(tmp_path: Path) -> None:
    path = tmp_path / os.fsdecode(b"caf\xe9.txt")
    path.write_text(BODY, encoding="utf-8")
    [article] = read_paths([tmp_path]).articles
    assert article.source == f"{tmp_path}/caf\\xe9.txt"


def test_an_unforeseen_error_in_a_reader_is_a_rejection_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(source: str, data: bytes, *, policy: IngestPolicy) -> ReadResult:
        raise KeyError("no such field")

    monkeypatch.setitem(READERS, ".broken", broken)
    (tmp_path / "a.broken").write_text(BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(BODY, encoding="utf-8")
    result = read_paths([tmp_path])
    assert [Path(a.source).name for a in result.articles] == ["b.txt"]
    assert reasons(result) == {"a.broken": "unexpected KeyError: 'no such field'"}


def test_socket_in_the_folder_is_refused(folder: Path) -> None:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(str(folder / "listening.txt"))
        server.listen()
        result = read_within(folder)
    assert [Path(a.source).name for a in result.articles] == ["good.txt"]
    assert reasons(result) == {"listening.txt": "not a regular file: a socket"}
