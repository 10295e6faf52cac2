"""The event a counted number belongs to, read from the dependency parse: the verb, adjective
or noun of count_words.tsv that governs it, and so its GDELT count type.

"killed at least 12 people", "12 people were killed", "12 people killed in", "left 40
dead", "12 were injured", "45 deaths": each word says what happened to those the number
counts. A number in any other role ("12 gunmen killed", "killed in 12 attacks") counts
something else and is no count; nor is an event denied ("no one was killed"), forecast
("could kill 100") or only intended ("plans to evacuate 2,000").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from orchestration.extract.datafiles import data_rows
from orchestration.extract.lemmas import lemma


def read_count_words() -> dict[str, dict[str, str]]:
    """The words of count_words.tsv by role, each with its count type."""
    table: dict[str, dict[str, str]] = {}
    for word, kind, role in data_rows("count_words.tsv"):
        table.setdefault(role, {})[word] = kind
    return table


COUNT_WORDS = read_count_words()
# A participle after or before the counted noun ("people killed in", "displaced people").
PARTICIPLE_DEPS = frozenset({"acl", "relcl", "amod"})
STATES = COUNT_WORDS["state"]
# How an adjective of state attaches to the verb whose object ("left 40 dead") or subject
# ("12 were dead") is counted, or to the counted word itself ("40 people dead").
OBJECT_STATE_DEPS = frozenset({"oprd", "acomp", "ccomp", "xcomp"})
SUBJECT_STATE_DEPS = frozenset({"acomp"})
STATE_DEPS = frozenset({"amod", "acomp", "oprd"})
COUNTED_DEPS = frozenset({"dobj", "nsubj", "nsubjpass"})
# Words that deny the event of a number they modify ("no one was killed").
DENIALS = frozenset({"no", "none", "nobody"})
# Conjunctions that join the event to another the number counts too ("dead or missing").
ALTERNATIVES = frozenset({"or", "and/or"})


@dataclass(frozen=True)
class Event:
    """The word naming what befell a counted number, and its GDELT count type."""

    type: str
    word: Token


def event_of(counted: Token, noun: bool) -> Event | None:
    """The event whose count the token `counted` gives (the counted noun, else the number's
    last token), when the event is asserted; `noun` allows the counted noun itself to name
    it ("45 deaths")."""
    role = counted
    while role.dep_ == "conj" and role.head.pos_ in ("NOUN", "PROPN", "NUM"):
        role = role.head
    found = participle(counted) or state_modifier(counted)
    found = found or governing_verb(role) or state_head(role) or state_clause(role)
    if found is None and noun:
        found = noun_event(counted)
    if found is None or not asserted(found.word) or denied(counted) or alternative(found.word):
        return None
    return found


def word_type(tok: Token, role: str) -> str | None:
    """The count type of a verb of `role` ("patient", "passive" or "agent"), by its lemma."""
    if tok.pos_ != "VERB":
        return None
    return COUNT_WORDS[role].get(lemma(tok).lower())


def governing_verb(tok: Token) -> Event | None:
    """The verb whose object or passive subject is `tok` ("killed 12 people", "12 people were
    killed", "12 people killed in" as a headline writes it), or whose subject it is for a
    verb that counts its doers ("30 people died")."""
    head = tok.head
    if head.i == tok.i:
        return None
    kind = None
    if tok.dep_ == "dobj":
        kind = word_type(head, "patient")
    elif tok.dep_ == "nsubjpass":
        kind = word_type(head, "patient") or word_type(head, "passive")
    elif tok.dep_ == "nsubj":
        kind = word_type(head, "agent")
        if kind is None and head.tag_ == "VBN" and not has_child(head, "dobj", "aux", "auxpass"):
            kind = word_type(head, "patient") or word_type(head, "passive")
    return Event(kind, head) if kind else None


def participle(tok: Token) -> Event | None:
    """A past participle qualifying the counted noun ("12 people killed in", "people who were
    arrested", "5,000 displaced people")."""
    for child in tok.children:
        if child.dep_ in PARTICIPLE_DEPS and child.tag_ == "VBN":
            kind = word_type(child, "patient") or word_type(child, "passive")
            if kind:
                return Event(kind, child)
    return None


def state_modifier(tok: Token) -> Event | None:
    """An adjective of state modifying the counted word ("40 people dead", "the 5,000
    homeless")."""
    for child in tok.children:
        if child.dep_ in STATE_DEPS and child.lower_ in STATES:
            return Event(STATES[child.lower_], child)
    return None


def state_head(tok: Token) -> Event | None:
    """An adjective of state the counted word depends on ("40 dead", "120 wounded")."""
    head = tok.head
    if head.i != tok.i and head.lower_ in STATES and head.pos_ in ("ADJ", "VERB"):
        return Event(STATES[head.lower_], head)
    return None


def state_clause(tok: Token) -> Event | None:
    """An adjective of state the clause says of its counted object ("left 40 dead") or
    subject ("12 were injured", parsed as an adjective)."""
    head = tok.head
    deps = OBJECT_STATE_DEPS if tok.dep_ == "dobj" else SUBJECT_STATE_DEPS
    if tok.dep_ not in COUNTED_DEPS or head.pos_ not in ("VERB", "AUX"):
        return None
    for child in head.children:
        if child.dep_ in deps and child.lower_ in STATES:
            return Event(STATES[child.lower_], child)
    return None


def noun_event(tok: Token) -> Event | None:
    """The counted noun as the event's name ("45 deaths", "300 arrests", "20,000
    protesters")."""
    if tok.pos_ != "NOUN":
        return None
    kind = COUNT_WORDS["noun"].get(lemma(tok).lower())
    return Event(kind, tok) if kind else None


def has_child(tok: Token, *deps: str) -> bool:
    """Whether `tok` has a child of any of these dependency labels."""
    return any(child.dep_ in deps for child in tok.children)


def clause_verb(tok: Token) -> Token:
    """The verb of the clause a word belongs to: itself, or its nearest verb above it."""
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def asserted(word: Token) -> bool:
    """Whether the clause of the event's word states it happened: not denied ("were not
    killed"), not under a modal ("could kill") nor an infinitive ("plans to evacuate")."""
    verb = clause_verb(word)
    for clause in (verb, word):
        for child in clause.children:
            if child.dep_ == "neg" or child.tag_ in ("MD", "TO"):
                return False
    return True


def alternative(word: Token) -> bool:
    """Whether the event's word is one of alternatives the number counts together ("left 300
    dead or missing", "killed or injured")."""
    return any(c.dep_ == "cc" and c.lower_ in ALTERNATIVES for c in word.children) and has_child(
        word, "conj"
    )


def denied(tok: Token) -> bool:
    """Whether the counted word is denied ("no one", "none of the 30 passengers")."""
    before = tok.doc[tok.left_edge.i - 1] if tok.left_edge.i > 0 else None
    words = [t.lower_ for t in tok.subtree if t.i <= tok.i]
    return bool(DENIALS & set(words)) or (before is not None and before.lower_ in DENIALS)
