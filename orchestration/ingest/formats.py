"""Readers for the text formats: plain text, JSON, JSON Lines and Markdown with front matter."""

import json
from collections.abc import Mapping
from typing import Any

import yaml

from orchestration.ingest.articles import ArticleInput, ReadResult, Rejection, clean_body
from orchestration.ingest.text import UnreadableInput, decode_text, parse_date, split_headline

FRONT_MATTER_FENCE = "---"

# PyYAML's safe loader, in C when libyaml is installed: front matter is read for every file.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def require_body(body: str) -> str:
    """The cleaned body, or UnreadableInput when nothing is left of it."""
    body = clean_body(body)
    if not body:
        raise UnreadableInput("empty body: no text after removing whitespace")
    return body


def from_record(source: str, record: Mapping[str, Any], body: str | None = None) -> ArticleInput:
    """An article from the fields title, body, published, source and url."""
    body = record.get("body") if body is None else body
    if not isinstance(body, str):
        raise UnreadableInput('no "body" text')
    return ArticleInput(
        source=source,
        body=require_body(body),
        title=str(record["title"]).strip() if record.get("title") else None,
        published_date=parse_date(record.get("published")),
        outlet=str(record["source"]) if record.get("source") else None,
        url=str(record["url"]) if record.get("url") else None,
    )


def read_txt(source: str, data: bytes) -> ReadResult:
    """A plain-text article; its first line is the title when it is a headline."""
    title, body = split_headline(clean_body(decode_text(data)))
    return ReadResult([ArticleInput(source=source, title=title, body=require_body(body))])


def _json_object(text: str) -> Mapping[str, Any]:
    try:
        record = json.loads(text)
    except json.JSONDecodeError as error:
        raise UnreadableInput(f"invalid JSON: {error}") from error
    if not isinstance(record, dict):
        raise UnreadableInput("JSON is not an object")
    return record


def read_json(source: str, data: bytes) -> ReadResult:
    """A JSON object with title, body, published, source and url."""
    return ReadResult([from_record(source, _json_object(decode_text(data)))])


def read_jsonl(source: str, data: bytes) -> ReadResult:
    """One JSON article per line; a bad line is rejected on its own and the others are kept."""
    result = ReadResult()
    for number, line in enumerate(decode_text(data).splitlines(), start=1):
        if not line.strip():
            continue
        line_source = f"{source}#L{number}"
        try:
            result.articles.append(from_record(line_source, _json_object(line)))
        except UnreadableInput as error:
            result.rejections.append(
                Rejection.of(line_source, f"line {number}: {error}", line.encode("utf-8"))
            )
    if not result.articles and not result.rejections:
        raise UnreadableInput("empty JSON Lines file")
    return result


def read_markdown(source: str, data: bytes) -> ReadResult:
    """Markdown with optional YAML front matter (title, published, source, url)."""
    text = clean_body(decode_text(data))
    meta: Mapping[str, Any] = {}
    if text.startswith(FRONT_MATTER_FENCE):
        header, fence, rest = text[len(FRONT_MATTER_FENCE) :].partition(f"\n{FRONT_MATTER_FENCE}")
        if not fence:
            raise UnreadableInput("front matter is not closed by a '---' line")
        try:
            meta = yaml.load(header, Loader=SAFE_LOADER) or {}
        except yaml.YAMLError as error:
            raise UnreadableInput(f"invalid YAML front matter: {error}") from error
        if not isinstance(meta, dict):
            raise UnreadableInput("front matter is not a mapping")
        text = rest
    title, body = (meta.get("title"), text) if meta.get("title") else split_headline(text.strip())
    return ReadResult([from_record(source, {**meta, "title": title}, body=body)])
