"""The entity candidates of an article, shared by the passes that find, type and link them.

The candidates live in one Doc extension, `doc._.entity_candidates`, not in a `doc.spans`
group: the passes change a candidate's type, place and votes in place and tell candidates apart
by identity, and before `select` several candidates cover the same words (the model's tag, the
dateline's place, the gazetteer's country); a Span extension is stored under the span's
character offsets, so such candidates would overwrite each other's fields.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from orchestration.extract.spans import Candidate

CANDIDATES = "doc._.entity_candidates"
EXTENSION = "entity_candidates"

Pass = Callable[[Doc, list[Candidate]], list[Candidate]]


class CandidatePass:
    """A pipeline component running one pass over `doc._.entity_candidates`.

    `run` takes the doc and its candidates so far (empty before the first pass) and returns
    the candidates after the pass; a pass that changes candidates in place returns the same list.
    """

    def __init__(self, run: Pass) -> None:
        if not Doc.has_extension(EXTENSION):
            Doc.set_extension(EXTENSION, default=None)
        self.run = run

    def __call__(self, doc: Doc) -> Doc:
        doc._.entity_candidates = self.run(doc, doc._.entity_candidates or [])
        return doc


def in_place(change: Callable[[Doc, list[Candidate]], None]) -> Pass:
    """A pass from a function that changes the candidates without returning them."""

    def run(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
        change(doc, cands)
        return cands

    return run
