"""The quotation component: quoted text in “…”, "…", «…» or ‘…’ and who said it."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from orchestration.extract.entities import entity_by_token
from orchestration.extract.lemmas import lemma
from orchestration.extract.lexicon import ATTRIBUTION_VERBS, POSSESSIVES
from orchestration.extract.records import doc_text, sentence_index
from orchestration.extract.salience import Salience
from orchestration.extract.schema import Entity, Quote
from orchestration.extract.speakers import (
    SpeakerSearch,
    attribute,
    is_speech_verb,
    lead_in_speaker,
)

CLOSING = {
    "\u201c": "\u201d",
    "\u00ab": "\u00bb",
    "\u201e": "\u201c",
    '"': '"',
    "\u2018": "\u2019",
}
# Double quotation marks of the other style that close a quotation as well: typed text mixes
# straight and curly marks ("… said,” with a straight opening).
MIXED_CLOSING = {'"': "\u201d", "\u201c": '"'}
NEEDS_SPACE_BEFORE = frozenset({'"', "\u2018"})
CLAUSE_HEADS = frozenset({"VERB", "AUX"})
TRAILING = " \t\n,;:"


@dataclass
class Quoted:
    """A quoted stretch: offsets of its marks and of its text, and whether it runs on."""

    open_at: int
    close_at: int
    start: int
    end: int
    continues: bool


def is_opening(text: str, i: int) -> bool:
    """Whether the quotation mark at `i` opens a quotation."""
    if text[i] not in NEEDS_SPACE_BEFORE:
        return text[i] in CLOSING
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{") and not after.isspace()


def find_closing(text: str, i: int, limit: int) -> int:
    """Offset of the mark closing the quotation opened at `i`, or -1 before `limit`.

    A double quotation mark of either style closes a double one. A closing single quote is
    never followed by a letter: "don’t" holds an apostrophe.
    """
    mark = CLOSING[text[i]]
    close = text.find(mark, i + 1, limit)
    if text[i] in MIXED_CLOSING:
        other = text.find(MIXED_CLOSING[text[i]], i + 1, limit)
        close = other if other >= 0 and (close < 0 or other < close) else close
    while mark == "\u2019" and 0 <= close < limit - 1 and text[close + 1].isalpha():
        close = text.find(mark, close + 1, limit)
    return close


def find_quoted(text: str) -> list[Quoted]:
    """Quoted stretches of text; one left open at a paragraph end runs to that end."""
    found = []
    i = 0
    while i < len(text):
        if not is_opening(text, i):
            i += 1
            continue
        paragraph_end = text.find("\n", i)
        paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
        close = find_closing(text, i, paragraph_end)
        continues = close < 0
        if continues and text[i] == "\u2018":
            i += 1
            continue
        close = paragraph_end if continues else close
        start, end = i + 1, close
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1] in TRAILING:
            end -= 1
        if end > start:
            found.append(Quoted(i, close + (0 if continues else 1), start, end, continues))
        i = close + 1
    return found


def worth_keeping(
    doc: Doc, text: str, quoted: Quoted, marks: Span, min_words: int, verb_window: int
) -> bool:
    """Of `min_words` or more, introduced by a verb of saying among the `verb_window` words
    before it ("called it “a sham”"), or in the clause of a verb that attributes words to its
    subject ("slammed the plan as “reckless”", "said the talks were “useful”"): a short
    phrase in quotation marks outside reported speech is a title or a scare quote."""
    words = text[quoted.start : quoted.end].split()
    if len(words) >= min_words:
        return True
    if is_title(doc, words, marks):
        return False
    window = doc[max(marks.start - verb_window, 0) : marks.start]
    return any(lemma(t) in ATTRIBUTION_VERBS for t in window) or governed(marks, verb_window)


def is_title(doc: Doc, words: list[str], marks: Span) -> bool:
    """Whether a short quoted phrase names a work: capitalised words after a possessive or a
    preposition ("on CNN's “New Day”", "in “The Apprentice”")."""
    if marks.start == 0 or not all(w[:1].isupper() for w in words if w[:1].isalpha()):
        return False
    before = doc[marks.start - 1]
    return before.text in POSSESSIVES or before.pos_ == "ADP"


def governed(marks: Span, climb_steps: int) -> bool:
    """Whether an attribution verb outside the marks governs them, within `climb_steps` heads
    and not across the bound of a coordinated clause ("slammed X and watched “Y”")."""
    head = marks.root
    for _ in range(climb_steps):
        if head.head.i == head.i or (head.dep_ == "conj" and head.pos_ in CLAUSE_HEADS):
            return False
        head = head.head
        if head.i not in range(marks.start, marks.end) and is_speech_verb(head):
            return True
    return False


def paragraph_start(text: str, at: int) -> int:
    """The offset where the paragraph holding offset `at` starts."""
    return text.rfind("\n", 0, at) + 1


def continues_quoting(text: str, earlier: Quoted, quoted: Quoted) -> bool:
    """Whether `quoted` opens the paragraph right after the one holding `earlier`: a
    paragraph that starts with a quotation goes on quoting the speaker quoted last."""
    start = paragraph_start(text, quoted.open_at)
    if text[start : quoted.open_at].strip():
        return False
    before = text[:start].rstrip()
    return paragraph_start(text, len(before)) == paragraph_start(text, earlier.start)


def find_quotes(doc: Doc, min_words: int, verb_window: int, search: SpeakerSearch) -> list[Quote]:
    """Quotations of a parsed article with their speakers (see `worth_keeping` and
    `speakers.SpeakerSearch` for the settings).

    A quotation with no attribution of its own takes the speaker of a neighbouring one in
    the same paragraph, of the one it runs on into, or of the last one of the paragraph
    before when it opens its own; else, opening its paragraph or a sentence, the speaker a
    verb of saying in the sentence before names (see `speakers.lead_in_speaker`).
    """
    salience = Salience(doc, entity_by_token(doc), search.reference_sentences)
    results: list[tuple[Quoted, Entity | None, str | None]] = []
    spans: list[Span] = []
    text = doc_text(doc)
    for quoted in find_quoted(text):
        marks = doc.char_span(quoted.open_at, quoted.close_at, alignment_mode="expand")
        if marks is None or not worth_keeping(doc, text, quoted, marks, min_words, verb_window):
            continue
        speaker, verb = attribute(doc, marks, salience, search)
        results.append((quoted, speaker, verb))
        spans.append(marks)
    for k, (quoted, speaker, own_verb) in enumerate(results):
        if speaker is not None:
            continue
        paragraph = paragraph_start(text, quoted.start)
        neighbours = [results[j] for j in (k - 1, k + 1) if 0 <= j < len(results)]
        for other, other_speaker, other_verb in neighbours:
            same = paragraph_start(text, other.start) == paragraph
            runs_on = quoted.continues and other.start > quoted.start
            carries_on = other.start < quoted.start and continues_quoting(text, other, quoted)
            if other_speaker is not None and (same or runs_on or carries_on):
                results[k] = (quoted, other_speaker, other_verb)
                break
        else:
            # A verb of saying of its own whose subject is no known name keeps it unattributed.
            if own_verb is None:
                results[k] = (quoted, *lead_in_speaker(doc, spans[k], salience, search))
    return [
        Quote(
            start=quoted.start,
            end=quoted.end,
            text=text[quoted.start : quoted.end],
            speaker=speaker.name if speaker else None,
            speaker_entity_id=speaker.id if speaker else None,
            verb=verb,
            sentence=sentence_index(doc, quoted.start),
        )
        for quoted, speaker, verb in results
    ]


@Language.factory(
    "newsledger_quotes",
    assigns=["doc._.quotes"],
    requires=["doc._.entities", "doc._.lemmatizer", "token.dep", "token.pos"],
)
def make_quotes(
    nlp: Language,
    name: str,
    min_words: int,
    verb_window: int,
    after_words: int,
    climb_steps: int,
    according_words: int,
    reference_sentences: int,
) -> QuoteComponent:
    """Pipeline factory for the quotation component (settings: see `find_quotes` and
    `speakers.SpeakerSearch`)."""
    search = SpeakerSearch(after_words, climb_steps, according_words, reference_sentences)
    return QuoteComponent(min_words, verb_window, search)


class QuoteComponent:
    """Set doc._.quotes."""

    def __init__(self, min_words: int, verb_window: int, search: SpeakerSearch) -> None:
        if not Doc.has_extension("quotes"):
            Doc.set_extension("quotes", default=None)
        self.min_words = min_words
        self.verb_window = verb_window
        self.search = search

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = find_quotes(doc, self.min_words, self.verb_window, self.search)
        return doc
