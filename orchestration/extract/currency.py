"""Currency symbols, codes and names (ISO 4217 via pycountry, plus the data folder's currency
files) and how to read them."""

from __future__ import annotations

import functools
import re

import pycountry
from spacy.tokens import Doc

from orchestration.extract.datafiles import data_pairs, read_words
from orchestration.extract.geo import gazetteer, read_table
from orchestration.extract.lexicon import HYPHENS
from orchestration.extract.numbers import is_inline_space

SYMBOLS = data_pairs("currency_symbols.tsv")
GLUED_RE = re.compile(
    "(" + "|".join(re.escape(s) for s in sorted(SYMBOLS, key=len, reverse=True)) + r")(?=\d)"
)
# Where several currencies share a name, the one news use means by it.
NAME_DEFAULTS = data_pairs("currency_defaults.tsv")
AMBIGUOUS_WORDS = read_words("currency_ambiguous.txt")
# Dependencies of a word that modifies a noun after it ("18 gold medals"): a currency name that
# is also an English word is then that word, not the currency.
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})


@functools.cache
def currency_words() -> dict[str, tuple[str, ...]]:
    """Currency name word (singular and plural) to the ISO 4217 codes of circulating currencies."""
    circulating = set(gazetteer().currency_of.values())
    words: dict[str, list[str]] = {}
    for currency in pycountry.currencies:
        if currency.alpha_3 not in circulating:
            continue
        word = currency.name.split()[-1].lower()
        if currency.name.lower().startswith("yuan"):
            word = "yuan"
        for form in (word, word + "s"):
            words.setdefault(form, []).append(currency.alpha_3)
    for word, codes in read_table("currency_names.tsv"):
        words.setdefault(word, []).extend(codes)
    for word, code in NAME_DEFAULTS.items():
        words.setdefault(word, []).insert(0, code)
        words.setdefault(word + "s", []).insert(0, code)
    return {word: tuple(codes) for word, codes in words.items()}


@functools.cache
def iso_codes() -> frozenset[str]:
    """ISO 4217 alphabetic codes of circulating currencies."""
    return frozenset(gazetteer().currency_of.values()) - {""}


@functools.cache
def currency_population() -> dict[str, int]:
    """Population of the most populous country using each currency."""
    gaz = gazetteer()
    population: dict[str, int] = {}
    for place in gaz.countries.values():
        code = gaz.currency_of.get(place.country or "")
        if code:
            population[code] = max(population.get(code, 0), place.population)
    return population


def default_code(codes: tuple[str, ...], context: tuple[str, ...] = ()) -> str:
    """The currency a bare name means: that of a country the article is about, else a named
    default, else that of the most populous country."""
    own = gazetteer().currency_of
    for country in context:
        if own.get(country) in codes:
            return own[country]
    if codes[0] in NAME_DEFAULTS.values():
        return codes[0]
    return max(codes, key=lambda code: currency_population().get(code, 0))


def glued_currency(text: str) -> tuple[int, str] | None:
    """A currency sign written against the digits of one token ("NZ$40"), as (its length, code)."""
    match = GLUED_RE.match(text)
    return (len(match[1]), SYMBOLS[match[1]]) if match else None


def previous_word(doc: Doc, i: int) -> int:
    """Index of the last token before `i` that is not whitespace within a line (-1 if none)."""
    i -= 1
    while i >= 0 and is_inline_space(doc[i]):
        i -= 1
    return i


def currency_before(doc: Doc, i: int) -> tuple[int, str] | None:
    """A currency symbol or code ending just before token `i`, as (start token, code)."""
    k = previous_word(doc, i)
    if k < 0:
        return None
    text = doc[k].text
    if k >= 1 and not doc[k - 1].whitespace_ and doc[k - 1].text + text in SYMBOLS:
        return k - 1, SYMBOLS[doc[k - 1].text + text]
    if text in SYMBOLS:
        return k, SYMBOLS[text]
    if text.isupper() and text in iso_codes():
        return k, text
    return None


def currency_after(doc: Doc, i: int, context: tuple[str, ...] = ()) -> tuple[int, str] | None:
    """A currency name or code starting at token `i` ("US dollars", "tenge"), as (end, code).

    `context` lists the countries the article is about, most relevant first; they settle a
    name several currencies share ("dirhams" in a report from Dubai).
    """
    while i < len(doc) and is_inline_space(doc[i]):
        i += 1
    if i >= len(doc):
        return None
    tok = doc[i]
    if tok.text.isupper() and tok.text in iso_codes():
        return i + 1, tok.text
    qualifier = country_of(tok.text)
    if qualifier and i + 1 < len(doc):
        named = currency_named(doc, i + 1, (qualifier,))
        if named:
            return named
    return currency_named(doc, i, context)


def currency_named(doc: Doc, i: int, context: tuple[str, ...]) -> tuple[int, str] | None:
    """The currency named by token `i`, preferring one used in a country of `context`."""
    tok = doc[i]
    codes = currency_words().get(tok.lower_)
    if not codes or modifies_next(doc, i):
        return None
    if tok.lower_ in AMBIGUOUS_WORDS and (
        tok.pos_ not in ("NOUN", "PROPN") or (tok.dep_ in MODIFIER_DEPS and tok.head.i > i)
    ):
        return None
    return i + 1, default_code(codes, context)


def modifies_next(doc: Doc, i: int) -> bool:
    """Whether token `i` is hyphenated to the word after it ("gold-plated", "dollar-based"):
    the compound describes what follows, and names no currency of the number before it."""
    return i + 1 < len(doc) and doc[i + 1].text in HYPHENS and not doc[i].whitespace_


def country_of(text: str) -> str | None:
    """Alpha-3 country code for a country name or nationality word, if it is one."""
    gaz = gazetteer()
    place = gaz.country(text) if text[:1].isupper() else None
    return place.country if place else gaz.demonym(text)
