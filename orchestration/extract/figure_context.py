"""Context of a figure: its qualifier, the period it refers to, and who did what to whom."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from orchestration.extract.lemmas import lemma
from orchestration.extract.lexicon import FACT_VERB_TAGS, QUALIFIERS, VERB_QUALIFIERS
from orchestration.extract.records import sentence_of
from orchestration.extract.schema import Entity

ROLE_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
PHRASE_LENGTHS = sorted({len(phrase) for phrase in QUALIFIERS}, reverse=True)
SPAN_WORDS = frozenset({"over", "under"})


def qualifier_before(doc: Doc, start: int, kind: str = "count") -> tuple[str | None, int]:
    """The qualifier ("more than", "about") right before token `start`, and its first token.

    A verb particle is no qualifier ("took over 254 billion rand"), nor is "over" or "under"
    before a duration, where it means "during" ("over seven years"). A verb such as
    "exceeded" qualifies the figure but stays outside its text.
    """
    for length in PHRASE_LENGTHS:
        begin = start - length
        phrase = tuple(t.lower_ for t in doc[max(begin, 0) : start])
        if begin < 0 or phrase not in QUALIFIERS:
            continue
        if len(phrase) == 1 and doc[begin].dep_ == "prt":
            break
        if kind == "duration" and phrase[0] in SPAN_WORDS:
            break
        return QUALIFIERS[phrase], begin
    verb = doc[start - 1] if start > 0 else None
    if verb is not None and verb.tag_ in FACT_VERB_TAGS:
        qualifier = VERB_QUALIFIERS.get(lemma(verb).lower())
        if qualifier:
            return qualifier, start
    return None, start


def period_of(doc: Doc, span: Span) -> str | None:
    """Value of the date in the same sentence nearest to the figure ("Last year" -> "2020")."""
    sentence = sentence_of(doc, span.start)
    best = None
    for ref in doc._.dates or []:
        inside = sentence.start_char <= ref.start < sentence.end_char
        if not inside or ref.value is None or span.start_char <= ref.start < span.end_char:
            continue
        distance = min(abs(ref.start - span.end_char), abs(span.start_char - ref.end))
        if best is None or distance < best[0]:
            best = (distance, ref.value)
    return best[1] if best else None


def first_entity(tokens: Span | list, owners: dict[int, Entity], skip: range) -> str | None:
    """Id of the first entity mentioned among `tokens`, outside the `skip` range."""
    for tok in tokens:
        entity = owners.get(tok.i)
        if entity is not None and tok.i not in skip and entity.type in ROLE_TYPES:
            return entity.id
    return None


def roles(
    doc: Doc, start: int, end: int, owners: dict[int, Entity], climb_steps: int
) -> tuple[str | None, str | None]:
    """Subject and object entities of the clause a figure belongs to: that of the first verb
    at most `climb_steps` heads up the parse from the figure.

    "Germany has invested $2 billion into the economy of Poland" gives
    (Germany, Poland).
    """
    verb = doc[end - 1]
    for _ in range(climb_steps):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None, None
    skip = range(start, end)
    subject = obj = None
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and subject is None:
            subject = first_entity(list(child.subtree), owners, skip)
    for child in verb.children:
        if child.dep_ in ("prep", "dobj", "dative", "pobj") and obj is None:
            found = first_entity(list(child.subtree), owners, skip)
            obj = found if found != subject else None
    return subject, obj
