"""Public entry point: extract entities, figures, dates, quotations and themes from one article."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Sequence
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from orchestration.extract.headline import has_text, merge_title, title_doc
from orchestration.extract.nlp import build_pipeline, model_name
from orchestration.extract.records import sentence_bounds
from orchestration.extract.schema import as_dict
from orchestration.extract.sections import SECTION_CHARS, Section, merge_sections, section_bounds
from orchestration.extract.tone import compound, sentence_tones, tone_counts
from orchestration.extract.tone_scores import article_tone
from orchestration.extract.version import EXTRACTOR_VERSION

# Titles per nlp.pipe batch: short docs, so a large batch costs little memory.
TITLE_BATCH_SIZE = 64


@functools.cache
def load_pipeline() -> Language:
    """The spaCy model with the newsledger components, loaded once per process."""
    return build_pipeline()


def extract_article(
    nlp: Language,
    body: str,
    *,
    title: str | None = None,
    published_date: dt.date | None = None,
    section_chars: int = SECTION_CHARS,
) -> dict[str, Any]:
    """Extract one article into the JSON-serialisable extraction record.

    The body's facts have offsets into `body`, the title's into `title` (see `headline`).
    The title also helps infer the publication date; `published_date`, when given, anchors
    relative dates, else it is inferred from the text. A body longer than `section_chars`, or
    than the pipeline takes (`nlp.max_length`), is extracted in sections (see
    `sectioned_record`).
    """
    section_chars = section_length(nlp, section_chars)
    if len(body) > section_chars:
        record = sectioned_record(nlp, body, title, published_date, section_chars)
    else:
        doc = nlp(prepare_doc(nlp, body, title=title, published_date=published_date))
        record = doc_record(nlp, doc)
    return with_titles(nlp, [title], [record])[0]


def section_length(nlp: Language, section_chars: int) -> int:
    """The longest text `nlp` is given at once: `section_chars`, or the pipeline's own limit
    when that is lower (spaCy refuses a longer text)."""
    return min(section_chars, nlp.max_length)


def with_titles(
    nlp: Language, titles: Sequence[str | None], records: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Each body's extraction record with the facts of its article's title joined to it (see
    `headline.merge_title`); the titles go through `nlp.pipe` together."""
    wanted = [k for k, title in enumerate(titles) if has_text(title)]
    docs = nlp.pipe(
        (title_doc(nlp, titles[k] or "", records[k]["article"]["published_date"]) for k in wanted),
        batch_size=TITLE_BATCH_SIZE,
    )
    merged = list(records)
    for k, doc in zip(wanted, docs, strict=True):
        merged[k] = merge_title(records[k], doc_record(nlp, doc), doc)
    return merged


def sectioned_record(
    nlp: Language,
    body: str,
    title: str | None,
    published_date: dt.date | None,
    section_chars: int = SECTION_CHARS,
) -> dict[str, Any]:
    """The extraction record of a long body, extracted a section at a time (see `sections`).

    The first section settles the article's fields; its publication date, given or inferred,
    anchors the relative dates of every later section.
    """
    sections: list[Section] = []
    sentences = 0
    for start, end in section_bounds(body, section_chars):
        doc = nlp(prepare_doc(nlp, body[start:end], title=title, published_date=published_date))
        record = doc_record(nlp, doc)
        if not sections:
            title = None
            published = record["article"]["published_date"]
            published_date = dt.date.fromisoformat(published) if published else None
        sections.append(Section(start, sentences, record))
        sentences += len(sentence_bounds(doc).char_starts)
    return merge_sections(sections)


def prepare_doc(
    nlp: Language,
    body: str,
    *,
    title: str | None = None,
    published_date: dt.date | None = None,
) -> Doc:
    """The tokenised body carrying what the components need besides the text.

    Prepared docs can be run through `nlp.pipe` in batches, which is faster than one by one.
    """
    doc = nlp.make_doc(body)
    doc._.given_date = published_date
    doc._.title = title
    return doc


def doc_record(nlp: Language, doc: Doc) -> dict[str, Any]:
    """The extraction record of a doc the full pipeline has processed, with its tone: the
    article's, each sentence's and each quotation's (see `tone`)."""
    dateline = doc._.dateline
    published = doc._.published_date
    place_id = None
    if dateline and dateline.place_start is not None:
        place_id = next(
            (
                e.id
                for e in doc._.entities
                if any(m.start == dateline.place_start for m in e.mentions)
            ),
            None,
        )
    return {
        "article": {
            "published_date": published.isoformat() if published else None,
            "published_date_source": doc._.published_date_source,
            "dateline": dateline.name if dateline else None,
            "dateline_entity_id": place_id,
            "agency": dateline.agency if dateline else None,
            **article_tone(tone_counts(doc)),
        },
        "entities": [as_dict(e) for e in doc._.entities],
        "figures": [as_dict(f) for f in doc._.figures],
        "dates": [as_dict(d) for d in doc._.dates],
        "quotes": [as_dict(dataclasses.replace(q, tone=compound(q.text))) for q in doc._.quotes],
        "sentence_tones": [as_dict(s) for s in sentence_tones(doc)],
        "themes": [as_dict(t) for t in doc._.themes],
        "counts": [as_dict(c) for c in doc._.counts],
        "extractor": {"version": EXTRACTOR_VERSION, "model": model_name(nlp)},
    }
