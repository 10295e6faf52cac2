"""Who said a quotation: the subject of a nearby speech verb, resolved to an entity."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from orchestration.extract.lexicon import PRONOUNS, ROLE_NOUNS, SPEECH_VERBS, TITLE_WORDS
from orchestration.extract.records import Entity, sentence_of

SPEAKER_TYPES = frozenset({"PERSON", "ORG"})
AFTER_WINDOW = 8
CLIMB_STEPS = 6


def is_speech_verb(tok: Token) -> bool:
    """Whether a token is a verb of saying ("said", "told", "describing")."""
    return tok.pos_ == "VERB" and tok.lemma_.lower() in SPEECH_VERBS


def speech_verb_after(doc: Doc, marks: Span) -> Token | None:
    """A speech verb right after the closing mark, in the same paragraph ("…,” said X)."""
    for tok in doc[marks.end : marks.end + AFTER_WINDOW]:
        if "\n" in tok.text or tok.text in ("\u201c", "\u00ab", '"'):
            return None
        if is_speech_verb(tok):
            return tok
        if tok.is_sent_start and tok.text[:1].isupper():
            return None
    return None


def speech_verb_before(doc: Doc, marks: Span) -> Token | None:
    """The speech verb nearest before the opening mark, in the same sentence."""
    sentence = sentence_of(doc, marks.start)
    for tok in reversed(doc[sentence.start : marks.start]):
        if is_speech_verb(tok):
            return tok
    return None


def attribute(doc: Doc, marks: Span, owners: dict[int, Entity]) -> tuple[Entity | None, str | None]:
    """The speaker entity of a quotation and the lemma of the verb that introduces it."""
    verb = speech_verb_after(doc, marks) or speech_verb_before(doc, marks)
    if verb is None:
        source = according_to(doc, marks, owners)
        return source, "according to" if source else None
    return resolve_speaker(doc, verb, marks, owners), verb.lemma_.lower()


def according_to(doc: Doc, marks: Span, owners: dict[int, Entity]) -> Entity | None:
    """The source named by "according to X" in the quotation's sentence."""
    first = sentence_of(doc, marks.start)
    last = sentence_of(doc, marks.end - 1)
    for tok in [*doc[first.start : marks.start], *doc[marks.end : last.end]]:
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            for after in doc[tok.i + 2 : tok.i + 6]:
                entity = owners.get(after.i)
                if entity is not None and entity.type in SPEAKER_TYPES:
                    return entity
    return None


def resolve_speaker(doc: Doc, verb: Token, marks: Span, owners: dict[int, Entity]) -> Entity | None:
    """Entity named by the subject of `verb`, climbing to the governing clause if needed."""
    inside = range(marks.start, marks.end)
    head = verb
    for _ in range(CLIMB_STEPS):
        subjects = [
            c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in inside
        ]
        if subjects:
            return resolve_subject(doc, subjects[0], marks, owners)
        if head.head.i == head.i or head.head.i in inside:
            break
        head = head.head
    for tok in doc[verb.i + 1 : verb.i + 4]:
        entity = owners.get(tok.i)
        if entity is not None and entity.type in SPEAKER_TYPES:
            return entity
    return None


def resolve_subject(doc: Doc, tok: Token, marks: Span, owners: dict[int, Entity]) -> Entity | None:
    """The entity a subject denotes: a name, a pronoun or a title phrase."""
    entity = owners.get(tok.i)
    if entity is not None:
        return entity if entity.type in SPEAKER_TYPES else None
    if tok.lower_ in PRONOUNS:
        return nearest_person(doc, min(tok.i, marks.start), marks, owners)
    return by_title(doc, tok, marks, owners)


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


def by_title(doc: Doc, tok: Token, marks: Span, owners: dict[int, Entity]) -> Entity | None:
    """The person a title phrase denotes ("the Prime Minister of Japan", "the Polish leader")."""
    phrase = list(tok.subtree)
    titles = {t.lower_ for t in phrase if t.lower_ in TITLE_WORDS and t.lower_ not in ROLE_NOUNS}
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
        and (not titles or (e.title and titles & set(e.title.lower().split())))
    }
    if len(fitting) == 1:
        return people[fitting.pop()]
    if fitting:
        return nearest_person(doc, marks.start, marks, owners, fitting)
    return None
