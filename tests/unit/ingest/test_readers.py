"""Readers: titles, JSON fields, encodings and rejections."""

import json
from datetime import date
from pathlib import Path

from orchestration.ingest.articles import body_hash
from orchestration.ingest.listing import list_inputs
from orchestration.ingest.policy import IngestPolicy
from orchestration.ingest.readers import READERS, read_batches, read_path, read_paths
from orchestration.ingest.text import split_headline
from tests.conftest import SEED

LONG_BODY = " ".join(["Officials confirmed the plan on Monday after a long debate."] * 4)
ANY_LENGTH = IngestPolicy(min_words=1)


def test_seed_first_line_is_body_not_title() -> None:
    [article] = read_path(SEED).articles
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
    record = {"title": "T", "body": LONG_BODY, "published": "2024-03-05", "source": "Gazette",
              "url": "https://example.org/a"}  # fmt: skip
    path.write_text(json.dumps(record), encoding="utf-8")
    [article] = read_path(path).articles
    assert (article.title, article.published_date, article.outlet, article.url) == (
        "T", date(2024, 3, 5), "Gazette", "https://example.org/a",
    )  # fmt: skip


def test_json_without_body_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "nobody.json"
    path.write_text('{"title": "no body"}', encoding="utf-8")
    [rejection] = read_path(path).rejections
    assert "body" in rejection.reason
    assert rejection.size_bytes == path.stat().st_size


def test_invalid_json_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text("{not json", encoding="utf-8")
    [rejection] = read_path(path).rejections
    assert "invalid JSON" in rejection.reason


def test_empty_and_binary_files_are_rejected(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\t ", encoding="utf-8")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00" + bytes(range(256)))
    assert "empty" in read_path(empty).rejections[0].reason
    assert "binary" in read_path(binary).rejections[0].reason


def test_cp1252_and_latin1_text_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes("Caf\u00e9 owners said \u201cyes\u201d to the plan.".encode("cp1252"))
    [article] = read_path(path, ANY_LENGTH).articles
    assert article.body == "Caf\u00e9 owners said \u201cyes\u201d to the plan."
    path.write_bytes("Z\u00fcrich na\u00efve fa\u00e7ade".encode("latin-1"))
    assert read_path(path, ANY_LENGTH).articles[0].body == "Z\u00fcrich na\u00efve fa\u00e7ade"


def test_same_body_hashes_alike_despite_whitespace() -> None:
    assert body_hash("A  body\r\nwith  spaces ") == body_hash("A body with spaces")
    assert body_hash("A body") != body_hash("Another body")


def test_unsupported_files_are_found_and_rejected(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / ".gitkeep").write_text("", encoding="utf-8")
    (tmp_path / "notes.bin").write_bytes(b"x")
    found = [listed.path for listed in list_inputs([tmp_path], READERS).files]
    assert [p.name for p in found] == ["a.txt", "notes.bin"]
    assert "unsupported file type .bin" in read_path(found[1]).rejections[0].reason


def test_short_body_is_rejected_with_its_word_count(tmp_path: Path) -> None:
    path = tmp_path / "short.txt"
    path.write_text("Too short to be news.", encoding="utf-8")
    [rejection] = read_path(path).rejections
    assert rejection.reason == "body too short to be an article: 5 words (minimum 20)"


def test_file_over_the_size_limit_is_rejected_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text(LONG_BODY * 10, encoding="utf-8")
    [rejection] = read_path(path, IngestPolicy(max_bytes=100)).rejections
    assert rejection.reason.startswith("file too large")
    assert rejection.size_bytes == path.stat().st_size


def test_files_are_read_in_batches_of_whole_files(tmp_path: Path) -> None:
    body = " ".join(["Officials confirmed the plan on Monday after a long debate."] * 4)
    lines = [json.dumps({"title": f"Line {i}", "body": f"{body} Line {i}."}) for i in range(3)]
    (tmp_path / "a-three.jsonl").write_text("\n".join(lines), encoding="utf-8")
    (tmp_path / "b-one.txt").write_text(f"{body} One.", encoding="utf-8")
    (tmp_path / "c-two.txt").write_text(f"{body} Two.", encoding="utf-8")
    (tmp_path / "d-bad.json").write_text("{not json", encoding="utf-8")
    batches = list(read_batches([tmp_path], batch_articles=2))
    # A file's articles stay in one batch: the three lines come together, then the two texts.
    assert [len(b.articles) for b in batches] == [3, 2, 0]
    assert [len(b.rejections) for b in batches] == [0, 0, 1]
    whole = read_paths([tmp_path])
    assert [a for b in batches for a in b.articles] == whole.articles
    assert [r for b in batches for r in b.rejections] == whole.rejections
