"""Link place-like entity candidates to the gazetteer, with the article's places as context."""

from __future__ import annotations

from spacy.tokens import Doc

from orchestration.extract.geo import Place, gazetteer, normalise
from orchestration.extract.spans import Candidate, surnames

# Prepositions whose object is a place where something happens ("in Karachi").
LOCATIVE_WORDS = frozenset({"in", "near", "outside"})
# Kinds of linked place that can follow a city's name after a comma ("Dayton, Ohio").
REGION_KINDS = frozenset({"country", "state"})
# Votes for GPE of a name placed in a country by the words after it.
REGION_VOTES = 3


def link_places(doc: Doc, cands: list[Candidate]) -> None:
    """Link place-like candidates to the gazetteer; countries named by an ORG tag become GPE,
    and so do cities the words around the tag place (see `placed_by_words`).

    The countries the other place names of the article point to are the context that
    settles an ambiguous one ("Korea", "Georgia", "Paris"); a small town abroad that shares a
    name with a local place is not linked. A one-word "person" that is a country or a large
    city, and no one's surname, is that place ("urged Abuja to press ahead").
    """
    gaz = gazetteer()
    people = {c.text(doc) for c in cands if c.label == "PERSON" and c.end - c.start > 1}
    short = {form for name in people for form in surnames(name)}
    todo = [
        c for c in cands if c.place is None and c.source != "demonym" and linkable(doc, c, short)
    ]
    pending = {id(c) for c in todo}
    owner = {i: c for c in cands for i in range(c.start, c.end)}
    first: dict[str, set[str]] = {}
    for cand in cands:
        text = cand.text(doc)
        place = cand.place or (gaz.lookup(text) if id(cand) in pending else None)
        ambiguous = len(gaz.country_keys.get(normalise(text), ())) > 1
        if place and place.country and not ambiguous:
            first.setdefault(text, set()).add(place.country)
    for cand in todo:
        text = cand.text(doc)
        context = frozenset(c for other, codes in first.items() if other != text for c in codes)
        strict = cand.label in ("ORG", "NORP") and not placed_by_words(doc, cand, owner)
        place = gaz.country(text, context) if strict else gaz.lookup(text, context)
        if place and place.kind == "city" and not fits_city(cand, place, text, context):
            place = None
        if place:
            cand.place = place
            cand.label = place.type
        elif cand.label in ("ORG", "PERSON") and in_region(doc, cand, owner):
            # A place too small for the gazetteer ("Tavildara, Tajikistan"): its word settles
            # the type of the name's other mentions.
            cand.label, cand.votes, cand.source = "GPE", REGION_VOTES, "rule"


def placed_by_words(doc: Doc, cand: Candidate, owner: dict[int, Candidate]) -> bool:
    """Whether the words around a name the model took for an organisation's make it a
    place's: the object of "in", "near" or "outside" ("protesters in Karachi"), or followed by
    a comma and a linked country or state ("Karachi, Pakistan")."""
    before = doc[cand.start - 1].lower_ if cand.start else ""
    if before in LOCATIVE_WORDS and cand.end - cand.start == 1:
        return True
    return in_region(doc, cand, owner)


def in_region(doc: Doc, cand: Candidate, owner: dict[int, Candidate]) -> bool:
    """Whether a name is followed by a comma and a linked country or state that ends the
    phrase ("Tavildara, Tajikistan", not "Toyota, Japan's biggest carmaker")."""
    after = owner.get(cand.end + 1) if cand.end < len(doc) and doc[cand.end].text == "," else None
    if after is None or after.place is None or after.place.kind not in REGION_KINDS:
        return False
    follower = doc[after.end] if after.end < len(doc) else None
    return (
        follower is None
        or follower.is_space
        or follower.text in (",", ".")
        or follower.text[:1].isdigit()  # a dateline's date
    )


def fits_city(cand: Candidate, place: Place, text: str, context: frozenset[str]) -> bool:
    """Whether a city link is safe: not for a name written as a region's, only a large city
    under its own name for a "person", and only a large city abroad when the article's
    places lie elsewhere."""
    large = place.population >= gazetteer().settings.major_city
    if cand.region:
        return False
    if cand.label == "PERSON":
        return large and normalise(place.name) == normalise(text)
    return large or not context or place.country in context


def linkable(doc: Doc, cand: Candidate, short: set[str]) -> bool:
    """Whether a candidate may name a place: any non-person, or a lone word no one bears as
    a surname."""
    if cand.label != "PERSON":
        return True
    return cand.end - cand.start == 1 and cand.text(doc) not in short
