"""Collect, type and extend named-entity candidates over one article."""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.symbols import PROPN
from spacy.tokens import Doc

from orchestration.extract.cues import retype_by_cues
from orchestration.extract.dateline import Dateline
from orchestration.extract.filters import (
    drop_shouted,
    is_amount_part,
    is_demonym_compound,
    is_title_part,
    is_unit,
)
from orchestration.extract.geo import gazetteer
from orchestration.extract.lexicon import HONORIFICS, POSSESSIVES
from orchestration.extract.names import complete_names, speaker_names
from orchestration.extract.records import doc_text, span_text
from orchestration.extract.retyping import (
    complete_lists,
    link_places,
    retype_by_context,
    titled_names,
    vote_labels,
)
from orchestration.extract.spans import NAME_LABELS, Candidate, repair, surnames

ENTITY_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)
WORD_OR_HYPHEN_RE = re.compile(r"[\w-]")
WORD_GOES_ON_RE = re.compile(r"\w|-\w")
PRIORITY = {"dateline": 0, "demonym": 1, "rule": 2, "model": 3, "gazetteer": 4, "propagated": 5}


def model_candidates(doc: Doc) -> list[Candidate]:
    """The model's named entities, repaired and split at a place's possessive.

    A name opening with an honorific ("Dr Anjali Mehrotra") is a person's, whatever the
    model's label.
    """
    found = []
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        label = "PERSON" if len(ent) > 1 and ent[0].lower_ in HONORIFICS else ent.label_
        for cand in repair(doc, ent.start, ent.end, label):
            if any(
                rejects(doc, cand)
                for rejects in (is_unit, is_demonym_compound, is_amount_part, is_title_part)
            ):
                continue
            found.extend(split_possessive(doc, cand))
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


def dateline_candidate(doc: Doc, dateline: Dateline | None) -> list[Candidate]:
    """The dateline place and its region as place mentions, and an agency named in the
    dateline ("(Reuters)", "KAZINFORM") as an organisation."""
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
            found.append(Candidate(span.start, span.end, label, 3, place=place, source="dateline"))
    if dateline.agency_in_head and dateline.agency_start is not None:
        span = doc.char_span(dateline.agency_start, dateline.agency_end, alignment_mode="expand")
        if span is not None:
            found.append(Candidate(span.start, span.end, "ORG", 3, source="dateline"))
    return found


def demonym_candidates(doc: Doc) -> list[Candidate]:
    """Nationality words ("Polish", "South African") as NORP mentions linked to a country."""
    gaz = gazetteer()
    found = []
    i = 0
    while i < len(doc):
        word = span_text(doc, i, i + 1)
        if not word[:1].isupper():
            i += 1
            continue
        pair = span_text(doc, i, i + 2) if i + 1 < len(doc) else ""
        for size, text in ((2, pair), (1, word)):
            code = gaz.demonym(text) if text else None
            if code:
                found.append(Candidate(i, i + size, "NORP", 3, country=code, source="demonym"))
                i += size - 1
                break
        i += 1
    return found


def country_candidates(doc: Doc) -> list[Candidate]:
    """Country names the model left untagged ("South Africa"), found in the gazetteer."""
    gaz = gazetteer()
    # Read from one array: most tokens are not proper nouns, and are passed over unbuilt.
    proper = [pos == PROPN for pos in doc.to_array("POS").tolist()]
    found = []
    i = 0
    while i < len(doc):
        step = 1
        if proper[i] and span_text(doc, i, i + 1)[:1].isupper():
            for size in range(min(4, len(doc) - i), 0, -1):
                if not proper[i + size - 1]:
                    continue
                words = span_text(doc, i, i + size)
                if not words.replace(" ", "").isalpha():
                    continue
                if gaz.country(words) and not shouted_abbreviation(doc, i, i + size):
                    found.append(Candidate(i, i + size, "GPE", source="gazetteer"))
                    step = size
                    break
        i += step
    return found


def shouted_abbreviation(doc: Doc, start: int, end: int) -> bool:
    """Whether a short capitalised word sits among capitals ("LET US GO"), not naming a place."""
    neighbours = [doc[k] for k in (start - 1, end) if 0 <= k < len(doc) and doc[k].is_alpha]
    return len(doc[start:end].text) <= 3 and any(t.is_upper for t in neighbours)


def select(cands: list[Candidate]) -> list[Candidate]:
    """Keep the longest, best-sourced candidates that do not overlap, in text order."""
    ranked = sorted(cands, key=lambda c: (c.start - c.end, PRIORITY[c.source], c.start))
    taken: set[int] = set()
    kept = []
    for cand in ranked:
        tokens = set(range(cand.start, cand.end))
        if not tokens & taken:
            taken |= tokens
            kept.append(cand)
    return sorted(kept, key=lambda c: c.start)


def propagate(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """Find further exact occurrences of names already recognised elsewhere in the article."""
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
            Candidate(span.start, span.end, like.label, 0, place=like.place, source="propagated")
        )
    return select(found)


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


def collect(doc: Doc, dateline: Dateline | None) -> list[Candidate]:
    """All entity mentions of an article, repaired, typed and linked, in text order."""
    cands = select(
        model_candidates(doc)
        + dateline_candidate(doc, dateline)
        + demonym_candidates(doc)
        + [c for c in country_candidates(doc) if not is_amount_part(doc, c)]
    )
    cands = drop_shouted(doc, cands)
    cands = select(cands + speaker_names(doc, cands))
    link_places(doc, cands)
    retype_by_cues(doc, cands)
    cands = select(cands + complete_names(doc, cands))
    retype_by_context(doc, cands)
    cands = sorted(titled_names(doc, complete_lists(doc, cands)), key=lambda c: c.start)
    link_places(doc, cands)
    cands = propagate(doc, cands)
    vote_labels(doc, cands)
    return cands
