"""Read numbers written with digits, words and scale words from a run of tokens."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from orchestration.extract.datafiles import data_pairs, data_rows


def read_number_words() -> dict[str, dict[str, int]]:
    """Number words by kind (cardinal, tens, ordinal, scale) from the data file."""
    table: dict[str, dict[str, int]] = {}
    for word, value, kind in data_rows("number_words.tsv"):
        table.setdefault(kind, {})[word] = int(value)
    return table


NUMBER_TABLE = read_number_words()
UNIT_WORDS = NUMBER_TABLE["cardinal"]
TENS_WORDS = NUMBER_TABLE["tens"]
ORDINAL_WORDS = NUMBER_TABLE["ordinal"]
SCALE_WORDS = {word: float(value) for word, value in NUMBER_TABLE["scale"].items()}
SUFFIX_SCALES = {suffix: float(value) for suffix, value in data_pairs("scale_suffixes.tsv").items()}

DIGITS_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
COMPACT_RE = re.compile(r"(\d+(?:\.\d+)?)(" + "|".join(SUFFIX_SCALES) + ")", re.I)
ORDINAL_RE = re.compile(r"(\d+)(?:st|nd|rd|th)", re.I)
NUMBER_WORDS = frozenset(UNIT_WORDS) | frozenset(TENS_WORDS) | {"hundred", "thousand"}
# Signs written against the digits that make a number negative: hyphen-minus and minus sign.
MINUS_SIGNS = frozenset({"-", "\u2212"})


@dataclass
class Number:
    """A number found in the text: token span [start, end) and its value."""

    start: int
    end: int
    value: float
    spelled: bool


def digits_value(text: str) -> float | None:
    """Value of a digit token such as "4.2", "330,000" or "1.5bn"; None if it is not one."""
    if DIGITS_RE.fullmatch(text):
        return float(text.replace(",", ""))
    compact = COMPACT_RE.fullmatch(text)
    if compact:
        return float(compact[1]) * SUFFIX_SCALES[compact[2].lower()]
    return None


def words_value(words: list[str]) -> float | None:
    """Value of spelled-out number words ("one hundred and fifty"); None if not a number."""
    total = current = 0.0
    seen = False
    for word in words:
        if word in UNIT_WORDS:
            current += UNIT_WORDS[word]
        elif word in TENS_WORDS:
            current += TENS_WORDS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in SCALE_WORDS:
            total += max(current, 1) * SCALE_WORDS[word]
            current = 0
        elif word == "and" and seen:
            continue
        else:
            return None
        seen = True
    return total + current if seen else None


def is_inline_space(tok: Token) -> bool:
    """Whether a token is whitespace within a line, such as a no-break space kept as a token."""
    return tok.is_space and "\n" not in tok.text


def skip_spaces(doc: Doc, i: int) -> int:
    """Index of the first token from `i` on that is not whitespace within a line."""
    while i < len(doc) and is_inline_space(doc[i]):
        i += 1
    return i


def continues_group(doc: Doc, end: int) -> bool:
    """Whether a digit group follows at `end`: "330,000", "330, 000" or "120 000" written with
    a no-break or thin space (an ordinary space between digits separates two numbers)."""
    if end + 1 >= len(doc) or not re.fullmatch(r"\d{3}", doc[end + 1].text):
        return False
    if not re.fullmatch(r"\d{1,3}(?:,\d{3})*", doc[end - 1].text):
        return False
    sep = doc[end].text
    return sep == "," or (is_inline_space(doc[end]) and " " not in sep)


def attached_scale(doc: Doc, end: int, short: bool) -> float | None:
    """Scale of a suffix written against the digits ("85" + "m", "1.2" + "bn").

    Single letters ("m", "k", "b") count only when `short` is set, as after a currency sign:
    elsewhere "250m" is more often metres than millions.
    """
    if end >= len(doc) or doc[end - 1].whitespace_:
        return None
    suffix = doc[end].lower_.rstrip(".")
    if len(suffix) == 1 and not short:
        return None
    return SUFFIX_SCALES.get(suffix)


def read_number(doc: Doc, i: int, skip: int = 0, money: bool = False) -> Number | None:
    """The number starting at token `i`, with any scale word after it ("6 billion"); a minus
    sign written against the digits ("-0.5") makes it negative.

    `skip` characters at the head of the token are not part of the number (a currency sign
    written against the digits, "NZ$40"); `money` allows single-letter scale suffixes.
    """
    tok = doc[i]
    text = tok.text[skip:]
    sign = 1.0
    if not skip and text[:1] in MINUS_SIGNS and text[1:2].isdigit():
        sign, text = -1.0, text[1:]
    value = digits_value(text)
    end = i + 1
    spelled = False
    if value is not None:
        while continues_group(doc, end):
            value = value * 1000 + float(doc[end + 1].text)
            end += 2
        scale = attached_scale(doc, end, money)
        if scale is not None:
            value *= scale
            end += 1
    elif skip:
        return None
    elif tok.lower_ in NUMBER_WORDS or (tok.lower_ == "a" and next_is_scale(doc, i + 1)):
        words = ["one" if tok.lower_ == "a" else tok.lower_]
        while end < len(doc) and (
            doc[end].lower_ in NUMBER_WORDS
            or doc[end].lower_ in SCALE_WORDS
            or (doc[end].text == "-" and end + 1 < len(doc) and doc[end + 1].lower_ in UNIT_WORDS)
            or (
                doc[end].lower_ == "and"
                and doc[end - 1].lower_ in SCALE_WORDS
                and end + 1 < len(doc)
                and doc[end + 1].lower_ in NUMBER_WORDS
            )
        ):
            if doc[end].text != "-":
                words.append(doc[end].lower_)
            end += 1
        value = words_value(words)
        spelled = True
        if value is None:
            return None
    else:
        return None
    while (k := skip_spaces(doc, end)) < len(doc) and doc[k].lower_ in SCALE_WORDS:
        value *= SCALE_WORDS[doc[k].lower_]
        end = k + 1
    return Number(i, end, sign * value, spelled)


def next_is_scale(doc: Doc, i: int) -> bool:
    """Whether token `i` is a scale word ("million"), making "a million" a number."""
    return i < len(doc) and doc[i].lower_ in SCALE_WORDS and doc[i].lower_ != "hundred"


def ordinal_value(text: str) -> int | None:
    """Value of an ordinal ("30th" -> 30, "first" -> 1); None if it is not one."""
    match = ORDINAL_RE.fullmatch(text)
    if match:
        return int(match[1])
    return ORDINAL_WORDS.get(text.lower())
