"""Readers: titles, JSON fields, encodings and rejections."""

import json
from datetime import date
from pathlib import Path

from orchestration.ingest.articles import Rejection, body_hash
from orchestration.ingest.readers import discover, read_path, split_headline
from tests.conftest import SEED


def test_seed_first_line_is_body_not_title() -> None:
    [article] = read_path(SEED)
    assert article.title is None
    assert article.body.startswith("NUR-SULTAN – President Kassym-Jomart Tokayev")


def test_headline_line_becomes_title() -> None:
    title, body = split_headline("Floods close schools in Dhaka\n\nSchools stayed shut on Monday.")
    assert title == "Floods close schools in Dhaka"
    assert body.strip() == "Schools stayed shut on Monday."


def test_single_paragraph_has_no_title() -> None:
    assert split_headline("Only one line of text here.") == (None, "Only one line of text here.")


def test_json_article_fields(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(
        json.dumps(
            {"title": "T", "body": "Some body text.", "published": "2024-03-05",
             "source": "Gazette", "url": "https://example.org/a"}
        ),
        encoding="utf-8",
    )  # fmt: skip
    [article] = read_path(path)
    assert (article.title, article.published_date, article.outlet, article.url) == (
        "T", date(2024, 3, 5), "Gazette", "https://example.org/a",
    )  # fmt: skip


def test_json_without_body_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "nobody.json"
    path.write_text('{"title": "no body"}', encoding="utf-8")
    result = read_path(path)
    assert isinstance(result, Rejection)
    assert "body" in result.reason
    assert result.size_bytes == path.stat().st_size


def test_invalid_json_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text("{not json", encoding="utf-8")
    result = read_path(path)
    assert isinstance(result, Rejection)
    assert "invalid JSON" in result.reason


def test_empty_and_binary_files_are_rejected(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\t ", encoding="utf-8")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    assert "empty" in read_path(empty).reason
    assert "binary" in read_path(binary).reason


def test_cp1252_text_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes("Caf\u00e9 owners said \u201cyes\u201d to the plan.".encode("cp1252"))
    [article] = read_path(path)
    assert article.body == "Caf\u00e9 owners said \u201cyes\u201d to the plan."


def test_same_body_hashes_alike_despite_whitespace() -> None:
    assert body_hash("A  body\r\nwith  spaces ") == body_hash("A body with spaces")
    assert body_hash("A body") != body_hash("Another body")


def test_unsupported_files_are_found_and_rejected(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / ".gitkeep").write_text("", encoding="utf-8")
    (tmp_path / "notes.bin").write_bytes(b"x")
    found = discover([tmp_path])
    assert [p.name for p in found] == ["a.txt", "notes.bin"]
    assert "unsupported file type .bin" in read_path(found[1]).reason
