"""Entity candidates from the model, the dateline, nationality words and country names; the
choice among overlapping candidates; further occurrences of names already found."""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.symbols import PROPN
from spacy.tokens import Doc

from orchestration.extract.datafiles import read_words
from orchestration.extract.dateline import Dateline
from orchestration.extract.filters import (
    is_amount_part,
    is_demonym_compound,
    is_title_part,
    is_unit,
)
from orchestration.extract.geo import gazetteer
from orchestration.extract.holder_splits import split_holder
from orchestration.extract.lexicon import HONORIFICS, POSSESSIVES
from orchestration.extract.records import doc_text, span_text, token_texts
from orchestration.extract.spans import NAME_LABELS, Candidate, repair, surnames

LAW_WORDS = read_words("law_words.txt")
WORD_OR_HYPHEN_RE = re.compile(r"[\w-]")
WORD_GOES_ON_RE = re.compile(r"\w|-\w")


def model_candidates(doc: Doc, entity_labels: frozenset[str]) -> list[Candidate]:
    """The model's named entities, repaired and split at a place's possessive and at the
    title or nationality glued to a person's name (see `holder_splits`).

    A name opening with an honorific ("Dr Anjali Mehrotra") is a person's, whatever the
    model's label; a "law" with no word of law in it ("Ariane 5") is a product.
    """
    found = []
    for ent in doc.ents:
        if ent.label_ not in entity_labels:
            continue
        label = "PERSON" if len(ent) > 1 and ent[0].lower_ in HONORIFICS else ent.label_
        if label == "LAW" and not any(t.lower_ in LAW_WORDS for t in ent):
            label = "PRODUCT"  # a name with a number ("Ariane 5") is a law only as "Article 5"
        for cand in repair(doc, ent.start, ent.end, label):
            if any(
                rejects(doc, cand)
                for rejects in (is_unit, is_demonym_compound, is_amount_part, is_title_part)
            ):
                continue
            for part in split_holder(doc, cand):
                found.extend(split_possessive(doc, part))
    return found


def split_possessive(doc: Doc, cand: Candidate) -> list[Candidate]:
    """Split "France's Foreign Ministry" into the place and the organisation it owns."""
    for k in range(cand.start + 1, cand.end - 1):
        if doc[k].text in POSSESSIVES:
            place = gazetteer().lookup(doc[cand.start : k].text)
            if place:
                owner = Candidate(cand.start, k, place.type, place=place, source="rule")
                owned = Candidate(k + 1, cand.end, cand.label, country=place.country)
                return [owner, owned]
    return [cand]


def dateline_candidates(doc: Doc, dateline: Dateline | None, votes: int) -> list[Candidate]:
    """The dateline place and its region as place mentions, and an agency named in the
    dateline ("(Reuters)", "KAZINFORM") as an organisation, each with `votes` for its type."""
    if dateline is None or dateline.place_start is None:
        return []
    found = []
    places = [(dateline.place_start, dateline.place_end, dateline.place)]
    if dateline.region_start is not None:
        places.append((dateline.region_start, dateline.region_end, dateline.region))
    for start, end, place in places:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            label = place.type if place else "GPE"
            found.append(
                Candidate(span.start, span.end, label, votes, place=place, source="dateline")
            )
    if dateline.agency_in_head and dateline.agency_start is not None:
        span = doc.char_span(dateline.agency_start, dateline.agency_end, alignment_mode="expand")
        if span is not None:
            found.append(Candidate(span.start, span.end, "ORG", votes, source="dateline"))
    return found


def demonym_candidates(doc: Doc, votes: int) -> list[Candidate]:
    """Nationality and residents' words ("Polish", "South African", "Queenslander") as NORP
    mentions linked to a country, with `votes` for that type."""
    gaz = gazetteer()
    found = []
    words = token_texts(doc)
    i = 0
    while i < len(doc):
        word = words[i]
        if not word[:1].isupper():
            i += 1
            continue
        pair = span_text(doc, i, i + 2) if i + 1 < len(doc) else ""
        for size, text in ((2, pair), (1, word)):
            code = (gaz.demonym(text) if size == 2 else gaz.resident(text)) if text else None
            if code:
                found.append(Candidate(i, i + size, "NORP", votes, country=code, source="demonym"))
                i += size - 1
                break
        i += 1
    return found


