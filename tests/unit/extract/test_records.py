"""Doc helpers that read the doc's arrays once instead of building tokens and spans."""

from __future__ import annotations

from spacy.language import Language

from orchestration.extract.records import span_text
from tests.unit.extract.conftest import corpus_texts

MAX_WORDS = 5


def test_span_text_is_the_text_spacy_gives_every_short_span(nlp: Language) -> None:
    for text in corpus_texts()[:5]:
        doc = nlp.make_doc(text.body)
        for start in range(len(doc) + 1):
            for end in range(start, min(start + MAX_WORDS, len(doc)) + 1):
                assert span_text(doc, start, end) == doc[start:end].text, (start, end)
