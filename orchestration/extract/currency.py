"""Currency symbols, codes and names (ISO 4217 via pycountry) and how to read them."""

from __future__ import annotations

import functools

import pycountry
from spacy.tokens import Doc

from orchestration.extract.geo import gazetteer

SYMBOLS = {
    "$": "USD",
    "US$": "USD",
    "\u20ac": "EUR",
    "\u00a3": "GBP",
    "\u00a5": "JPY",
    "\u20a9": "KRW",
    "\u20b8": "KZT",
    "\u20bd": "RUB",
    "\u20b9": "INR",
    "\u20ba": "TRY",
    "\u20b4": "UAH",
    "C$": "CAD",
    "A$": "AUD",
    "HK$": "HKD",
    "S$": "SGD",
    "NZ$": "NZD",
    "R$": "BRL",
    "Rs": "INR",
    "Rs.": "INR",
}
# Where several currencies share a name, news use means the best-known one; population alone
# would pick the Egyptian pound or the Congolese franc.
NAME_DEFAULTS = {"pound": "GBP", "sterling": "GBP", "franc": "CHF", "rouble": "RUB"}
AMBIGUOUS_WORDS = frozenset(
    {"won", "real", "rand", "pound", "sterling", "sum", "som", "mark", "marks", "sol", "colon"}
)


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
    words["reais"] = ["BRL"]
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


def default_code(codes: tuple[str, ...]) -> str:
    """The currency a bare name means: a named default, else that of the most populous country."""
    if codes[0] in NAME_DEFAULTS.values():
        return codes[0]
    return max(codes, key=lambda code: currency_population().get(code, 0))


def currency_before(doc: Doc, i: int) -> tuple[int, str] | None:
    """A currency symbol or code ending just before token `i`, as (start token, code)."""
    if i <= 0:
        return None
    text = doc[i - 1].text
    if i >= 2 and not doc[i - 2].whitespace_ and doc[i - 2].text + text in SYMBOLS:
        return i - 2, SYMBOLS[doc[i - 2].text + text]
    if text in SYMBOLS:
        return i - 1, SYMBOLS[text]
    if text.isupper() and text in iso_codes():
        return i - 1, text
    return None


def currency_after(doc: Doc, i: int) -> tuple[int, str] | None:
    """A currency name or code starting at token `i` ("US dollars", "tenge"), as (end, code)."""
    if i >= len(doc):
        return None
    tok = doc[i]
    if tok.text.isupper() and tok.text in iso_codes():
        return i + 1, tok.text
    qualifier = country_of(tok.text)
    if qualifier and i + 1 < len(doc):
        named = currency_named(doc, i + 1, qualifier)
        if named:
            return named
    return currency_named(doc, i, None)


def currency_named(doc: Doc, i: int, country: str | None) -> tuple[int, str] | None:
    """The currency named by token `i`, preferring the one of `country` when given."""
    tok = doc[i]
    codes = currency_words().get(tok.lower_)
    if not codes or (tok.lower_ in AMBIGUOUS_WORDS and tok.pos_ not in ("NOUN", "PROPN")):
        return None
    if country:
        own = gazetteer().currency_of.get(country)
        if own in codes:
            return i + 1, own
    return i + 1, default_code(codes)


def country_of(text: str) -> str | None:
    """Alpha-3 country code for a country name or nationality word, if it is one."""
    gaz = gazetteer()
    place = gaz.country(text) if text[:1].isupper() else None
    return place.country if place else gaz.demonym(text)
