"""Readers that turn input files into articles, or into rejections with a reason."""

import hashlib
import json
from collections.abc import Iterable
from datetime import date
from pathlib import Path

import dateparser

from orchestration.ingest.articles import ArticleInput, Rejection, clean_body

HEADLINE_MAX_WORDS = 25


class UnreadableInput(ValueError):
    """Raised by a reader when an input holds no usable article; the message is the reason."""


def decode_text(data: bytes) -> str:
    """Decode bytes as UTF-8, falling back to cp1252; refuse binary content."""
    if b"\x00" in data[:4096]:
        raise UnreadableInput("binary content (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def split_headline(text: str) -> tuple[str | None, str]:
    """Split off the first line as a title when it reads as a headline, not as a paragraph."""
    first, sep, rest = text.partition("\n")
    first = first.strip()
    is_headline = (
        sep
        and rest.strip()
        and len(first.split()) <= HEADLINE_MAX_WORDS
        and not first.endswith((".", "!", "?", '"', "”", ":"))
    )
    return (first, rest) if is_headline else (None, text)


def parse_date(value: object) -> date | None:
    """Parse a published date given in any common textual form."""
    if not value:
        return None
    parsed = dateparser.parse(str(value), settings={"PREFER_DAY_OF_MONTH": "first"})
    return parsed.date() if parsed else None


def _require_body(body: str) -> str:
    body = clean_body(body)
    if not body:
        raise UnreadableInput("empty body: no text after removing whitespace")
    return body


def read_txt(path: Path, data: bytes) -> list[ArticleInput]:
    """A plain-text article; its first line is the title when it is a headline."""
    title, body = split_headline(clean_body(decode_text(data)))
    return [ArticleInput(source=str(path), title=title, body=_require_body(body))]


def read_json(path: Path, data: bytes) -> list[ArticleInput]:
    """A JSON object with title, body, published, source and url."""
    try:
        record = json.loads(decode_text(data))
    except json.JSONDecodeError as error:
        raise UnreadableInput(f"invalid JSON: {error}") from error
    if not isinstance(record, dict) or not isinstance(record.get("body"), str):
        raise UnreadableInput('JSON has no "body" string')
    return [
        ArticleInput(
            source=str(path),
            body=_require_body(record["body"]),
            title=record.get("title") or None,
            published_date=parse_date(record.get("published")),
            outlet=record.get("source") or None,
            url=record.get("url") or None,
        )
    ]


READERS = {".txt": read_txt, ".json": read_json}


def discover(paths: Iterable[Path]) -> list[Path]:
    """Expand folders into the files they hold (hidden ones aside), in a stable order.

    Unsupported files are kept so that reading them records a rejection instead of a silent skip.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
            )
        elif path.exists():
            found.append(path)
    return found


def read_path(path: Path) -> list[ArticleInput] | Rejection:
    """Read one file into its articles, or a Rejection saying why it cannot be read."""
    data = path.read_bytes()
    sha256 = hashlib.sha256(data).hexdigest()
    reader = READERS.get(path.suffix.lower())
    try:
        if reader is None:
            raise UnreadableInput(f"unsupported file type {path.suffix or '(none)'}")
        return reader(path, data)
    except UnreadableInput as error:
        return Rejection(source=str(path), reason=str(error), size_bytes=len(data), sha256=sha256)
