"""Who said a quotation: the subject of a nearby speech verb, resolved to an entity."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from orchestration.extract.lemmas import lemma
from orchestration.extract.lexicon import (
    ATTRIBUTION_VERBS,
    PRONOUNS,
    ROLE_NOUNS,
    TITLE_ABBREVIATIONS,
    TITLE_WORDS,
)
from orchestration.extract.records import sentence_of
from orchestration.extract.schema import Entity

SPEAKER_TYPES = frozenset({"PERSON", "ORG"})


@dataclass(frozen=True)
class SpeakerSearch:
    """How far the search for a speaker reaches: `after_words` tokens after the quotation or
    its verb, `climb_steps` clauses up the parse from the verb to its subject, and
    `according_words` tokens after "according to" for the source it names."""

    after_words: int
    climb_steps: int
    according_words: int


def is_speech_verb(tok: Token) -> bool:
    """Whether a token is a verb that attributes words to its subject ("said", "told",
    "describing", "slammed")."""
    return tok.pos_ == "VERB" and lemma(tok).lower() in ATTRIBUTION_VERBS


def speech_verb_after(doc: Doc, marks: Span, after_words: int) -> Token | None:
    """A speech verb within `after_words` of the closing mark, in the same paragraph ("…,”
    said X)."""
    for tok in doc[marks.end : marks.end + after_words]:
        if "\n" in tok.text or tok.text in ("\u201c", "\u00ab", '"'):
            return None
        if is_speech_verb(tok):
            return tok
        if tok.is_sent_start and tok.text[:1].isupper():
            return None
    return None


def speech_verb_before(doc: Doc, marks: Span) -> Token | None:
    """The speech verb nearest before the opening mark, in the same sentence and paragraph."""
    sentence = sentence_of(doc, marks.start)
    for tok in reversed(doc[sentence.start : marks.start]):
        if "\n" in tok.text:
            return None
        if is_speech_verb(tok):
            return tok
    return None


def attribute(
    doc: Doc, marks: Span, owners: dict[int, Entity], search: SpeakerSearch
) -> tuple[Entity | None, str | None]:
    """The speaker entity of a quotation and the lemma of the verb that introduces it.

    A verb before the quotation whose clause holds it ("X said the coalition had “cut…” and
    promised…") comes first; else the verb after it, else any before it in the sentence.
    """
    before = speech_verb_before(doc, marks)
    governs = before is not None and before.left_edge.i <= marks.start < before.right_edge.i
    verb = before if governs else speech_verb_after(doc, marks, search.after_words) or before
    if verb is None:
        source = according_to(doc, marks, owners, search.according_words)
        return source, "according to" if source else None
    return resolve_speaker(doc, verb, marks, owners, search), lemma(verb).lower()


def according_to(doc: Doc, marks: Span, owners: dict[int, Entity], reach: int) -> Entity | None:
    """The source named by "according to X", within `reach` tokens after "to", in the
    quotation's sentence."""
    first = sentence_of(doc, marks.start)
    last = sentence_of(doc, marks.end - 1)
    for tok in [*doc[first.start : marks.start], *doc[marks.end : last.end]]:
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            for after in doc[tok.i + 2 : tok.i + 2 + reach]:
                entity = owners.get(after.i)
                if entity is not None and entity.type in SPEAKER_TYPES:
                    return entity
    return None


def resolve_speaker(
    doc: Doc, verb: Token, marks: Span, owners: dict[int, Entity], search: SpeakerSearch
) -> Entity | None:
    """Entity named by the subject of `verb`, climbing to the governing clause if needed."""
    inside = range(marks.start, marks.end)
    head = verb
    for _ in range(search.climb_steps):
        subjects = [
            c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in inside
        ]
        if subjects:
            return resolve_subject(doc, subjects[0], marks, owners)
        if head.head.i == head.i or head.head.i in inside:
            break
        head = head.head
    return named_beside(doc, verb, marks, owners, search.after_words)


def named_beside(
    doc: Doc, verb: Token, marks: Span, owners: dict[int, Entity], after_words: int
) -> Entity | None:
    """When the parse gives a verb of saying no subject: the name right before it ("…,” deputy
    chief executive X told"), else the first person, else organisation, named within
    `after_words` after it in the sentence ("said the group's coordinator, X")."""
    inside = range(marks.start, marks.end)
    left = owners.get(verb.i - 1)
    if left is not None and left.type in SPEAKER_TYPES and verb.i - 1 not in inside:
        return left
    sentence = sentence_of(doc, verb.i)
    return first_named(doc[verb.i + 1 : min(sentence.end, verb.i + 1 + after_words)], marks, owners)


def resolve_subject(doc: Doc, tok: Token, marks: Span, owners: dict[int, Entity]) -> Entity | None:
    """The entity a subject denotes: a name, a pronoun, a phrase that names the speaker ("its
    president, Halima Danjuma", "observers from the OSCE") or a title phrase."""
    entity = owners.get(tok.i)
    if entity is not None:
        return entity if entity.type in SPEAKER_TYPES else None
    if tok.lower_ in PRONOUNS:
        return nearest_person(doc, min(tok.i, marks.start), marks, owners)
    return first_named(tok.subtree, marks, owners) or by_title(doc, tok, marks, owners)


def first_named(tokens: Iterable[Token], marks: Span, owners: dict[int, Entity]) -> Entity | None:
    """The first person, else the first organisation, named among `tokens` outside the quote."""
    named = [
        entity
        for tok in tokens
        if not marks.start <= tok.i < marks.end
        and (entity := owners.get(tok.i)) is not None
        and entity.type in SPEAKER_TYPES
    ]
    people = [e for e in named if e.type == "PERSON"]
    return (people or named or [None])[0]


def nearest_person(
    doc: Doc, before: int, marks: Span, owners: dict[int, Entity], allowed: set[str] | None = None
) -> Entity | None:
    """The person mentioned last before token `before`, outside the quotation itself."""
    for i in range(before - 1, -1, -1):
        entity = owners.get(i)
        if entity is None or entity.type != "PERSON" or marks.start <= i < marks.end:
            continue
        if allowed is None or entity.id in allowed:
            return entity
    return None


def full_title(word: str) -> str:
    """A title word written out ("Sen." -> "senator"), so the two forms match."""
    return TITLE_ABBREVIATIONS.get(word, word)


def by_title(doc: Doc, tok: Token, marks: Span, owners: dict[int, Entity]) -> Entity | None:
    """The person a title phrase denotes ("the Prime Minister of Japan", "the Polish leader")."""
    phrase = list(tok.subtree)
    titles = {full_title(t.lower_) for t in phrase if t.lower_ in TITLE_WORDS}
    titles -= ROLE_NOUNS
    roles = {t.lower_ for t in phrase if t.lower_ in ROLE_NOUNS}
    countries = {
        e.country
        for t in phrase
        if (e := owners.get(t.i)) is not None and e.type in ("GPE", "NORP") and e.country
    }
    if not titles and not roles:
        return None
    people = {e.id: e for e in owners.values() if e.type == "PERSON"}
    fitting = {
        e.id
        for e in people.values()
        if (not countries or e.country in countries)
        and (not titles or (e.title and titles & {full_title(w) for w in e.title.lower().split()}))
    }
    if len(fitting) == 1:
        return people[fitting.pop()]
    if fitting:
        return nearest_person(doc, marks.start, marks, owners, fitting)
    return None
