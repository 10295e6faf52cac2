"""Names typed by their last word: a company's legal form or business word makes an
organisation ("Shoei Kisen Kaisha", "Smit Salvage"), a facility or product noun a thing, not a
person ("James Webb Space Telescope")."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from orchestration.extract.datafiles import read_words
from orchestration.extract.geo import gazetteer
from orchestration.extract.lexicon import FACILITY_NOUNS
from orchestration.extract.spans import NUMERIC_LABELS, Candidate

COMPANY_SUFFIXES = read_words("company_suffixes.txt")
# Legal forms without their dots, matched only as written in a name ("SpA", "GmbH", "NV").
UNDOTTED_SUFFIXES = frozenset(s.replace(".", "") for s in COMPANY_SUFFIXES)
COMPANY_WORDS = read_words("company_words.txt")
PRODUCT_NOUNS = read_words("product_nouns.txt")
# Words after a company's name for its shares ("Harwick shares fell").
SHARE_WORDS = frozenset({"shares", "stock"})
# Labels a company's name may carry before its last word settles it.
OPEN_LABELS = frozenset({"PERSON", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "WORK_OF_ART"})


def is_company_end(tok: Token) -> bool:
    """Whether a word is a legal form ("Kaisha", "AG", "S.p.A.") or a business word
    ("Salvage", "Holdings") written as the end of a company's name."""
    if not tok.text[:1].isupper():
        return False
    word = tok.lower_
    if word in COMPANY_SUFFIXES or word in COMPANY_WORDS:
        return True
    written = not tok.is_title or tok.is_upper  # "SpA", "NV", not the word "Spa"
    return written and word.replace(".", "") in UNDOTTED_SUFFIXES


def made_type(doc: Doc, cand: Candidate) -> str | None:
    """The type the last word of a name of two or more words gives it, if any."""
    if cand.end - cand.start < 2:
        return None
    last = doc[cand.end - 1]
    if is_company_end(last):
        return "ORG"
    if cand.label == "PERSON" and last.text[:1].isupper():
        if last.lower_ in FACILITY_NOUNS:
            return "FAC"
        if last.lower_ in PRODUCT_NOUNS:
            return "PRODUCT"
    return None


def is_company_word(tok: Token) -> bool:
    """Whether a capitalised proper noun may be part of a company's name."""
    return tok.text[:1].isupper() and tok.pos_ == "PROPN" and tok.ent_type_ not in NUMERIC_LABELS


def company_names(doc: Doc, cands: list[Candidate], votes: int) -> list[Candidate]:
    """Type names by their last word (see `made_type`), with `votes` for the type, and add
    the companies the model missed: proper nouns ending in a legal form or business word
    ("Smit Salvage") or followed by "shares", and the acronym in brackets after an
    organisation's name."""
    for cand in cands:
        kind = made_type(doc, cand)
        if kind and cand.place is None and (cand.label in OPEN_LABELS or kind == "ORG"):
            cand.label, cand.votes, cand.source = kind, votes, "rule"
    owner = {i for c in cands for i in range(c.start, c.end)}
    added = []
    for tok in doc:
        if tok.i in owner or not is_company_end(tok) or tok.pos_ not in ("PROPN", "NOUN"):
            continue
        start = tok.i
        while start > 0 and start - 1 not in owner and is_company_word(doc[start - 1]):
            start -= 1
        if start < tok.i:
            added.append(Candidate(start, tok.i + 1, "ORG", votes, source="rule"))
    for tok in doc:
        if tok.lower_ not in SHARE_WORDS or not tok.is_lower or tok.i - 1 in owner:
            continue
        start = tok.i
        while start > 0 and start - 1 not in owner and is_company_word(doc[start - 1]):
            start -= 1
        if start < tok.i and not gazetteer().is_place_name(doc[start : tok.i].text):
            added.append(Candidate(start, tok.i, "ORG", votes, source="rule"))
    return cands + added + bracketed_acronyms(doc, cands, owner, votes)


def bracketed_acronyms(
    doc: Doc, cands: list[Candidate], owner: set[int], votes: int
) -> list[Candidate]:
    """Acronyms the model missed in brackets right after an organisation's name that they
    abbreviate ("the Singapore International Monetary Exchange (SIMEX)"), as ORG candidates
    with `votes`."""
    found = []
    for cand in cands:
        end = cand.end
        if cand.label != "ORG" or end + 2 >= len(doc) or end + 1 in owner:
            continue
        if doc[end].text != "(" or doc[end + 2].text != ")":
            continue
        short = doc[end + 1].text
        initials = "".join(t.text[0] for t in doc[cand.start : end] if t.text[:1].isupper())
        spelled = len(set(short) - set(initials)) <= 1  # "SIMEX": the "X" of "Exchange"
        written = len(short) >= 2 and short.isupper() and short.isalpha()
        if written and short[0] == initials[:1] and spelled:
            found.append(Candidate(end + 1, end + 2, "ORG", votes, source="rule"))
    return found
