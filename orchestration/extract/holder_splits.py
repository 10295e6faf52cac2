"""Split a person's name from the words the model glued to its front: the place or body of the
office before it ("President of Kazakhstan Kassym-Jomart Tokayev", "Chancellor of the
Exchequer Kenneth Clarke") and the nationality or home of the person ("Queenslander Daniel
Herbert").
"""

from __future__ import annotations

from spacy.tokens import Doc

from orchestration.extract.geo import gazetteer
from orchestration.extract.lexicon import NOT_NAME_WORDS, TITLE_WORDS
from orchestration.extract.made_names import COMPANY_SUFFIXES, COMPANY_WORDS
from orchestration.extract.spans import Candidate, title_run

NOT_PERSONAL = NOT_NAME_WORDS | TITLE_WORDS | COMPANY_SUFFIXES | COMPANY_WORDS


def office_before(doc: Doc, start: int) -> str | None:
    """The title whose "of" opens right before token `start` ("President of", "Chancellor of
    the"), as text."""
    k = start - 1
    if k >= 1 and doc[k].lower_ == "the":
        k -= 1
    if k < 1 or doc[k].lower_ != "of":
        return None
    first = k
    while first > 0 and doc[first - 1].lower_ in TITLE_WORDS and doc[first - 1].is_title:
        first -= 1
    return doc[first:k].text if first < k else None


def is_personal_name(doc: Doc, start: int, end: int) -> bool:
    """Whether words may form a personal name: one to four capitalised words or hyphens, none
    a title, an institution's or a company's word ("Michigan Corp.")."""
    words = doc[start:end]
    return 0 < len(words) <= 4 and all(
        (t.is_alpha and t.is_title and t.lower_ not in NOT_PERSONAL) or t.text == "-" for t in words
    )


def split_holder(doc: Doc, cand: Candidate) -> list[Candidate]:
    """The candidates a name with a place, body or nationality glued to its front stands for.

    After "<title> of", a leading place is the office's ("President of Kazakhstan
    Kassym-Jomart Tokayev" -> the place and the person), and in a person's name of three or more
    words the first belongs to the title ("Chancellor of the Exchequer Kenneth Clarke"). A
    leading nationality or residents' word is split off a person's name ("Queenslander Daniel
    Herbert").
    """
    gaz = gazetteer()
    office = office_before(doc, cand.start)
    size = cand.end - cand.start
    if office is not None and size >= 2:
        for cut in range(cand.end - 1, cand.start, -1):
            place = gaz.lookup(doc[cand.start : cut].text)
            if place is not None and is_personal_name(doc, cut, cand.end):
                owner = Candidate(cand.start, cut, place.type, 3, place=place, source="rule")
                holder = Candidate(cut, cand.end, "PERSON", 3, title=office, source="rule")
                holder.country = place.country
                return [owner, holder]
        if cand.label == "PERSON" and size >= 3:
            return [Candidate(cand.start + 1, cand.end, "PERSON", cand.votes, title=office)]
    if cand.label == "PERSON" and size >= 3:
        first = doc[cand.start].text
        code = gaz.resident(first)
        if code is not None:
            start = title_run(doc, cand.start + 1, cand.end)
            title = doc[cand.start + 1 : start].text if start > cand.start + 1 else cand.title
            if cand.end - start >= 1:
                norp = Candidate(cand.start, cand.start + 1, "NORP", 3, country=code)
                norp.source = "demonym"
                holder = Candidate(start, cand.end, "PERSON", cand.votes, title=title)
                return [norp, holder]
    return [cand]
