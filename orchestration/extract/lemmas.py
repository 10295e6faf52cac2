"""Lemmas on demand.

The model's lemmatizer runs over every token, yet the components read the lemmas of a few
verbs and nouns only ("said", "companies"). The pipeline keeps the lemmatizer out of its run
and this component hands it to the doc, so `lemma(tok)` asks it for one token at a time and
gets the same lemma the full run would have set.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc, Token

MODEL_LEMMATIZER = "lemmatizer"


@Language.factory(
    "newsledger_lemmas",
    assigns=["doc._.lemmatizer"],
    requires=["token.pos"],
    default_config={},
)
def make_lemmas(nlp: Language, name: str) -> LemmaComponent:
    """Pipeline factory for the on-demand lemmas: needs the model's (disabled) lemmatizer."""
    return LemmaComponent(nlp.get_pipe(MODEL_LEMMATIZER))


class LemmaComponent:
    """Attach the model's lemmatizer to each doc, for `lemma` to call."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        if not Doc.has_extension("lemmatizer"):
            Doc.set_extension("lemmatizer", default=None)
        self.lemmatizer = lemmatizer

    def __call__(self, doc: Doc) -> Doc:
        doc._.lemmatizer = self.lemmatizer
        return doc


def lemma(tok: Token) -> str:
    """The token's lemma: the one already set (by the attribute ruler's exceptions or a full
    lemmatizer run), else the model's lemmatizer's answer for this token alone."""
    if tok.lemma or tok.doc._.lemmatizer is None:
        return tok.lemma_
    return tok.doc._.lemmatizer.lemmatize(tok)[0]
