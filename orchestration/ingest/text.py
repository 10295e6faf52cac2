"""Decoding and light parsing shared by the readers."""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

import dateparser

from orchestration.core.bylines import byline_authors
from orchestration.core.datelines import is_dateline_only

HEADLINE_MAX_WORDS = 25
# How a sentence ends, and so how a headline does not: a full stop, a question or exclamation
# mark, an ellipsis, a closing quotation mark or a colon.
SENTENCE_ENDS = (".", "!", "?", "…", '"', "”", ":")
# A line holding nothing but spaces or tabs, which ends a paragraph.
BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
# Share of control characters above which bytes are taken for binary data, not text.
MAX_CONTROL_SHARE = 0.05
# Byte order marks and their codecs; UTF-32's come first, as UTF-32-LE's starts with UTF-16-LE's.
BYTE_ORDER_MARKS = [
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
]
# A stated date longer than this is not a date; it would only cost dateparser time.
MAX_DATE_CHARS = 64
# A bare number is not a date (dateparser reads "1.5e300" as today), a four-digit year aside.
BARE_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
YEAR = re.compile(r"\d{4}")
# Lone surrogates: JSON's "\ud800" escapes decode to them, and no UTF-8 text can hold them.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
GIVEN = "given"
TYPE_NAMES = {bool: "a boolean", int: "a number", float: "a number", list: "a list",
              dict: "a mapping"}  # fmt: skip


class UnreadableInput(ValueError):
    """Raised by a reader when an input holds no usable article; the message is the reason."""


def valid_text(text: str) -> str:
    """`text` with lone surrogates replaced by U+FFFD, so that it can be stored as UTF-8."""
    return LONE_SURROGATE.sub("\ufffd", text)


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    controls = sum(1 for c in sample if unicodedata.category(c) == "Cc" and c not in "\n\r\t\f")
    return "\x00" in sample or controls > MAX_CONTROL_SHARE * max(len(sample), 1)


def _decode_marked(data: bytes) -> str | None:
    for mark, codec in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            try:
                return data[len(mark) :].decode(codec)
            except UnicodeDecodeError:
                continue
    return None


def decode_text(data: bytes) -> str:
    """Decode bytes as UTF-32 or UTF-16 when a byte order mark says so, else as UTF-8, else as
    cp1252 (a superset of latin-1's printable range).

    Raises UnreadableInput for binary content.
    """
    text = _decode_marked(data)
    if text is None:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    if _looks_binary(text):
        raise UnreadableInput("binary content, not text")
    return text


def split_headline(text: str) -> tuple[str | None, str]:
    """The title and the body of a plain text whose first paragraph may be a headline.

    A headline, as plain text writes one, is a first paragraph of one line, of at most
    HEADLINE_MAX_WORDS words, that does not end as a sentence does (SENTENCE_ENDS), set off
    from the body by a blank line. So an opening sentence is body, and so is the first line of
    a paragraph wrapped over several lines; a line holding only a dateline, or a byline ("By
    Jane Smith"), is the body's head.
    Without a headline the title is None and the text is all body (the article index then
    names the article by its file name).
    """
    parts = BLANK_LINE.split(text.strip(), maxsplit=1)
    first = parts[0].strip()
    is_headline = (
        len(parts) == 2
        and parts[1].strip()
        and "\n" not in first
        and len(first.split()) <= HEADLINE_MAX_WORDS
        and not first.endswith(SENTENCE_ENDS)
        and not is_dateline_only(first)
        and not byline_authors(first)
    )
    return (first, parts[1]) if is_headline else (None, text)


@dataclass(frozen=True)
class StatedDate:
    """A publication date as an input states it: the date, and where it came from.

    `source` is 'given' for a date read as stated, 'rejected: <why>' for a stated value that is
    not a date, and None when the input states none.
    """

    value: date | None = None
    source: str | None = None


def _not_a_date(text: str) -> StatedDate:
    shown = valid_text(text if len(text) <= MAX_DATE_CHARS else f"{text[:MAX_DATE_CHARS]}…")
    return StatedDate(source=f"rejected: not a date: {shown}")


def _parse_text(text: str) -> StatedDate:
    if len(text) > MAX_DATE_CHARS or (BARE_NUMBER.fullmatch(text) and not YEAR.fullmatch(text)):
        return _not_a_date(text)
    try:
        # ISO 8601, as feeds and JSON mostly give it, without dateparser's cost.
        return StatedDate(datetime.fromisoformat(text).date(), GIVEN)
    except ValueError:
        pass
    try:
        parsed = dateparser.parse(text, settings={"PREFER_DAY_OF_MONTH": "first"})
    except Exception:  # whatever dateparser trips on, the text is not a date
        parsed = None
    return StatedDate(parsed.date(), GIVEN) if parsed else _not_a_date(text)


def stated_date(value: object) -> StatedDate:
    """The publication date stated by `value`, in any common textual form.

    Numbers, booleans, lists and mappings are not dates, and neither is text that does not
    parse as one: each keeps no date and says why in `source`.
    """
    if isinstance(value, datetime):
        return StatedDate(value.date(), GIVEN)
    if isinstance(value, date):
        return StatedDate(value, GIVEN)
    if value is None or value == "":
        return StatedDate()
    if isinstance(value, str):
        return _parse_text(value.strip()) if value.strip() else StatedDate()
    kind = next((name for t, name in TYPE_NAMES.items() if isinstance(value, t)), None)
    kind = kind or f"a value of type {type(value).__name__}"
    return StatedDate(source=f"rejected: {kind} is not a date")
