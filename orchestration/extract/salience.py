"""Whom a pronoun or a description ("he", "the senator") points back to: the most salient
person of the sentences before it.

Salience follows the usual weighting of English discourse (Lappin and Leass, "An Algorithm
for Pronominal Anaphora Resolution", 1994): a subject counts more than a possessor, a
possessor more than an object, the subject of a verb of saying most, and each sentence back
halves a mention's weight. A pronoun that was itself resolved counts as a mention of its
person, and a person whose titles or pronouns say the other gender is passed over.
"""

from __future__ import annotations

import bisect
import functools
from collections import Counter
from dataclasses import dataclass, field

import numpy
from spacy.attrs import LOWER
from spacy.tokens import Doc, Token

from orchestration.extract.datafiles import data_pairs
from orchestration.extract.lemmas import lemma
from orchestration.extract.lexicon import ATTRIBUTION_VERBS
from orchestration.extract.records import sentence_bounds
from orchestration.extract.schema import Entity

# Gendered words written before or beside a name ("Mrs.", "spokeswoman").
GENDERED_WORDS = data_pairs("gendered_words.tsv")
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m"}
PRONOUN_GENDER |= {"she": "f", "her": "f", "hers": "f", "herself": "f"}
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
OBJECTS = frozenset({"dobj", "dative", "pobj", "iobj", "attr", "oprd"})
SPEAKER_WEIGHT = 160.0
SUBJECT_WEIGHT = 80.0
POSSESSOR_WEIGHT = 40.0
OTHER_WEIGHT = 20.0
OBJECT_WEIGHT = 5.0


@dataclass
class Salience:
    """The persons of one article, weighed for reference: who a pronoun or a description at
    a given token most likely means, looking back at most `reach` sentences."""

    doc: Doc
    owners: dict[int, Entity]
    reach: int
    resolved: dict[int, Entity] = field(default_factory=dict)

    @functools.cached_property
    def genders(self) -> dict[str, str]:
        """The gender the article gives each person (see `person_genders`), read once it is
        first needed."""
        return person_genders(self.doc, self.owners)

    def person_before(self, at: int, gender: str | None, skip: range) -> Entity | None:
        """The most salient person mentioned before token `at` (none within `skip`), of
        `gender` ("m", "f") when known."""
        weights: Counter[str] = Counter()
        people: dict[str, Entity] = {}
        first = first_sentence_start(self.doc, at, self.reach)
        sentence_at = sentence_number(self.doc, at)
        for i in range(first, at):
            entity = self.mention_at(i, skip)
            if entity is None or entity.type != "PERSON":
                continue
            if gender and self.genders.get(entity.id, gender) != gender:
                continue
            back = sentence_at - sentence_number(self.doc, i)
            weights[entity.id] += role_weight(self.doc[i]) / 2**back
            people[entity.id] = entity
        if not weights:
            return None
        return people[weights.most_common(1)[0][0]]

    def mention_at(self, i: int, skip: range) -> Entity | None:
        """The person a token mentions: once per name (its last word), or a pronoun already
        resolved, or a pronoun subject resolved now."""
        if i in skip:
            return None
        entity = self.owners.get(i)
        if entity is not None:
            following = self.owners.get(i + 1)
            return None if following is not None and following.id == entity.id else entity
        if i in self.resolved:
            return self.resolved[i]
        tok = self.doc[i]
        if tok.lower_ in ("he", "she") and tok.dep_ in SUBJECTS:
            self.resolved[i] = self.person_before(i, PRONOUN_GENDER[tok.lower_], skip)
            return self.resolved[i]
        return None


def role_weight(tok: Token) -> float:
    """How much a mention's place in its clause makes it a likely referent later."""
    head = tok
    while head.dep_ in ("compound", "flat", "appos") and head.head.i != head.i:
        head = head.head
    if head.dep_ in SUBJECTS:
        verb = head.head
        said = verb.pos_ == "VERB" and lemma(verb).lower() in ATTRIBUTION_VERBS
        return SPEAKER_WEIGHT if said else SUBJECT_WEIGHT
    if head.dep_ == "poss":
        return POSSESSOR_WEIGHT
    if head.dep_ in OBJECTS:
        return OBJECT_WEIGHT
    return OTHER_WEIGHT


def first_sentence_start(doc: Doc, at: int, reach: int) -> int:
    """The first token of the sentence `reach` sentences before the one holding `at`."""
    k = sentence_number(doc, at)
    return sentence_bounds(doc).token_starts[max(k - reach, 0)]


def sentence_number(doc: Doc, at: int) -> int:
    """The index of the sentence holding token `at`."""
    return max(bisect.bisect_right(sentence_bounds(doc).token_starts, at) - 1, 0)


def person_genders(doc: Doc, owners: dict[int, Entity]) -> dict[str, str]:
    """The gender the article gives each person, by entity id, where it says one: a
    gendered title or noun before or in apposition to the name ("Mrs. Lee", "Lee, a
    spokeswoman"), or the pronouns of a clause the person is the only named subject of."""
    votes: dict[str, Counter[str]] = {}
    for i, entity in owners.items():
        if entity.type != "PERSON" or (i > 0 and owners.get(i - 1) is entity):
            continue
        for word in gender_words_beside(doc, i):
            votes.setdefault(entity.id, Counter())[GENDERED_WORDS[word]] += 1
    for i in pronoun_indices(doc):
        tok = doc[int(i)]
        gender = PRONOUN_GENDER[tok.lower_]
        if tok.dep_ in SUBJECTS:
            continue
        subject = clause_subject(tok)
        entity = owners.get(subject.i) if subject is not None else None
        if entity is not None and entity.type == "PERSON":
            votes.setdefault(entity.id, Counter())[gender] += 1
    return {
        key: count.most_common(1)[0][0]
        for key, count in votes.items()
        if len(count) == 1 or count.most_common(2)[0][1] > count.most_common(2)[1][1]
    }


def pronoun_indices(doc: Doc) -> numpy.ndarray:
    """The indices of the gendered pronouns of a doc, found in its array of lower-case forms
    rather than token by token."""
    wanted = [doc.vocab.strings.add(word) for word in PRONOUN_GENDER]
    return numpy.flatnonzero(numpy.isin(doc.to_array(LOWER), wanted))


def gender_words_beside(doc: Doc, i: int) -> list[str]:
    """The gendered words right before a name's first token, or heading its apposition."""
    words = [t.lower_ for t in doc[max(i - 2, 0) : i] if t.lower_ in GENDERED_WORDS]
    root = doc[i]
    while root.head.i != root.i and root.dep_ in ("compound", "flat"):
        root = root.head
    words += [c.lower_ for c in root.children if c.dep_ == "appos" and c.lower_ in GENDERED_WORDS]
    return words


def clause_subject(tok: Token) -> Token | None:
    """The subject of the clause a possessive or object pronoun stands in, when the pronoun
    follows it ("Lee thanked her staff")."""
    head = tok.head
    while head.head.i != head.i and head.pos_ not in ("VERB", "AUX"):
        head = head.head
    subjects = [c for c in head.children if c.dep_ in SUBJECTS and c.i < tok.i]
    return subjects[0] if subjects else None
