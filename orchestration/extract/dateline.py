"""Dateline and agency: the place (and source) a report names at its head."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from orchestration.core.bylines import body_head
from orchestration.core.datelines import DATELINE_RE, head_agency_group, written_as_dateline
from orchestration.extract.geo import Place, gazetteer
from orchestration.extract.records import doc_text

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
AGENCY_RE = re.compile(
    r"\b((?:[A-Z][\w\u2019'\-]+\s+){1,4}"
    r"(?:press service|press office|news agency|information agency|news service))\b"
)


@dataclass
class Dateline:
    """Where and through whom a report was filed, with character offsets into the body."""

    place_start: int | None
    place_end: int | None
    place_text: str | None
    place: Place | None
    name: str | None
    agency: str | None
    agency_start: int | None
    agency_end: int | None
    agency_is_wire: bool
    date_text: str | None
    date_start: int | None
    region_start: int | None = None
    region_end: int | None = None
    region: Place | None = None
    agency_in_head: bool = False


def find_dateline(body: str, model_places: set[tuple[int, int]] | None = None) -> Dateline:
    """Detect the dateline place, its date and the reporting agency at the head of a report.

    `model_places` holds the (start, end) offsets the model tagged as places; a capitalised
    head word the gazetteer does not know counts as a place only if the model agrees. The head
    is where the report starts, after a byline line ("By Jane Smith") when it has one.
    """
    match = DATELINE_RE.match(body, body_head(body))
    place = name = region = None
    if match and accept_dateline(match, model_places or set()):
        region = gazetteer().lookup(match["region"]) if match["region"] else None
        context = frozenset({region.country}) if region and region.country else frozenset()
        place = gazetteer().lookup(match["place"], context)
        name = place.name if place else match["place"].title()
    else:
        match = None
    agency, agency_start, agency_end = find_agency(body, match)
    wire = bool(match and match["agency1"])
    return Dateline(
        match.start("place") if match else None,
        match.end("place") if match else None,
        match["place"] if match else None,
        place,
        name,
        agency,
        agency_start,
        agency_end,
        wire,
        match["date"] if match else None,
        match.start("date") if match and match["date"] else None,
        match.start("region") if region else None,
        match.end("region") if region else None,
        region,
        bool(match and head_agency_group(match)),
    )


def accept_dateline(match: re.Match[str], model_places: set[tuple[int, int]]) -> bool:
    """Whether a head match is a real dateline rather than an ordinary opening phrase: written
    as one, at a place the gazetteer knows or the model tagged."""
    known = gazetteer().lookup(match["place"]) is not None
    if not known and (match.start("place"), match.end("place")) not in model_places:
        return False
    return written_as_dateline(match)


def find_agency(
    body: str, match: re.Match[str] | None
) -> tuple[str | None, int | None, int | None]:
    """The news agency or press service the report comes through, with its offsets."""
    group = head_agency_group(match) if match else None
    if match and group:
        return match[group], match.start(group), match.end(group)
    head = body_head(body)
    first_paragraph = body[head:].split("\n\n", 1)[0]
    found = AGENCY_RE.search(first_paragraph)
    if found:
        return found[1], head + found.start(1), head + found.end(1)
    return None, None, None


@Language.factory(
    "newsledger_dateline",
    assigns=["doc._.dateline"],
    default_config={},
)
def make_dateline(nlp: Language, name: str) -> DatelineComponent:
    """Pipeline factory for the dateline component."""
    return DatelineComponent()


class DatelineComponent:
    """Set doc._.dateline from the head of the text."""

    def __init__(self) -> None:
        if not Doc.has_extension("dateline"):
            Doc.set_extension("dateline", default=None)

    def __call__(self, doc: Doc) -> Doc:
        places = {(e.start_char, e.end_char) for e in doc.ents if e.label_ in PLACE_LABELS}
        doc._.dateline = find_dateline(doc_text(doc), places)
        return doc
