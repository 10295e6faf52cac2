"""What a number means: the kind, unit and currency the words around it give it."""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from orchestration.extract.currency import currency_after, currency_before
from orchestration.extract.datafiles import words_by_kind
from orchestration.extract.lemmas import lemma
from orchestration.extract.lexicon import DEFINITE_DETERMINERS, HYPHENS, MEASURE_UNITS, TIME_UNITS
from orchestration.extract.numbers import (
    ORDINAL_WORDS,
    SCALE_WORDS,
    Number,
    read_number,
    skip_spaces,
)
from orchestration.extract.patterns import YEAR_RE

FIGURE_WORDS = words_by_kind("figure_words.tsv")
CLOCK_WORDS = FIGURE_WORDS["clock"]
AFTER_DATE_WORDS = FIGURE_WORDS["after_date"]
RANGE_WORDS = FIGURE_WORDS["range"]
MEASURE_PREFIXES = FIGURE_WORDS["measure_prefix"]
FRACTION_WORDS = FIGURE_WORDS["fraction"]
NEGATIVE_WORDS = FIGURE_WORDS["negative"]


@dataclass
class Reading:
    """What a number means: kind, unit, currency and the token span it covers."""

    kind: str
    unit: str | None
    currency: str | None
    start: int
    end: int
    scale: float = 1.0


def unit_of(word: str, table: dict[str, str]) -> str | None:
    """Singular unit name for a unit word ("years" -> "year"), if the table knows it."""
    word = word.lower()
    return table.get(word) or (table.get(word[:-1]) if word.endswith("s") else None)


def is_age(doc: Doc, after: int) -> bool:
    """Whether the word at `after` ends an age ("36-year-old", "23 years old"), which
    describes a person or thing rather than giving a figure."""
    k = after + 1 if after < len(doc) and doc[after].text in HYPHENS else after
    return k < len(doc) and doc[k].lower_ == "old"


def is_fraction(word: str) -> bool:
    """Whether a word names a fraction ("thirds", "half"), making "two-thirds" a share."""
    word = word.lower()
    return word in FRACTION_WORDS or word.removesuffix("s") in ORDINAL_WORDS


def counted_noun(doc: Doc, number: Number) -> tuple[int, int] | None:
    """Token span of the noun a number counts ("120 schools" -> "schools").

    Modifiers of the same kind of noun belong to it ("nursing vacancies", "South Koreans"); a
    word hyphenated to the one before ("wide-body") or a proper noun before a common noun
    ("Boeing 777X jets") does not.
    """
    head = doc[number.end - 1].head
    if head.pos_ in ("NOUN", "PROPN") and number.end <= head.i <= number.end + 3:
        start = head.i
        while (
            start > number.end
            and doc[start - 1].dep_ == "compound"
            and doc[start - 1].pos_ == head.pos_
            and doc[start - 2].text not in HYPHENS
        ):
            start -= 1
        return start, head.i + 1
    i = number.end
    while i < len(doc) and doc[i].pos_ == "ADJ":
        i += 1
    if i < len(doc) and doc[i].pos_ == "NOUN":
        start = i
        while i + 1 < len(doc) and doc[i + 1].pos_ == "NOUN":
            i += 1
        return start, i + 1
    return None


def read_meaning(doc: Doc, number: Number, context: tuple[str, ...] = ()) -> Reading | None:
    """Classify a number by the words around it; None when it is not a figure.

    `context` lists the countries the article is about, for currency names several
    countries share.
    """
    end = number.end
    before = currency_before(doc, number.start)
    if before:
        after = currency_after(doc, end, context)
        return Reading("money", before[1], before[1], before[0], after[0] if after else end)
    after = currency_after(doc, end, context)
    if after:
        return Reading("money", after[1], after[1], number.start, after[0])
    k = skip_spaces(doc, end)
    words = [t.lower_ for t in doc[k : k + 2]]
    if words[:1] in (["%"], ["percent"], ["pct"]):
        return Reading("percent", "percent", None, number.start, k + 1)
    if words == ["per", "cent"]:
        return Reading("percent", "percent", None, number.start, k + 2)
    if words in (["percentage", "point"], ["percentage", "points"]):
        return Reading("percent", "percentage point", None, number.start, k + 2)
    return read_range(doc, number, context) or read_unit(doc, number)


def negated(doc: Doc, reading: Reading, value: float) -> tuple[Reading, float]:
    """The reading and value of a figure with a word that makes it negative right before it
    ("minus 0.5%" is -0.5), the word joining the figure's span; else both unchanged."""
    before = reading.start - 1
    if before < 0 or doc[before].lower_ not in NEGATIVE_WORDS:
        return reading, value
    return replace(reading, start=before), -value


