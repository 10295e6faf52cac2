"""Span repair for named-entity candidates: trim, join hyphenated names, split titles."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from orchestration.extract.datafiles import read_words
from orchestration.extract.geo import Place, gazetteer
from orchestration.extract.lexicon import DASHES, DETERMINERS, HYPHENS, POSSESSIVES, TITLE_WORDS
from orchestration.extract.records import span_text

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
# Labels of names that end at their last capitalised word or number ("Ariane 5 last year").
TRIMMED_LABELS = NAME_LABELS | {"PRODUCT"}
# The model's labels for numbers, dates and amounts, which never name an entity.
NUMERIC_LABELS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})
LOOSE_POS = frozenset({"ADP", "DET", "ADV", "VERB", "AUX", "PRON", "SCONJ", "CCONJ", "PART"})
NAME_PARTICLES = read_words("name_particles.txt")
SCORE_RE = re.compile(r"\d+(?:-\d+)?")
HYPHEN_SUFFIX_STOP = read_words("hyphen_suffix_stops.txt")


@dataclass
class Candidate:
    """A token span that may name an entity, with the evidence for its type.

    `region` marks a name written as a region's ("Cagayan province"), which no city of the
    same name may claim.
    """

    start: int
    end: int
    label: str
    votes: int = 1
    title: str | None = None
    place: Place | None = None
    country: str | None = None
    source: str = "model"
    office_of_org: bool = False
    region: bool = False

    def text(self, doc: Doc) -> str:
        """The candidate's surface text."""
        return span_text(doc, self.start, self.end)

    def nation(self) -> str | None:
        """Country the mention names or belongs to, from its place link or context."""
        return self.place.country if self.place else self.country


def is_loose_lead(doc: Doc, i: int) -> bool:
    """Whether token `i` is a word a name does not start with: "in", a lower-case word that is
    not a name particle ("eastern Congo", "housing association Ymere"), or a common word
    opening a sentence ("Demand", "Closing").
    """
    tok = doc[i]
    if tok.lower_ in DETERMINERS or tok.is_punct or tok.is_space:
        return True
    if tok.is_lower and tok.is_alpha and tok.text not in NAME_PARTICLES:
        return tok.pos_ in LOOSE_POS or tok.pos_ in ("ADJ", "NOUN")
    opens = tok.is_sent_start or (i > 0 and (doc[i - 1].is_quote or "\n" in doc[i - 1].text))
    common = tok.tag_ in ("NN", "NNS", "VBG", "VB")
    return opens and common and i + 1 < len(doc) and doc[i + 1].is_lower


def trim(doc: Doc, start: int, end: int, label: str) -> tuple[int, int]:
    """Drop words around a name that are not part of it: determiners, punctuation,
    possessives, and for names a trailing common noun ("Belt and Road initiative")."""
    while start < end and is_loose_lead(doc, start):
        start += 1
    while end > start and (
        (end > start + 1 and trailing_score(doc, end, label))
        or doc[end - 1].is_punct
        or doc[end - 1].is_space
        or doc[end - 1].text in POSSESSIVES
        or (
            label in TRIMMED_LABELS
            and doc[end - 1].is_lower
            and doc[end - 1].is_alpha
            and not (end - 2 > start and doc[end - 2].text in HYPHENS)
        )
    ):
        end -= 1
    return start, end


def is_score(text: str) -> bool:
    """Whether a word is a bare number or a score ("3", "2-1", "429-7")."""
    return bool(SCORE_RE.fullmatch(text))


def trailing_score(doc: Doc, end: int, label: str) -> bool:
    """Whether the last word of a span is a score or count after the name, not part of it: a
    person or place name never ends in a number ("Norwich 2-1"), nor does any name followed by
    a line break, a bracket or another score ("Leeds 3\n"), and no name ends in a result ("5-1");
    "Channel 4 said" keeps its number."""
    if not is_score(doc[end - 1].text):
        return False
    if label in ("PERSON", "GPE", "LOC", "FAC", "NORP") or "-" in doc[end - 1].text:
        return True
    after = doc[end] if end < len(doc) else None
    return after is None or after.is_space or after.text == "(" or is_score(after.text)


