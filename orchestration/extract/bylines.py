"""Authors are not people an article mentions: the names on a body's byline line ("By Jane
Smith and Ali Hassan") are left out of its entities.

An author the report itself names keeps the entity, with the mentions outside the byline; an
author named only in the byline leaves no entity. The byline's affiliation ("By Jane Smith,
Reuters") is text like any other.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from orchestration.core.bylines import Byline, find_byline
from orchestration.extract.entities import SPANS_KEY
from orchestration.extract.records import doc_text
from orchestration.extract.schema import Entity


@Language.factory(
    "newsledger_drop_byline",
    assigns=["doc._.entities", "doc.spans"],
    requires=["doc._.entities", "doc.spans"],
)
def make_drop_byline(nlp: Language, name: str) -> DropBylineComponent:
    """Pipeline factory for the component that leaves the byline's names out."""
    return DropBylineComponent()


def is_author_mention(byline: Byline, start: int, text: str, entity_type: str) -> bool:
    """Whether a mention starting at `start` is an author's name on the byline line: a person,
    or words of an author's name however the model typed them."""
    if not byline.start <= start < byline.end:
        return False
    words = text.lower().split()
    named = any(all(word in author.lower().split() for word in words) for author in byline.authors)
    return entity_type == "PERSON" or named


def without_authors(entities: list[Entity], byline: Byline) -> list[Entity]:
    """The entities without their byline mentions; an entity left with none is dropped."""
    kept = []
    for entity in entities:
        entity.mentions = [
            m
            for m in entity.mentions
            if m.field != "body" or not is_author_mention(byline, m.start, m.text, entity.type)
        ]
        if entity.mentions:
            kept.append(entity)
    return kept


class DropBylineComponent:
    """Drop the mentions of the authors on the byline line heading the doc's text."""

    def __call__(self, doc: Doc) -> Doc:
        byline = find_byline(doc_text(doc))
        if byline is None or not doc._.entities:
            return doc
        doc._.entities = without_authors(doc._.entities, byline)
        known = {e.id for e in doc._.entities}
        spans: list[Span] = [
            span
            for span in doc.spans.get(SPANS_KEY, [])
            if span._.entity_id in known
            and not is_author_mention(byline, span.start_char, span.text, span.label_)
        ]
        doc.spans[SPANS_KEY] = spans
        return doc