def country_candidates(doc: Doc, max_words: int, max_shouted_chars: int) -> list[Candidate]:
    """Country names of up to `max_words` words the model left untagged ("South Africa"),
    found in the gazetteer; not the country of an amount ("350 million US dollars")."""
    gaz = gazetteer()
    # Read from one array: most tokens are not proper nouns, and are passed over unbuilt.
    proper = [pos == PROPN for pos in doc.to_array("POS").tolist()]
    found = []
    i = 0
    while i < len(doc):
        step = 1
        if proper[i] and span_text(doc, i, i + 1)[:1].isupper():
            for size in range(min(max_words, len(doc) - i), 0, -1):
                if not proper[i + size - 1]:
                    continue
                words = span_text(doc, i, i + size)
                if not words.replace(" ", "").isalpha():
                    continue
                if gaz.country(words) and not shouted_abbreviation(
                    doc, i, i + size, max_shouted_chars
                ):
                    found.append(Candidate(i, i + size, "GPE", source="gazetteer"))
                    step = size
                    break
        i += step
    return [c for c in found if not is_amount_part(doc, c)]


def shouted_abbreviation(doc: Doc, start: int, end: int, max_chars: int) -> bool:
    """Whether a word of up to `max_chars` letters sits among capitals ("LET US GO"), not
    naming a place."""
    neighbours = [doc[k] for k in (start - 1, end) if 0 <= k < len(doc) and doc[k].is_alpha]
    return len(doc[start:end].text) <= max_chars and any(t.is_upper for t in neighbours)


def select(cands: list[Candidate], priority: dict[str, int]) -> list[Candidate]:
    """Keep the longest candidates that do not overlap, in text order; between equally long
    ones, the one whose source ranks first in `priority` (lowest number)."""
    ranked = sorted(cands, key=lambda c: (c.start - c.end, priority[c.source], c.start))
    taken: set[int] = set()
    kept = []
    for cand in ranked:
        tokens = set(range(cand.start, cand.end))
        if not tokens & taken:
            taken |= tokens
            kept.append(cand)
    return sorted(kept, key=lambda c: c.start)


def propagate(
    doc: Doc, cands: list[Candidate], votes: int, priority: dict[str, int]
) -> list[Candidate]:
    """Find further exact occurrences of names already recognised elsewhere in the article,
    each with `votes` for the name's type, and keep the candidates that win over the ones they
    overlap (see `select`)."""
    forms = {}
    for cand in cands:
        text = cand.text(doc)
        if cand.label == "PERSON":
            for form in surnames(text):
                forms.setdefault(form, cand)
        if cand.label in NAME_LABELS and text[:1].isupper():
            forms[text] = cand
    if not forms:
        return cands
    found = list(cands)
    for start, end, form in occurrences(doc_text(doc), forms):
        span = doc.char_span(start, end)
        if span is None:
            continue
        like = forms[form]
        found.append(
            Candidate(
                span.start, span.end, like.label, votes, place=like.place, source="propagated"
            )
        )
    return select(found, priority)


def occurrences(text: str, forms: Iterable[str]) -> list[tuple[int, int, str]]:
    """Where the forms occur in `text` as whole words, as (start, end, form): scanning left to
    right, the longest form at a place wins and the scan goes on after it.

    The same as one regular expression alternating every form, longest first, without
    compiling a new one for each article.
    """
    hits = []
    for form in forms:
        at = text.find(form)
        while at >= 0:
            end = at + len(form)
            joined_before = at > 0 and WORD_OR_HYPHEN_RE.match(text, at - 1)
            if not joined_before and not WORD_GOES_ON_RE.match(text, end):
                hits.append((at, -len(form), form))
            at = text.find(form, at + 1)
    found = []
    scanned_to = 0
    for start, minus_length, form in sorted(hits):
        if start >= scanned_to:
            scanned_to = start - minus_length
            found.append((start, scanned_to, form))
    return found
