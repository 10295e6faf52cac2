"""Personal names the model cut short or missed: completed over their remaining parts, and
found as the named subject of a verb of saying or by a common given name."""

from __future__ import annotations

import re

from spacy.symbols import VERB
from spacy.tokens import Doc, Token

from orchestration.extract.geo import gazetteer
from orchestration.extract.given_names import given_names
from orchestration.extract.lemmas import lemma
from orchestration.extract.lexicon import (
    DETERMINERS,
    NOT_NAME_WORDS,
    SPEECH_VERBS,
    TITLE_WORDS,
)
from orchestration.extract.records import token_texts
from orchestration.extract.spans import NAME_PARTICLES, NUMERIC_LABELS, Candidate

ELIDED_RE = re.compile(r"[A-Z]['\u2019][A-Z]\w+")
INITIAL_RE = re.compile(r"[A-Z]\.")


def is_name_word(tok: Token) -> bool:
    """Whether a token can be part of a personal name: a capitalised proper noun, or a surname
    with an elided particle ("O\u2019Donnell") the tagger takes for a common noun, that is not
    a title, a date or an institution word."""
    return (
        (tok.pos_ == "PROPN" or bool(ELIDED_RE.fullmatch(tok.text)))
        and tok.text[:1].isupper()
        and tok.lower_ not in TITLE_WORDS
        and tok.lower_ not in NOT_NAME_WORDS
        and tok.ent_type_ not in NUMERIC_LABELS
    )


def is_surname(tok: Token) -> bool:
    """Whether a word after a name particle is the surname it introduces ("dos Santos"), whatever
    part of speech the tagger gave it."""
    return tok.is_alpha and tok.is_title and tok.lower_ not in TITLE_WORDS


def grow_right(doc: Doc, end: int, owner: dict[int, Candidate]) -> int:
    """End of a personal name grown over further name words and particle-led surnames
    ("José Luis" + "Quispe Mamani", "Jan-Willem" + "ter Horst")."""
    while end < len(doc) and not doc[end - 1].is_punct:
        nxt = doc[end]
        if is_name_word(nxt) and end not in owner:
            end += 1
            continue
        if nxt.text in NAME_PARTICLES and end + 1 < len(doc) and is_surname(doc[end + 1]):
            other = owner.get(end + 1)
            if other is None or other.end - other.start == 1:
                end += 2
                continue
        break
    return end


def grow_left(doc: Doc, start: int, owner: dict[int, Candidate]) -> int:
    """Start of a personal name grown over one given name the model left out ("Luís" before
    "Miguel Barros da Silva"), when the word before that is not capitalised, "of" or an
    article: "the Exchequer" in "Chancellor of the Exchequer Kenneth Clarke" names a body, and
    a nationality or residents' word ("Queenslander") is no given name."""
    k = start - 1
    if k < 0 or k in owner or not is_name_word(doc[k]) or doc[k].is_sent_start:
        return start
    if gazetteer().resident(doc[k].text):
        return start
    before = doc[k - 1] if k else None
    if before is not None and (
        before.text[:1].isupper() or before.lower_ == "of" or before.lower_ in DETERMINERS
    ):
        return start
    return k


def complete_names(doc: Doc, cands: list[Candidate], max_words: int) -> list[Candidate]:
    """Longer candidates, of up to `max_words` words, for personal names that go on past the
    model's span."""
    owner = {i: c for c in cands for i in range(c.start, c.end)}
    found = []
    for cand in cands:
        if cand.label != "PERSON":
            continue
        start = grow_left(doc, cand.start, owner)
        end = grow_right(doc, cand.end, owner)
        if (start, end) != (cand.start, cand.end) and end - start <= max_words:
            found.append(
                Candidate(start, end, "PERSON", cand.votes, title=cand.title, source="rule")
            )
    return found


def speaker_names(doc: Doc, cands: list[Candidate], max_words: int, votes: int) -> list[Candidate]:
    """Full names of two to `max_words` words that are the subject of a verb of saying ("said
    Mehmet Yılmaz") but that the model did not tag, with `votes` for PERSON."""
    owner = {i for c in cands for i in range(c.start, c.end)}
    found = []
    # Read from one array: only verbs are built as tokens.
    verbs = [i for i, pos in enumerate(doc.to_array("POS").tolist()) if pos == VERB]
    for verb in (doc[i] for i in verbs):
        if lemma(verb).lower() not in SPEECH_VERBS:
            continue
        for subject in verb.children:
            if subject.dep_ != "nsubj" or not is_name_word(subject):
                continue
            start = subject.i
            while start > 0 and is_name_word(doc[start - 1]) and subject.i - start < max_words - 1:
                start -= 1
            words = range(start, subject.i + 1)
            if len(words) >= 2 and not owner.intersection(words):
                found.append(Candidate(start, subject.i + 1, "PERSON", votes, source="rule"))
    return found


def given_name_names(doc: Doc, cands: list[Candidate], votes: int) -> list[Candidate]:
    """Names written as a common given name, any initials and one surname ("Philip Bump",
    "Carlton W. Reeves", see `given_names`) that the model did not tag, with `votes` for
    PERSON. A further capitalised word after the surname makes the run a title-case line
    ("Sonia Sotomayor Celebrating Diversity"), where no boundary can be read: none is taken."""
    owner = {i for c in cands for i in range(c.start, c.end)}
    known = given_names()
    found = []
    for i, text in enumerate(token_texts(doc)):
        if text not in known or i in owner:
            continue
        end = i + 1
        while end < len(doc) and INITIAL_RE.fullmatch(doc[end].text):
            end += 1
        if end >= len(doc) or not is_name_word(doc[end]) or owner.intersection(range(i, end + 1)):
            continue
        after = end + 1
        if after == len(doc) or not (is_name_word(doc[after]) or after in owner):
            found.append(Candidate(i, end + 1, "PERSON", votes, source="rule"))
    return found


def competitor_names(
    doc: Doc, cands: list[Candidate], max_words: int, votes: int
) -> list[Candidate]:
    """Full names of two to `max_words` words followed by a country in brackets, the
    competitors of a results list ("7. Andreas Seelig (Germany) 62.00"): untagged ones are
    returned as new candidates and ones the model took for an organisation's are retyped, with
    `votes` for PERSON; a place's name, or one with an institution's word, is no one's."""
    owner = {i: c for c in cands for i in range(c.start, c.end)}
    gaz = gazetteer()
    found = []
    for cand in cands:
        start = cand.start
        if cand.place is None or cand.place.kind != "country" or start < 3:
            continue
        if doc[start - 1].text != "(" or cand.end >= len(doc) or doc[cand.end].text != ")":
            continue
        named = owner.get(start - 2)
        if named is not None:
            words = doc[named.start : named.end]
            plain = all(is_name_word(t) and not t.is_upper for t in words)
            sized = 2 <= len(words) <= max_words
            if named.label == "ORG" and named.source == "model" and plain and sized:
                named.label, named.votes, named.source = "PERSON", votes, "rule"
            continue
        first = start - 1
        while first > 0 and start - 1 - first < max_words and first - 1 not in owner:
            if not is_name_word(doc[first - 1]) or doc[first - 1].is_upper:
                break
            first -= 1
        words = doc[first : start - 1]
        if len(words) >= 2 and not gaz.is_place_name(words.text):
            found.append(Candidate(first, start - 1, "PERSON", votes, source="rule"))
    return found
