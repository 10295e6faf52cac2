"""Exchange rates: the price of one currency in another, which is not a sum of money.

"90 rubles per dollar", "150 yen to the dollar", "1 dollar = 90 rubles" and "the euro fell to
$1.0230" each state how much of one currency buys one unit of another. Such a figure becomes a
quantity whose unit names both currencies, quoted currency first ("RUB per USD"), and whose
value is the price of one unit of the other; it is no longer counted as money.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc

from orchestration.extract.currency import currency_after, currency_named
from orchestration.extract.datafiles import words_by_kind
from orchestration.extract.lexicon import DEFINITE_DETERMINERS
from orchestration.extract.numbers import Number, skip_spaces
from orchestration.extract.ranges import read_second
from orchestration.extract.readings import Reading

PAIR_WORDS = words_by_kind("figure_words.tsv")["rate_pair"]
# Words between "per" and the currency it names: "per one dollar", "to the dollar".
UNIT_ARTICLES = DEFINITE_DETERMINERS | {"a", "an", "one", "each"}

ReadAt = Callable[[Doc, int], tuple[Number | None, Reading | None, float | None]]


@dataclass(frozen=True)
class Rate:
    """An exchange rate: where its tokens end, the price of one unit of the base currency,
    and its unit ("RUB per USD")."""

    end: int
    value: float
    unit: str


def per_currency(doc: Doc, k: int, context: tuple[str, ...]) -> tuple[int, str] | None:
    """The base currency of a rate named at token `k` ("per dollar", "against the euro",
    "to the dollar"), as (end token, code)."""
    word = doc[k].lower_ if k < len(doc) else ""
    if word == "to" and k + 1 < len(doc) and doc[k + 1].lower_ in DEFINITE_DETERMINERS:
        word = "per"
    if word not in PAIR_WORDS or word == "=":
        return None
    j = skip_spaces(doc, k + 1)
    if j < len(doc) and doc[j].lower_ in UNIT_ARTICLES:
        j = skip_spaces(doc, j + 1)
    return currency_after(doc, j, context) if j < len(doc) else None


def priced_currency(doc: Doc, start: int, end: int, context: tuple[str, ...]) -> str | None:
    """The currency that is the subject of the clause of a money figure ("the euro fell to
    $1.02", "the dollar bought 150 yen"), when there is one."""
    verb = doc[end - 1]
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and not start <= child.i < end:
            named = currency_named(doc, child.i, context)
            return named[1] if named else None
    return None


def exchange_rate(
    doc: Doc, reading: Reading, value: float, read_at: ReadAt, context: tuple[str, ...]
) -> Rate | None:
    """The exchange rate a money figure (`reading`, worth `value`) states, if it states one."""
    if reading.kind != "money" or reading.currency is None:
        return None
    quoted = reading.currency
    k = skip_spaces(doc, reading.end)
    base = per_currency(doc, k, context)
    if base and base[1] != quoted:
        return Rate(base[0], value, f"{quoted} per {base[1]}")
    if k < len(doc) and doc[k].text == "=" and value:
        _, meaning, price = read_second(doc, skip_spaces(doc, k + 1), read_at)
        if meaning and meaning.kind == "money" and meaning.currency not in (None, quoted):
            assert price is not None
            return Rate(meaning.end, price / value, f"{meaning.currency} per {quoted}")
    subject = priced_currency(doc, reading.start, reading.end, context)
    if subject and subject != quoted:
        return Rate(reading.end, value, f"{quoted} per {subject}")
    return None
