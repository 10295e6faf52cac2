"""Readers for the text formats: plain text, JSON, JSON Lines and Markdown with front matter."""

import itertools
import json
import re
from collections.abc import Mapping
from typing import Any

import yaml

from orchestration.core.datelines import dateline_agency
from orchestration.ingest.articles import ArticleInput, ReadResult, Rejection, clean_body
from orchestration.ingest.authors import article_authors
from orchestration.ingest.policy import DEFAULT_POLICY, IngestPolicy
from orchestration.ingest.text import (
    UnreadableInput,
    decode_text,
    split_headline,
    stated_date,
    valid_text,
)

FRONT_MATTER_FENCE = "---"
# Articles are flat records; deeper nesting only costs time and stack.
MAX_JSON_DEPTH = 64
MAX_FRONT_MATTER_DEPTH = 16

# PyYAML's safe loader, in C when libyaml is installed: front matter is read for every file.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# A JSON string, or an unclosed one running to the end: always matches, so removing strings is
# linear however the quotes and backslashes fall.
JSON_STRING = re.compile(r'"[^"\\]*+(?:\\.[^"\\]*+)*+\\?(?:"|\Z)', re.DOTALL)
NOT_BRACKET = re.compile(r"[^\[\]{}]+")
BRACKET_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}

NESTING_STARTS = (
    yaml.BlockMappingStartToken,
    yaml.BlockSequenceStartToken,
    yaml.FlowMappingStartToken,
    yaml.FlowSequenceStartToken,
)
NESTING_ENDS = (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)
REFUSED_TOKENS = {yaml.AnchorToken: "an anchor", yaml.AliasToken: "an alias",
                  yaml.TagToken: "a tag"}  # fmt: skip


class FrontMatterLoader(SAFE_LOADER):  # type: ignore[misc, valid-type]
    """The safe loader with timestamps kept as text, so that a bad date is a bad date only."""


FrontMatterLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", FrontMatterLoader.construct_yaml_str
)


def require_body(body: str) -> str:
    """The cleaned body, or UnreadableInput when nothing is left of it."""
    body = clean_body(body)
    if not body:
        raise UnreadableInput("empty body: no text after removing whitespace")
    return body


def from_record(source: str, record: Mapping[str, Any], body: str | None = None) -> ArticleInput:
    """An article from the fields title, body, published, source, url and author (or
    authors)."""
    body = record.get("body") if body is None else body
    if not isinstance(body, str):
        raise UnreadableInput('no "body" text')
    published = stated_date(record.get("published"))
    body = require_body(valid_text(body))
    return ArticleInput(
        source=source,
        body=body,
        title=_field(record, "title"),
        published_date=published.value,
        outlet=_field(record, "source"),
        url=_field(record, "url"),
        published_date_source=published.source,
        authors=article_authors(record.get("authors") or record.get("author"), body),
    )


def _field(record: Mapping[str, Any], name: str) -> str | None:
    value = record.get(name)
    return (valid_text(str(value)).strip() or None) if value else None


def read_txt(source: str, data: bytes, *, policy: IngestPolicy = DEFAULT_POLICY) -> ReadResult:
    """A plain-text article, titled and attributed as its text is: the title is its headline
    line (see `split_headline`), the outlet the news agency its dateline names ("SEOUL, Aug 16
    (Reuters) -"), the authors those its byline names ("By Jane Smith"); each is None (or
    empty) when the text gives none."""
    title, body = split_headline(clean_body(decode_text(data)))
    body = require_body(body)
    article = ArticleInput(
        source=source,
        title=title,
        body=body,
        outlet=dateline_agency(body),
        authors=article_authors(None, body),
    )
    return ReadResult([article])


def json_nesting_exceeds(text: str, limit: int) -> bool:
    """Whether arrays and objects in JSON `text` nest deeper than `limit`, found without parsing.

    Brackets inside strings do not count. Runs in linear time, so it can go before json.loads,
    whose recursion a deep document would exhaust.
    """
    if text.count("[") + text.count("{") <= limit:
        return False
    brackets = NOT_BRACKET.sub("", JSON_STRING.sub("", text))
    return max(itertools.accumulate(map(BRACKET_STEP.__getitem__, brackets)), default=0) > limit


def _json_object(text: str) -> Mapping[str, Any]:
    if json_nesting_exceeds(text, MAX_JSON_DEPTH):
        raise UnreadableInput(f"JSON nested deeper than {MAX_JSON_DEPTH} levels")
    try:
        record = json.loads(text)
    except RecursionError as error:
        raise UnreadableInput(f"JSON nested deeper than {MAX_JSON_DEPTH} levels") from error
    except ValueError as error:  # malformed, or a number longer than Python reads
        raise UnreadableInput(f"invalid JSON: {error}") from error
    if not isinstance(record, dict):
        raise UnreadableInput("JSON is not an object")
    return record


def read_json(source: str, data: bytes, *, policy: IngestPolicy = DEFAULT_POLICY) -> ReadResult:
    """A JSON object with title, body, published, source, url and author (or authors)."""
    return ReadResult([from_record(source, _json_object(decode_text(data)))])


def read_jsonl(source: str, data: bytes, *, policy: IngestPolicy = DEFAULT_POLICY) -> ReadResult:
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


def check_front_matter(header: str, policy: IngestPolicy) -> None:
    """Raise UnreadableInput for front matter too large, too deep, or with anchors, aliases or
    tags; checked on YAML's tokens, before any node is built, so a hostile header costs little.
    """
    size = len(header.encode("utf-8"))
    if size > policy.max_front_matter_bytes:
        raise UnreadableInput(
            f"front matter too large: {size} bytes (limit {policy.max_front_matter_bytes})"
        )
    depth = 0
    try:
        for token in yaml.scan(header, Loader=SAFE_LOADER):
            refused = REFUSED_TOKENS.get(type(token))
            if refused:
                raise UnreadableInput(
                    f"front matter has {refused}; YAML anchors, aliases and tags are not accepted"
                )
            depth += isinstance(token, NESTING_STARTS) - isinstance(token, NESTING_ENDS)
            if depth > MAX_FRONT_MATTER_DEPTH:
                raise UnreadableInput(
                    f"front matter nested deeper than {MAX_FRONT_MATTER_DEPTH} levels"
                )
    except yaml.YAMLError as error:
        raise UnreadableInput(f"invalid YAML front matter: {error}") from error


def _front_matter(header: str, policy: IngestPolicy) -> Mapping[str, Any]:
    check_front_matter(header, policy)
    try:
        meta = yaml.load(header, Loader=FrontMatterLoader) or {}
    except (yaml.YAMLError, ValueError) as error:  # ValueError: a number longer than Python reads
        raise UnreadableInput(f"invalid YAML front matter: {error}") from error
    if not isinstance(meta, dict):
        raise UnreadableInput("front matter is not a mapping")
    return meta


def read_markdown(source: str, data: bytes, *, policy: IngestPolicy = DEFAULT_POLICY) -> ReadResult:
    """Markdown with optional YAML front matter (title, published, source, url, author or
    authors)."""
    text = clean_body(decode_text(data))
    meta: Mapping[str, Any] = {}
    if text.startswith(FRONT_MATTER_FENCE):
        header, fence, rest = text[len(FRONT_MATTER_FENCE) :].partition(f"\n{FRONT_MATTER_FENCE}")
        if not fence:
            raise UnreadableInput("front matter is not closed by a '---' line")
        meta = _front_matter(header, policy)
        text = rest
    title, body = (meta.get("title"), text) if meta.get("title") else split_headline(text.strip())
    return ReadResult([from_record(source, {**meta, "title": title}, body=body)])