def read_range(doc: Doc, number: Number, context: tuple[str, ...]) -> Reading | None:
    """The first number of a range ("40 to 50 patients", "2 to 3 billion dollars") takes the
    meaning, and any scale word, of the second; its span stays the number alone."""
    k = number.end
    if k + 1 >= len(doc) or doc[k].lower_ not in RANGE_WORDS:
        return None
    dash = doc[k].text in HYPHENS or doc[k].text == "\u2013"
    if dash and (doc[k - 1].whitespace_ or doc[k].whitespace_):
        return None
    second = read_number(doc, k + 1)
    meaning = read_meaning(doc, second, context) if second else None
    if second is None or meaning is None or meaning.start != second.start:
        return None
    scale = 1.0
    if doc[number.end - 1].lower_ not in SCALE_WORDS:
        for tok in reversed(doc[second.start + 1 : second.end]):
            if tok.lower_ not in SCALE_WORDS:
                break
            scale *= SCALE_WORDS[tok.lower_]
    return Reading(meaning.kind, meaning.unit, meaning.currency, number.start, number.end, scale)


def measure_at(doc: Doc, i: int) -> tuple[str, int] | None:
    """A unit of measure at token `i` ("km", "cubic metres"), as (unit, end token)."""
    if i < len(doc) and doc[i].lower_ in MEASURE_PREFIXES and i + 1 < len(doc):
        unit = unit_of(doc[i + 1].text, MEASURE_UNITS)
        return (f"{doc[i].lower_} {unit}", i + 2) if unit else None
    unit = unit_of(doc[i].text, MEASURE_UNITS) if i < len(doc) else None
    return (unit, i + 1) if unit and doc[i].pos_ in ("NOUN", "PROPN") else None


def read_unit(doc: Doc, number: Number) -> Reading | None:
    """Durations ("three-day", "10 years"), quantities ("3,000 km") and counts ("120 schools").

    Ages, fractions, years, and numbers that label rather than count ("magnitude 5.9") are
    not figures.
    """
    end = number.end
    unit_at = end + 1 if end + 1 < len(doc) and doc[end].text in HYPHENS else end
    unit_at = skip_spaces(doc, unit_at)
    if unit_at < len(doc):
        word = doc[unit_at].text
        following = doc[unit_at + 1].lower_ if unit_at + 1 < len(doc) else ""
        duration = unit_of(word, TIME_UNITS)
        if duration and is_age(doc, unit_at + 1):
            return None
        if duration and following not in AFTER_DATE_WORDS:
            return Reading("duration", duration, None, number.start, unit_at + 1)
        measure = measure_at(doc, unit_at)
        if measure:
            return Reading("quantity", measure[0], None, number.start, measure[1])
        if is_fraction(word):
            return None
    if number.value == 1 and number.spelled:
        return None
    if YEAR_RE.fullmatch(doc[number.start].text) and number.end == number.start + 1:
        return None
    if number.start > 0 and labels_number(doc[number.start - 1]):
        return None
    if number.spelled and number.start > 0 and doc[number.start - 1].lower_ in DEFINITE_DETERMINERS:
        return None
    noun = counted_noun(doc, number)
    if noun is None or doc[noun[0] : noun[1]].text.lower() in CLOCK_WORDS:
        return None
    last = doc[noun[1] - 1]
    duration = unit_of(last.text, TIME_UNITS)
    if duration and noun[1] - noun[0] == 1:
        if is_age(doc, noun[1]):
            return None
        return Reading("duration", duration, None, number.start, noun[1])
    return Reading("count", doc[noun[0] : noun[1]].text.lower(), None, number.start, noun[1])


def labels_number(before: Token) -> bool:
    """Whether the word before a number makes it a label, not a count ("magnitude 5.9",
    "stage 6")."""
    return before.pos_ == "NOUN" and before.is_lower


def ordinal_reading(doc: Doc, tok: Token) -> Reading | None:
    """An ordinal with the noun it ranks ("40th meeting"); not one that opens a count
    ("the first eight months")."""
    if tok.pos_ not in ("ADJ", "NUM") and tok.ent_type_ != "ORDINAL":
        return None
    if tok.i + 1 < len(doc) and read_number(doc, tok.i + 1) is not None:
        return None
    head = tok.head
    noun = None
    if head.pos_ in ("NOUN", "PROPN") and 0 < head.i - tok.i <= 4:
        noun = head
    elif tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "NOUN":
        noun = doc[tok.i + 1]
    if noun is None:
        return None
    return Reading("ordinal", lemma(noun).lower(), None, tok.i, noun.i + 1)
