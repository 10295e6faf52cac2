"""What the extraction components read of a Doc, computed once and kept with it: sentence
bounds, text and token offsets."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc, Span

SENTENCES_KEY = "newsledger_sentences"
TEXT_KEY = "newsledger_text"
TOKEN_CHARS_KEY = "newsledger_token_chars"
TOKEN_TEXTS_KEY = "newsledger_token_texts"


@dataclass(frozen=True)
class SentenceBounds:
    """Where a doc's sentences start and end, as token indices and character offsets."""

    token_starts: list[int]
    token_ends: list[int]
    char_starts: list[int]


def sentence_bounds(doc: Doc) -> SentenceBounds:
    """The bounds of a doc's sentences, computed once and kept with it.

    Kept as numbers, not spans: a span in the doc's user_data would tie the doc into a
    reference cycle that only a full garbage collection frees, and docs would pile up.
    """
    found = doc.user_data.get(SENTENCES_KEY)
    if found is None:
        sents = list(doc.sents)
        found = SentenceBounds(
            [s.start for s in sents], [s.end for s in sents], [s.start_char for s in sents]
        )
        doc.user_data[SENTENCES_KEY] = found
    return found


def doc_text(doc: Doc) -> str:
    """The doc's text, built once: `Doc.text` joins every token's text again at each call."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def token_chars(doc: Doc) -> tuple[list[int], list[int]]:
    """Each token's first and end character offsets, read once from the doc's arrays."""
    found = doc.user_data.get(TOKEN_CHARS_KEY)
    if found is None:
        starts, lengths = doc.to_array([IDX, LENGTH]).T.tolist() if len(doc) else ([], [])
        found = doc.user_data[TOKEN_CHARS_KEY] = (
            starts,
            [start + length for start, length in zip(starts, lengths, strict=True)],
        )
    return found


def token_texts(doc: Doc) -> list[str]:
    """Each token's text, cut once from the doc's text: a scan over every token reads these
    strings instead of building a Token object per word."""
    found = doc.user_data.get(TOKEN_TEXTS_KEY)
    if found is None:
        text = doc_text(doc)
        starts, ends = token_chars(doc)
        found = doc.user_data[TOKEN_TEXTS_KEY] = [
            text[start:end] for start, end in zip(starts, ends, strict=True)
        ]
    return found


def span_text(doc: Doc, start: int, end: int) -> str:
    """The text of tokens `start` to `end`, as `doc[start:end].text` gives it, without
    building the span: from the doc's text and its tokens' offsets."""
    if start >= end:
        return ""
    starts, ends = token_chars(doc)
    return doc_text(doc)[starts[start] : ends[end - 1]]


def sentence_index(doc: Doc, char: int) -> int:
    """0-based index of the sentence holding character offset `char`."""
    return max(bisect.bisect_right(sentence_bounds(doc).char_starts, char) - 1, 0)


def sentence_of(doc: Doc, token: int) -> Span:
    """The sentence holding token index `token`."""
    bounds = sentence_bounds(doc)
    k = max(bisect.bisect_right(bounds.token_starts, token) - 1, 0)
    return doc[bounds.token_starts[k] : bounds.token_ends[k]]
