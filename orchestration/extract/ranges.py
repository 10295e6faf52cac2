"""Ranges: two numbers read as one figure from a low to a high end ("between $12 million and
$15 million", "$12-15 million", "10 to 12 people", "3% to 5%").

The first number has been read already (its kind and unit, or those its second end gives it:
see `readings.read_range`); this module finds the second end and decides whether the two make
a range. They do when the second has the same kind, unit and currency as the first, or none
of its own ("$12-15 million"), and is the larger. "and" joins a range only after "between"
("200 and 300 workers" may be two figures of a list), and "from 3% to 5%" after a word of
change ("rose from 3% to 5%") is a change between two values, not a range.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc

from orchestration.extract.datafiles import words_by_kind
from orchestration.extract.lemmas import lemma
from orchestration.extract.lexicon import HYPHENS
from orchestration.extract.numbers import (
    COMPACT_RE,
    SCALE_WORDS,
    SUFFIX_SCALES,
    Number,
    skip_spaces,
)
from orchestration.extract.readings import Reading

FIGURE_WORDS = words_by_kind("figure_words.tsv")
RANGE_WORDS = FIGURE_WORDS["range"]
OPENERS = FIGURE_WORDS["range_opener"]
CHANGE_WORDS = FIGURE_WORDS["change"]
# Kinds whose figures can be ranges; an ordinal cannot.
RANGE_KINDS = frozenset({"money", "count", "percent", "duration", "quantity"})

# Reads the figure starting at a token: (number, reading, value), as `figures.read_at` does.
ReadAt = Callable[[Doc, int], tuple[Number | None, Reading | None, float | None]]


@dataclass(frozen=True)
class Range:
    """A range's tokens [start, end), its ends, and whether an opening word ("between",
    "from") starts it."""

    start: int
    end: int
    low: float
    high: float
    opened: bool


def scale_of(doc: Doc, number: Number) -> float:
    """The scale written with a number ("million", "bn"); 1 when it has none."""
    scale = 1.0
    first = doc[number.start].text
    compact = COMPACT_RE.search(first)
    if compact and compact.end() == len(first):
        scale *= SUFFIX_SCALES[compact[2].lower()]
    for tok in doc[number.start + 1 : number.end]:
        word = tok.lower_.rstrip(".")
        scale *= SCALE_WORDS.get(word) or SUFFIX_SCALES.get(word) or 1.0
    return scale


def opener_before(doc: Doc, start: int) -> int | None:
    """Index of a word opening a range right before token `start` ("between", "from"), unless
    it is the "from" of a change ("rose from 3% to 5%", "a rise from")."""
    if start < 1 or doc[start - 1].lower_ not in OPENERS:
        return None
    opener = doc[start - 1]
    if opener.lower_ == "from" and lemma(opener.head).lower() in CHANGE_WORDS:
        return None
    return start - 1


def after_change(doc: Doc, start: int) -> bool:
    """Whether a word of change comes right before token `start` ("fell 0.2%", "rose by
    3%"): a "to" after such a figure gives the value reached, not a range's high end."""
    k = start - 1
    if k >= 0 and doc[k].lower_ == "by":
        k -= 1
    return k >= 0 and lemma(doc[k]).lower() in CHANGE_WORDS


def joins(doc: Doc, k: int, opened: bool) -> bool:
    """Whether token `k` joins the two ends of a range: "to", "or", a dash written against
    both numbers, or "and" after "between"."""
    word = doc[k].lower_
    if word not in RANGE_WORDS:
        return False
    if doc[k].text in HYPHENS or doc[k].text == "\u2013":
        return not doc[k - 1].whitespace_ and not doc[k].whitespace_
    return word != "and" or opened


def read_second(
    doc: Doc, j: int, read_at: ReadAt
) -> tuple[Number | None, Reading | None, float | None]:
    """The figure of a range's second end at token `j`, or at the token after it when `j` is
    a currency sign written apart from the digits ("$ 15", "US$ 15" split by the tokenizer)."""
    found = read_at(doc, j)
    if found[0] is None and j + 1 < len(doc):
        number, meaning, value = read_at(doc, j + 1)
        if meaning is not None and meaning.start == j:
            return number, meaning, value
    return found


def range_after(
    doc: Doc,
    number: Number | None,
    reading: Reading,
    value: float,
    read_at: ReadAt,
) -> Range | None:
    """The range whose low end is the figure `reading` (of `number`, worth `value`), if the
    words after it give a second, higher end of the same kind."""
    if number is None or reading.kind not in RANGE_KINDS:
        return None
    start = opener_before(doc, reading.start)
    opened = start is not None and doc[start].lower_ == "between"
    if start is None and reading.start > 0 and doc[reading.start - 1].lower_ in OPENERS:
        return None
    k = skip_spaces(doc, reading.end)
    if k + 1 >= len(doc) or not joins(doc, k, opened):
        return None
    if start is None and doc[k].lower_ == "to" and after_change(doc, reading.start):
        return None
    second, meaning, high = read_second(doc, skip_spaces(doc, k + 1), read_at)
    if second is None:
        return None
    if meaning is None:
        if reading.kind not in ("money", "percent", "quantity"):
            return None
        end, high = second.end, second.value
    elif (meaning.kind, meaning.unit, meaning.currency) != (
        reading.kind,
        reading.unit,
        reading.currency,
    ):
        return None
    else:
        end = meaning.end
    assert high is not None
    low = value
    shared = scale_of(doc, second)
    # "$12-15 million": a first end written without the scale of the second shares it, when
    # it is smaller than the second's digits ("$500,000 to $1 million" shares nothing).
    bare = reading.scale == 1 and scale_of(doc, number) == 1 and not number.spelled
    if bare and abs(number.value) < abs(second.value / shared):
        low = value * shared
    if not low < high:
        return None
    return Range(reading.start if start is None else start, end, low, high, start is not None)
