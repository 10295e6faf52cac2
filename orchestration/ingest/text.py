"""Decoding and light parsing shared by the readers."""

import unicodedata
from datetime import date, datetime

import dateparser

HEADLINE_MAX_WORDS = 25
# Share of control characters above which bytes are taken for binary data, not text.
MAX_CONTROL_SHARE = 0.05


class UnreadableInput(ValueError):
    """Raised by a reader when an input holds no usable article; the message is the reason."""


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    controls = sum(1 for c in sample if unicodedata.category(c) == "Cc" and c not in "\n\r\t\f")
    return "\x00" in sample or controls > MAX_CONTROL_SHARE * max(len(sample), 1)


def decode_text(data: bytes) -> str:
    """Decode bytes as UTF-8, else as cp1252 (a superset of latin-1's printable range).

    Raises UnreadableInput for binary content.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    if _looks_binary(text):
        raise UnreadableInput("binary content, not text")
    return text


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
    """Parse a published date given in any common textual form; None when absent or unclear."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not value:
        return None
    try:
        # ISO 8601, as feeds and JSON mostly give it, without dateparser's cost.
        return datetime.fromisoformat(str(value).strip()).date()
    except ValueError:
        pass
    parsed = dateparser.parse(str(value), settings={"PREFER_DAY_OF_MONTH": "first"})
    return parsed.date() if parsed else None
