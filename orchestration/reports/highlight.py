"""An article's text with its entity mentions highlighted by type, rendered by spaCy's displacy."""

import functools
import re
from collections.abc import Iterator
from html import escape
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.displacy.render import EntityRenderer

Row = dict[str, Any]

# displacy's entity markup, with the canonical identity as a tooltip and the label styled in CSS.
ENTITY_TEMPLATE = (
    '<mark class="entity" style="background: {bg}" title="{tooltip}" data-entity="{entity_id}">'
    '{text}<span class="entity-label">{label}</span></mark>'
)
PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")


def tooltip(mention: Row) -> str:
    """What hovering a mention tells: canonical name, type and country when known."""
    parts = [mention["canonical_name"], mention["entity_type"], mention.get("country_code")]
    return " · ".join(part for part in parts if part)


def displacy_ents(mentions: list[Row]) -> list[Row]:
    """Mentions as displacy spans in text order; a mention overlapping an earlier one is skipped."""
    spans: list[Row] = []
    for mention in sorted(mentions, key=lambda m: (m["start_char"], -m["end_char"])):
        if spans and mention["start_char"] < spans[-1]["end"]:
            continue
        spans.append(
            {
                "start": mention["start_char"],
                "end": mention["end_char"],
                "label": mention["entity_type"],
                "params": {
                    "tooltip": escape(tooltip(mention), quote=True),
                    "entity_id": escape(mention["entity_id"], quote=True),
                },
            }
        )
    return spans


def paragraphs(body: str) -> Iterator[tuple[int, int]]:
    """The start and end offsets of each non-empty paragraph of `body` (blank-line separated)."""
    start = 0
    for gap in PARAGRAPH_BREAK.finditer(body):
        if gap.start() > start:
            yield start, gap.start()
        start = gap.end()
    if start < len(body):
        yield start, len(body)


@functools.cache
def entity_renderer() -> "EntityRenderer":
    """displacy's entity renderer with our markup, built once: building one reads spaCy's
    colour registry, which costs more than rendering a paragraph. spaCy is imported here, so
    that a process whose pages the workers write does not load it."""
    from spacy.displacy.render import EntityRenderer

    return EntityRenderer(options={"template": ENTITY_TEMPLATE})


def highlight_entities(body: str, mentions: list[Row]) -> str:
    """The HTML of `body`, one block per paragraph, each mention marked in its type's colour."""
    spans = displacy_ents(mentions)
    blocks = []
    for start, end in paragraphs(body):
        ents = [
            {**span, "start": span["start"] - start, "end": span["end"] - start}
            for span in spans
            if start <= span["start"] and span["end"] <= end
        ]
        paragraph = {"text": body[start:end], "ents": ents, "title": None}
        blocks.append(entity_renderer().render([paragraph], page=False, minify=False).strip())
    return "\n".join(blocks)