def pieces(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Split a span at brackets, spaced dashes and line breaks, which never occur inside one
    name, at a score between two names ("Leeds 3 Hull 1") and at the hyphen of two places
    the model read as one name ("Kazakhstan-China talks")."""
    found = []
    begin = start
    for i in range(start, end):
        tok = doc[i]
        spaced_dash = tok.text in DASHES and i > 0 and bool(doc[i - 1].whitespace_)
        between = is_score(tok.text) and i + 1 < end and doc[i + 1].text[:1].isupper()
        if (
            tok.text in "()[]"
            or spaced_dash
            or tok.is_space
            or between
            or joins_places(doc, i, end)
        ):
            if i > begin:
                found.append((begin, i))
            begin = i + 1
    if end > begin:
        found.append((begin, end))
    return found


def joins_hyphen(doc: Doc, left: int, label: str) -> bool:
    """Whether token `left` continues into a hyphenated name part ("Jong" + "-un"); two place
    names joined by a hyphen ("Kazakhstan-China talks") are a pair of places, not one name,
    unless the whole is a place's name ("Guinea-Bissau")."""
    if left + 2 >= len(doc) or doc[left].whitespace_ or doc[left + 1].text not in HYPHENS:
        return False
    if doc[left + 1].whitespace_:
        return False
    part = doc[left + 2]
    if is_place_pair(doc[left].text, part.text, doc[left : left + 3].text):
        return False
    if not part.is_alpha or part.lower_ in HYPHEN_SUFFIX_STOP:
        return False
    if part.is_title:
        return True
    return label == "PERSON" and part.is_lower and len(part) <= 3 and doc[left].is_title


def joins_places(doc: Doc, i: int, end: int) -> bool:
    """Whether token `i`, inside a span ending at `end`, is an unspaced hyphen between two
    places ("Russia-Ukraine")."""
    tok = doc[i]
    if tok.text not in HYPHENS or i == 0 or i + 1 >= end:
        return False
    if doc[i - 1].whitespace_ or tok.whitespace_:
        return False
    return is_place_pair(doc[i - 1].text, doc[i + 1].text, doc[i - 1 : i + 2].text)


def is_place_pair(left: str, right: str, whole: str) -> bool:
    """Whether a hyphenated word joins two places ("Russia-Ukraine") rather than naming one."""
    gaz = gazetteer()
    both = gaz.lookup(left) is not None and gaz.lookup(right) is not None
    return both and gaz.lookup(whole) is None


def extend_hyphens(doc: Doc, start: int, end: int, label: str) -> tuple[int, int]:
    """Grow a name span over hyphenated parts the model cut off, on either side."""
    if label not in NAME_LABELS:
        return start, end
    while end > start and joins_hyphen(doc, end - 1, label):
        end += 2
    while start >= 2 and doc[start - 2].is_title and joins_hyphen(doc, start - 2, label):
        start -= 2
    return start, end


def title_run(doc: Doc, start: int, end: int) -> int:
    """End of the run of title words ("Foreign Minister") starting at `start`, within `end`."""
    i = start
    while i < end and doc[i].lower_ in TITLE_WORDS:
        i += 1
    return i


def title_before(doc: Doc, start: int) -> tuple[int, str | None]:
    """The title words written right before token `start`, as (first index, text)."""
    i = start
    while i > 0 and doc[i - 1].lower_ in TITLE_WORDS and doc[i - 1].text[:1].isupper():
        i -= 1
    return (i, doc[i:start].text) if i < start else (start, None)


def repair(doc: Doc, start: int, end: int, label: str) -> list[Candidate]:
    """Cleaned candidates for a raw span: split, trimmed, hyphen-joined, title split off."""
    found = []
    for begin, stop in pieces(doc, start, end):
        begin, stop = trim(doc, begin, stop, label)
        begin, stop = extend_hyphens(doc, begin, stop, label)
        title = None
        if label == "PERSON":
            cut = title_run(doc, begin, stop)
            if cut < stop:
                title = doc[begin:cut].text if cut > begin else None
                begin = cut
            begin, stop = trim(doc, begin, stop, label)
        if begin < stop and any(c.isalpha() for c in doc[begin:stop].text):
            found.append(Candidate(begin, stop, label, title=title))
    return found


def surnames(text: str) -> list[str]:
    """The forms by which a multi-word personal name is shortened in a report.

    The last word ("Janet Yellen" -> "Yellen"); a surname with particles, with and without the
    word before them ("Ximena López de la Garza" -> "de la Garza", "López de la Garza"); and
    the family name written first in names whose given name is hyphenated in lower case
    ("Moon Jae-in" -> "Moon").
    """
    words = text.split()
    if len(words) < 2:
        return []
    found = []
    last = words[-1]
    if len(last) > 2 and last[:1].isupper() and last.lower() not in TITLE_WORDS:
        found.append(last)
    particle = next((k for k, w in enumerate(words) if k and w in NAME_PARTICLES), None)
    if particle is not None and particle < len(words) - 1:
        found.append(" ".join(words[particle:]))
        if particle >= 2:
            found.append(" ".join(words[particle - 1 :]))
    given = last.split("-")
    if len(given) == 2 and given[1][:1].islower() and words[0][:1].isupper():
        found.append(words[0])
    return found
