"""Sentence bounds next to abbreviations: a sentence the parser starts right after "Inc." or
"U.S." is taken back into the sentence before when it has no verb of its own.

The tokenizer keeps the full stop of a known abbreviation on the word ("Inc.", "U.S."), so
the parser alone decides whether the sentence ends there, and it sometimes cuts "... said
Tesla Inc. | Chief Executive Elon Musk, who spoke on Tuesday." A news sentence has a verb at
its root; a piece whose root is a noun ("Chief Executive Elon Musk") continues the name
before it. A piece with a verb at its root ("The next day, markets rallied.") stays a
sentence of its own. The doc is parsed again with those bounds ruled out, so the piece joins
the parse of its clause.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

MODEL_PARSER = "parser"
# Fine-grained tags of the verbs that head a clause: verbs of every form, and modals.
VERB_TAG_PREFIXES = ("VB", "MD")


def is_abbreviation(tok: Token) -> bool:
    """Whether a token is a word that keeps its full stop, as the tokenizer leaves an
    abbreviation ("Inc.", "U.S."); a sentence's own full stop is a token of its own."""
    return len(tok.text) > 1 and tok.text.endswith(".") and any(c.isalpha() for c in tok.text)


def continues_sentence(doc: Doc, sent: Span) -> bool:
    """Whether `sent` is a verbless piece that opens with a capitalised word right after an
    abbreviation, and so belongs to the sentence before it."""
    if sent.start == 0 or not is_abbreviation(doc[sent.start - 1]):
        return False
    return sent[0].text[:1].isupper() and not sent.root.tag_.startswith(VERB_TAG_PREFIXES)


def joined_starts(doc: Doc) -> list[int]:
    """Token indices of the sentence starts that continue the sentence before them."""
    return [sent.start for sent in doc.sents if continues_sentence(doc, sent)]


def reparsed(doc: Doc, parser: object, joined: list[int]) -> Doc:
    """A copy of a tagged doc parsed again with no sentence starting at the `joined` tokens.

    The copy keeps the words, tags, the shared token vectors the parser reads and the
    values the pipeline set before parsing (`Doc.user_data`).
    """
    starts: list[bool | None] = [None] * len(doc)
    for i in joined:
        starts[i] = False
    copy = Doc(
        doc.vocab,
        words=[t.text for t in doc],
        spaces=[bool(t.whitespace_) for t in doc],
        tags=[t.tag_ for t in doc],
        sent_starts=starts,
    )
    copy.tensor = doc.tensor
    copy.user_data.update(doc.user_data)
    return parser(copy)


@Language.factory("newsledger_sentences", requires=["token.dep", "token.tag"], default_config={})
def make_sentences(nlp: Language, name: str) -> SentenceComponent:
    """Pipeline factory for the sentence-bounds component; it runs right after the parser."""
    return SentenceComponent(nlp)


class SentenceComponent:
    """Rejoin verbless pieces cut off after an abbreviation (see the module's docstring)."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def __call__(self, doc: Doc) -> Doc:
        joined = joined_starts(doc)
        if not joined:
            return doc
        return reparsed(doc, self.nlp.get_pipe(MODEL_PARSER), joined)
