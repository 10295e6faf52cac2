"""The headline's facts: the title extracted as a text of its own and joined to the body's.

The title goes through the same pipeline as a second, short doc, so the body's analysis
(its dateline, sentence numbers, offsets) is exactly what it is without a title. The title's
relative dates resolve against the body's publication date. Every mention, figure, date,
quotation and theme carries the `field` it was found in ("title" or "body"), and its offsets
index that field's text. An entity the title and the body both name is one entity with the
mentions of both; an entity only a headline written in title case names ("Markets Rally As Fed
Holds") is left out, as the model capitalises most of its words into names.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from orchestration.extract.geo import name_key
from orchestration.extract.records import doc_text, sentence_index
from orchestration.extract.schema import Mention, as_dict

RECORD_LISTS = ("figures", "dates", "quotes", "sentence_tones", "themes", "counts")
# Words of this many letters or more decide whether a headline is written in title case
# (most of them capitalised) rather than sentence case.
CASE_WORD_LETTERS = 4
WORD_RE = re.compile(r"[^\W\d_]+")
POSSESSIVE_RE = re.compile(r"['\u2019]s?$")
# A headline's speaker: a name, a colon, then the opening quotation mark.
COLON_SPEAKER_RE = re.compile(r"\s*(\S.*?)\s*:\s*[\"'\u201c\u2018]?$")
SPEAKER_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def has_text(title: str | None) -> bool:
    """Whether a title holds anything to extract."""
    return bool(title and title.strip())


def title_doc(nlp: Language, title: str, published: str | None) -> Doc:
    """The tokenised title, its dates to be resolved against the body's publication date
    (`published`, ISO, or None when the body gave none)."""
    doc = nlp.make_doc(title)
    doc._.given_date = dt.date.fromisoformat(published) if published else None
    doc._.title = None
    return doc


def in_title_case(title: str) -> bool:
    """Whether most of a headline's longer words are capitalised ("Markets Rally As Fed
    Holds Rates"), so that capitals do not mark its names."""
    words = [w for w in WORD_RE.findall(title) if len(w) >= CASE_WORD_LETTERS]
    capitalised = sum(w[0].isupper() for w in words)
    return len(words) > 1 and capitalised > len(words) / 2


def body_names(entity: dict[str, Any]) -> set[str]:
    """Every name an entity goes by in the body: its canonical name, aliases, mention texts
    and, for a person named in full, the surname."""
    names = {entity["name"], *entity["aliases"], *(m["text"] for m in entity["mentions"])}
    if entity["type"] == "PERSON" and len(entity["name"].split()) > 1:
        names.add(entity["name"].split()[-1])
    return names


def name_keys(names: set[str]) -> set[str]:
    """Names as compared: casefolded, without accents or a possessive ending."""
    return {name_key(POSSESSIVE_RE.sub("", name)) for name in names}


def body_match(entity: dict[str, Any], body: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The body's entity that a title entity is: one going by a name the title writes it
    with (the body's reading of a name, made with more context, wins: "Medina" is the
    body's Rosa Medina, not a city), else one with the same id."""
    written = name_keys({m["text"] for m in entity["mentions"]})
    named = next((b for b in body if name_keys(body_names(b)) & written), None)
    return named or next((b for b in body if b["id"] == entity["id"]), None)


def in_title(item: dict[str, Any]) -> dict[str, Any]:
    """A record item found in the title."""
    return {**item, "field": "title"}


def named_in_title(
    text: str, entity: dict[str, Any], taken: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Where the title writes a name the body gives an entity (see `body_names`), outside
    the `taken` spans; longest names first."""
    found: list[tuple[int, int]] = []
    for name in sorted(body_names(entity), key=len, reverse=True):
        for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            span = match.span()
            if not any(a < span[1] and span[0] < b for a, b in taken + found):
                found.append(span)
    return found


def merge_title(record: dict[str, Any], title: dict[str, Any], doc: Doc) -> dict[str, Any]:
    """The body's extraction `record` with the facts of the title's record (`title`, of the
    title's `doc`) joined to it.

    The body's items stay as they are; the title's come first, in reading order, marked
    `field` "title". A title entity the body names too adds its title mentions, and the
    names they write, to the body's entity, as does a name of a body entity written in the
    title; ids that title facts refer to (speaker, subject, object) follow it.
    """
    text = doc_text(doc)
    title_case = in_title_case(text)
    entities = [{**e, "mentions": list(e["mentions"])} for e in record["entities"]]
    ids: dict[str, str | None] = {}
    for entity in title["entities"]:
        mentions = [in_title(m) for m in entity["mentions"]]
        known = body_match(entity, record["entities"])
        if known is None and title_case:
            ids[entity["id"]] = None
            continue
        if known is None:
            entities.append({**entity, "mentions": mentions})
            ids[entity["id"]] = entity["id"]
            continue
        target = next(e for e in entities if e["id"] == known["id"])
        target["mentions"] = mentions + target["mentions"]
        written = {m["text"] for m in mentions} - {target["name"]}
        target["aliases"] = sorted(set(target["aliases"]) | written)
        ids[entity["id"]] = known["id"]
    taken = [
        (m["start"], m["end"]) for e in entities for m in e["mentions"] if m["field"] == "title"
    ]
    for entity in entities[: len(record["entities"])]:
        spans = named_in_title(text, entity, taken)
        taken += spans
        added = [Mention(a, b, text[a:b], sentence_index(doc, a), field="title") for a, b in spans]
        entity["mentions"] = sorted(
            [as_dict(m) for m in added] + [m for m in entity["mentions"] if m["field"] == "title"],
            key=lambda m: m["start"],
        ) + [m for m in entity["mentions"] if m["field"] != "title"]
    names_by_id = {e["id"]: e["name"] for e in entities}
    lists = {
        name: [_linked(in_title(item), ids, names_by_id) for item in title[name]] + record[name]
        for name in RECORD_LISTS
    }
    for quote in lists["quotes"][: len(title["quotes"])]:
        if quote["speaker_entity_id"] is None:
            speaker = colon_speaker(text, quote["start"], entities)
            if speaker is not None:
                quote["speaker"], quote["speaker_entity_id"] = speaker["name"], speaker["id"]
    return {**record, "entities": entities, **lists}


def colon_speaker(text: str, start: int, entities: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The entity a headline names before a colon that opens the quotation at `start`
    ("Tokayev: 'We will double trade'"), the headline's way of saying who said it."""
    match = COLON_SPEAKER_RE.match(text[:start])
    if match is None:
        return None
    return next(
        (
            e
            for e in entities
            if e["type"] in SPEAKER_TYPES
            and any(
                m["field"] == "title" and (m["start"], m["end"]) == match.span(1)
                for m in e["mentions"]
            )
        ),
        None,
    )


def _linked(
    item: dict[str, Any], ids: dict[str, str | None], names: dict[str, str]
) -> dict[str, Any]:
    # A title item's entity ids turned to those of the entities kept (None for one left out),
    # and its speaker named as the entity kept is.
    for key in ("speaker_entity_id", "subject_entity_id", "object_entity_id", "location_entity_id"):
        if item.get(key) is not None:
            item[key] = ids.get(item[key], item[key])
    if "speaker" in item and item["speaker"] is not None:
        speaker = item["speaker_entity_id"]
        item["speaker"] = names.get(speaker, item["speaker"]) if speaker else None
    return item
