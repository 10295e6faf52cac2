"""The entity component: named entities with canonical identity, type, country and mentions."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from orchestration.extract.attributes import annotate
from orchestration.extract.candidates import collect
from orchestration.extract.linking import build_entities
from orchestration.extract.schema import Entity

SPANS_KEY = "entities"


@Language.factory(
    "newsledger_entities",
    assigns=["doc._.entities", "doc.spans", "span._.entity_id"],
    requires=["doc.ents", "doc._.dateline"],
    default_config={},
)
def make_entities(nlp: Language, name: str) -> EntityComponent:
    """Pipeline factory for the entity component."""
    return EntityComponent()


class EntityComponent:
    """Repair, type, link and group the model's entities into article-level entities."""

    def __init__(self) -> None:
        if not Doc.has_extension("entities"):
            Doc.set_extension("entities", default=None)
        if not Span.has_extension("entity_id"):
            Span.set_extension("entity_id", default=None)

    def __call__(self, doc: Doc) -> Doc:
        dateline = doc._.dateline
        cands = collect(doc, dateline)
        annotate(doc, cands, dateline)
        pairs = build_entities(doc, cands, dateline)
        spans = []
        for cand, entity in pairs:
            span = Span(doc, cand.start, cand.end, label=entity.type)
            span._.entity_id = entity.id
            spans.append(span)
        doc.spans[SPANS_KEY] = spans
        unique: dict[str, Entity] = {}
        for _, entity in pairs:
            unique.setdefault(entity.id, entity)
        doc._.entities = list(unique.values())
        return doc


def entity_by_token(doc: Doc) -> dict[int, Entity]:
    """Map each token inside an entity mention to its entity."""
    by_id = {e.id: e for e in doc._.entities or []}
    return {
        i: by_id[span._.entity_id]
        for span in doc.spans.get(SPANS_KEY, [])
        for i in range(span.start, span.end)
    }
