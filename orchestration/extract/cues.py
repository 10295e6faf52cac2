"""Evidence for an entity's type in the words written around it: descriptors, appositions,
acronyms, and nouns that make a name a place or a facility."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from orchestration.extract.given_names import given_names
from orchestration.extract.lemmas import lemma
from orchestration.extract.lexicon import (
    FACILITY_NOUNS,
    NOT_NAME_WORDS,
    ORG_HEAD_NOUNS,
    PERSON_NOUNS,
    PLACE_NOUNS,
    TITLE_MODIFIERS,
    TITLE_WORDS,
)
from orchestration.extract.linking import acronym, name_words
from orchestration.extract.made_names import is_company_end
from orchestration.extract.spans import Candidate

RETYPABLE = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "WORK_OF_ART", "PRODUCT"})
FIXED_SOURCES = frozenset({"demonym", "dateline"})
APPOSITION_STOPS = frozenset({",", ".", ";", ":", ")", "(", "\u201c", "\u201d", '"'})


def retypable(cand: Candidate) -> bool:
    """Whether a candidate's type may still change: not a linked place, nationality or
    dateline."""
    return cand.place is None and cand.label in RETYPABLE and cand.source not in FIXED_SOURCES


def noun_type(tok: Token) -> str | None:
    """The type a common noun gives a name it describes ("company" -> ORG)."""
    word, base = tok.lower_, lemma(tok).lower()
    if word in PLACE_NOUNS:
        return "GPE"
    if word in ORG_HEAD_NOUNS or base in ORG_HEAD_NOUNS:
        return "ORG"
    if word in PERSON_NOUNS or base in PERSON_NOUNS:
        return "PERSON"
    if word in TITLE_WORDS and word not in TITLE_MODIFIERS:
        return "PERSON"
    return None


def apposition(doc: Doc, start: int, max_words: int) -> list[Token]:
    """The phrase set off by a comma after a name, up to the next punctuation or relative
    pronoun and at most `max_words` long; none when a verb follows, as the phrase is then the
    subject of a new clause ("Lukas Hoffmann-Reyes, the club announced")."""
    if start >= len(doc) or doc[start].text != ",":
        return []
    found = []
    for tok in doc[start + 1 : start + 1 + max_words]:
        if tok.pos_ in ("VERB", "AUX", "SCONJ"):
            return []
        if tok.text in APPOSITION_STOPS or tok.pos_ == "PRON":
            break
        found.append(tok)
    return found


def is_age_phrase(tokens: list[Token]) -> bool:
    """Whether an apposition gives an age: ", 49," or ", a 36-year-old nurse,"."""
    if len(tokens) == 1 and tokens[0].like_num:
        return True
    return any(t.lower_ == "old" for t in tokens) and any(t.like_num for t in tokens)


def apposition_type(tokens: list[Token]) -> str | None:
    """The type an apposition gives the name before it ("Mazhilis, the lower house of
    parliament" -> ORG, "Anouk de Vries, a 36-year-old nurse" -> PERSON)."""
    nouns = [t for t in tokens if t.pos_ in ("NOUN", "PROPN")]
    head = next((t for t in tokens if t.pos_ == "ADP"), None)
    before = [t for t in nouns if head is None or t.i < head.i]
    after = [t for t in nouns if head is not None and t.i > head.i]
    for noun in before[-1:] + after[:1]:
        kind = noun_type(noun)
        if kind:
            return kind
    return "PERSON" if tokens and is_age_phrase(tokens) else None


def acronym_after(doc: Doc, cand: Candidate, owner: dict[int, Candidate]) -> Candidate | None:
    """The candidate for an acronym in brackets right after a name, when it spells the name's
    initials ("Kazakhstan Temir Zholy (KTZ)")."""
    end = cand.end
    if end + 2 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")":
        return None
    short = owner.get(end + 1)
    words = name_words(cand.text(doc))
    if short is None or len(words) < 2 or acronym(words) != doc[end + 1].text:
        return None
    return short


def list_members(doc: Doc, cand: Candidate, owner: dict[int, Candidate]) -> list[Candidate]:
    """The candidates of a list that `cand` opens ("Turkana, Marsabit and Mandera")."""
    members = [cand]
    i = cand.end
    while i + 1 < len(doc) and doc[i].text in (",", "and") and (nxt := owner.get(i + 1)):
        members.append(nxt)
        i = nxt.end
        if i < len(doc) and doc[i].text == "," and i + 1 < len(doc) and doc[i + 1].text == "and":
            i += 1
    return members


def set_type(cand: Candidate, label: str, votes: int) -> None:
    """Give a candidate a type settled by a rule, with `votes` for it."""
    cand.label, cand.votes, cand.source = label, votes, "rule"


def place_or_facility(doc: Doc, cand: Candidate, owner: dict[int, Candidate]) -> str | None:
    """GPE for a name after a place noun ("the town of Bega"), REGION for one followed by one
    ("Bugesera district"), FAC for one followed by a facility noun ("the Santa Teresa mine")."""
    start = cand.start
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in PLACE_NOUNS:
        return "GPE"
    end = list_members(doc, cand, owner)[-1].end
    following = [t for t in doc[end : end + 2] if t.is_lower and t.pos_ == "NOUN"]
    if following and following[0].i == end and following[0].lower_ in PLACE_NOUNS:
        return "REGION"
    if cand.label != "ORG" and any(t.lower_ in FACILITY_NOUNS for t in following):
        return "FAC"
    return None


def described_type(doc: Doc, cand: Candidate) -> str | None:
    """The type a descriptor right before a name gives it ("the utility Eskom"), or a title set
    off by a comma ("its president, Halima Danjuma")."""
    before = doc[cand.start - 1] if cand.start else None
    if before is None:
        return None
    if before.is_lower and before.pos_ == "NOUN":
        return noun_type(before)
    if before.text == "," and cand.start >= 2:
        title = doc[cand.start - 2]
        return "PERSON" if title.is_lower and noun_type(title) == "PERSON" else None
    return None


def retype_by_cues(doc: Doc, cands: list[Candidate], max_apposition: int, votes: int) -> None:
    """Type names by what is written around them, with `votes` for the type found.

    A name written as a person's in full ("Sean Hannity", see `full_personal_name`) is a
    person's. A descriptor before the name ("the utility Eskom", "analyst Park"), a title
    before a comma ("its president, Halima Danjuma"), an apposition after it, and an acronym
    of its initials in brackets (persons have none) all settle the type; so do place and
    facility nouns. An apposition is read over at most `max_apposition` words.
    """
    owner = {i: c for c in cands for i in range(c.start, c.end)}
    for cand in cands:
        if not retypable(cand):
            continue
        if cand.label in ("ORG", "PERSON") and full_personal_name(doc, cand):
            set_type(cand, "PERSON", votes)
            continue
        if (short := acronym_after(doc, cand, owner)) is not None:
            if cand.label == "PERSON":
                set_type(cand, "ORG", votes)
            if retypable(short):
                set_type(short, cand.label, votes)
            continue
        kind = (
            described_type(doc, cand)
            or apposition_type(apposition(doc, cand.end, max_apposition))
            or place_or_facility(doc, cand, owner)
        )
        if kind == "REGION":
            for member in list_members(doc, cand, owner):
                if retypable(member):
                    set_type(member, "GPE", votes)
                    member.region = True
        elif kind:
            set_type(cand, kind, votes)
        elif cand.label == "PERSON" and is_acronym(cand.text(doc)):
            set_type(cand, "ORG", votes)


def full_personal_name(doc: Doc, cand: Candidate) -> bool:
    """Whether a name is written as a person's in full: two or three capitalised words, the
    first a common given name (see `given_names`), the last no word that ends a company's name
    ("Sean Hannity", "Brett O'Donnell"; not "Jack Morton Holdings")."""
    words = doc[cand.start : cand.end]
    return (
        2 <= len(words) <= 3
        and words[0].text in given_names()
        and all(w.text[:1].isupper() and w.lower_ not in NOT_NAME_WORDS for w in words[1:])
        and not is_company_end(words[-1])
    )


def is_acronym(text: str) -> bool:
    """Whether a name is written as an acronym ("LSEG"), which no personal name is."""
    return len(text) >= 2 and text.isalpha() and text.isupper()
