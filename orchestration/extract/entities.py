"""The entity component: named entities with canonical identity, type, country and mentions."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from orchestration.extract.attributes import annotate
from orchestration.extract.candidate_pass import CANDIDATES
from orchestration.extract.linking import build_entities
from orchestration.extract.schema import Entity

SPANS_KEY = "entities"


@Language.factory(
    "newsledger_entities",
    assigns=["doc._.entities", "doc.spans", "span._.entity_id"],
    requires=[CANDIDATES, "doc._.dateline"],
)
def make_entities(
    nlp: Language, name: str, context_words: int, descriptor_words: int
) -> EntityComponent:
    """Pipeline factory for the entity component (settings: see `attributes.annotate`)."""
    return EntityComponent(context_words, descriptor_words)


class EntityComponent:
    """Give the article's entity candidates titles and countries, and group them into
    article-level entities with their mentions."""

    def __init__(self, context_words: int, descriptor_words: int) -> None:
        if not Doc.has_extension("entities"):
            Doc.set_extension("entities", default=None)
        if not Span.has_extension("entity_id"):
            Span.set_extension("entity_id", default=None)
        self.context_words = context_words
        self.descriptor_words = descriptor_words

    def __call__(self, doc: Doc) -> Doc:
        dateline = doc._.dateline
        cands = doc._.entity_candidates
        annotate(doc, cands, dateline, self.context_words, self.descriptor_words)
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
