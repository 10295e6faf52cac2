"""Long articles, extracted in sections: where to cut the body, and how to merge the records.

spaCy refuses a text longer than `nlp.max_length` (1,000,000 characters), and the working
memory of its parser and entity recogniser grows with the text. An article longer than
SECTION_CHARS is therefore cut into sections of at most that
many characters, each extracted alone; their records are merged into one whose offsets index
the whole body. This module does not import spaCy.
"""

import re
from dataclasses import dataclass
from typing import Any

from orchestration.extract.tone_scores import merge_tones

# Longest section, in characters: ten times a typical news article and about a long-read's
# length, so news is not cut. Measured on a 336,000-character article, a worker extracting
# 50,000-character sections peaks at 504 MB, against 771 MB with 100,000, at the same speed.
SECTION_CHARS = 50_000
# Where a section may end, best first: after a blank line (paragraph), a line break, a
# sentence's end punctuation, any whitespace. A cut is never placed in a section's first half
# when a later one fits, so sections stay near SECTION_CHARS.
BOUNDARIES = (
    re.compile(r"\n[ \t\r\f\v]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"[.!?;:][\"'”’)\]]*\s+"),
    re.compile(r"\s+"),
)
RECORD_LISTS = ("figures", "dates", "quotes", "sentence_tones", "themes", "counts")


def section_bounds(body: str, size: int = SECTION_CHARS) -> list[tuple[int, int]]:
    """The [start, end) offsets of `body`'s sections, in order, covering it end to end.

    A body of at most `size` characters is one section.
    """
    bounds = []
    start = 0
    while len(body) - start > size:
        end = _cut(body, start, start + size)
        bounds.append((start, end))
        start = end
    bounds.append((start, len(body)))
    return bounds


def _cut(body: str, start: int, limit: int) -> int:
    # The end of the last boundary of the best kind in the window's second half, else `limit`.
    floor = start + (limit - start) // 2
    for boundary in BOUNDARIES:
        ends = [m.end() for m in boundary.finditer(body, floor, limit)]
        if ends:
            return ends[-1]
    return limit


@dataclass(frozen=True)
class Section:
    """One section's extraction record, with where it starts in the body: its first character
    and the number of sentences before it."""

    start: int
    sentences_before: int
    record: dict[str, Any]


def _shifted(item: dict[str, Any], section: Section) -> dict[str, Any]:
    return {
        **item,
        "start": item["start"] + section.start,
        "end": item["end"] + section.start,
        "sentence": item["sentence"] + section.sentences_before,
    }


def merge_sections(sections: list[Section]) -> dict[str, Any]:
    """One extraction record of the whole body from its sections' records, in body order.

    Offsets and sentence numbers are shifted to index the whole body. Entities with the same
    id are one entity: mentions and aliases are joined, and a field the first section left
    empty takes the value a later one found. The article's fields (published date, dateline,
    agency) and the extractor are the first section's, but its tone, which is that of every
    section's words (`tone_scores.merge_tones`).
    """
    entities: dict[str, dict[str, Any]] = {}
    lists: dict[str, list[dict[str, Any]]] = {name: [] for name in RECORD_LISTS}
    for section in sections:
        for entity in section.record["entities"]:
            mentions = [_shifted(m, section) for m in entity["mentions"]]
            known = entities.get(entity["id"])
            if known is None:
                entities[entity["id"]] = {**entity, "mentions": mentions}
                continue
            known["mentions"].extend(mentions)
            known["aliases"] = list(dict.fromkeys(known["aliases"] + entity["aliases"]))
            for name, value in entity.items():
                if known[name] is None:
                    known[name] = value
        for name in RECORD_LISTS:
            lists[name].extend(_shifted(item, section) for item in section.record[name])
    article = {
        **sections[0].record["article"],
        **merge_tones([section.record["article"] for section in sections]),
    }
    return {
        **sections[0].record,
        "article": article,
        "entities": list(entities.values()),
        **lists,
    }
