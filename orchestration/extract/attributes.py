"""Titles and countries of person and organisation mentions, read from their context."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from orchestration.extract.dateline import Dateline
from orchestration.extract.geo import gazetteer
from orchestration.extract.lexicon import ORG_HEAD_NOUNS, POSSESSIVES, ROLE_NOUNS, TITLE_WORDS
from orchestration.extract.records import sentence_of
from orchestration.extract.spans import Candidate, title_before, title_run


def context_country(
    doc: Doc, cand: Candidate, owner: dict[int, Candidate], max_words: int
) -> str | None:
    """Country named next to a person or organisation by a title phrase or nationality, read
    over at most `max_words` words on either side.

    Reads a nationality right before the name ("Queenslander Daniel Herbert"),
    "Prime Minister of Japan Fumio Kishida", "of Vietnam General Vo Nguyen Giap",
    "Germany's Chancellor Scholz", "U.S. Treasury Secretary Yellen", "Saudi Energy Minister
    X" (a capitalised portfolio inside the title), "the President of Kyrgyzstan, Sadyr
    Zhaparov" and ", the president of France,".
    """
    before = owner.get(cand.start - 1) if cand.start else None
    if before is not None and before.label == "NORP" and before.end == cand.start:
        return before.nation()  # "Queenslander Daniel Herbert", "Kyrgyz Sadyr Zhaparov"
    found, saw_title = None, False
    for step in (-1, 1):
        i = cand.start - 1 if step < 0 else cand.end
        comma = 0 <= i < len(doc) and doc[i].text == ","
        if step > 0 and not comma:
            break
        i += step if comma else 0  # "the President of Kyrgyzstan, Sadyr Zhaparov"
        for _ in range(max_words):
            if not 0 <= i < len(doc):
                break
            other = owner.get(i)
            if other is not None:
                if other.label == "ORG" and not found:
                    i = (other.start - 1) if step < 0 else other.end
                    continue
                if found or other.label not in ("GPE", "NORP") or not other.nation():
                    break
                found = other.nation()
                i = (other.start - 1) if step < 0 else other.end
                continue
            word = doc[i].lower_
            portfolio = step < 0 and saw_title and not found and doc[i].is_title
            if word in TITLE_WORDS or word in ROLE_NOUNS:
                saw_title = True
            elif word not in ("of", "the") and doc[i].text not in POSSESSIVES and not portfolio:
                break
            i += step
        if found and saw_title:
            return found
        found, saw_title = None, False
    return None


def org_country(
    doc: Doc, cand: Candidate, owner: dict[int, Candidate], descriptor_words: int
) -> str | None:
    """Country an organisation belongs to, from its name or a neighbouring place word
    ("France's Total", "Singapore's state investor GIC", over up to `descriptor_words`)."""
    gaz = gazetteer()
    for tok in doc[cand.start : cand.end]:
        code = gaz.demonym(tok.text)
        place = gaz.country(tok.text) if tok.text[:1].isupper() else None
        if code or place:
            return code or place.country
    left = owner.get(possessor(doc, cand.start, descriptor_words))
    if left is not None and left.label in ("GPE", "NORP") and left.nation():
        return left.nation()
    if doc[cand.start : cand.end].root.dep_ in ("compound", "amod", "nmod"):
        return None
    if is_institution(doc, cand):
        return None
    sentence = sentence_of(doc, cand.start)
    described = described_by(doc, cand, owner, descriptor_words)
    if described is not None:
        return described
    nationalities = {
        c.country
        for t in sentence
        if (c := owner.get(t.i)) is not None
        and c.label == "NORP"
        and c.country
        and not describes_person(doc, c, owner)
    }
    return nationalities.pop() if len(nationalities) == 1 else None


def described_by(
    doc: Doc, cand: Candidate, owner: dict[int, Candidate], descriptor_words: int
) -> str | None:
    """Country of a nationality word before a name's descriptors ("the Japanese owner Shoei
    Kisen Kaisha"), over up to `descriptor_words` words."""
    k = cand.start - 1
    while k >= 0 and cand.start - k <= descriptor_words and is_descriptor(doc[k]):
        k -= 1
    norp = owner.get(k) if k < cand.start - 1 else None
    return norp.country if norp is not None and norp.label == "NORP" else None


def possessor(doc: Doc, start: int, descriptor_words: int) -> int:
    """Index of the word that owns the name at `start` through a possessive, over up to
    `descriptor_words` descriptive words ("Singapore's state investor GIC" -> "Singapore");
    else the word right before the name."""
    k = start - 1
    while k >= 0 and start - k <= descriptor_words and is_descriptor(doc[k]):
        k -= 1
    if k >= 0 and doc[k].text in POSSESSIVES:
        return k - 1
    return start - 1


def is_descriptor(tok: Token) -> bool:
    """Whether a word describes the name after it ("state investor" in "Singapore's state
    investor GIC")."""
    return tok.is_lower and tok.pos_ in ("ADJ", "NOUN")


def is_institution(doc: Doc, cand: Candidate) -> bool:
    """Whether a name is an institution's ("Security Council", "EU"), which a nationality
    elsewhere in the sentence says nothing about."""
    words = doc[cand.start : cand.end]
    return words.text.isupper() or any(t.lower_ in ORG_HEAD_NOUNS for t in words)


def describes_person(doc: Doc, norp: Candidate, owner: dict[int, Candidate]) -> bool:
    """Whether a nationality word qualifies a person ("Polish Prime Minister Tusk") or another
    name through its descriptors ("the Japanese owner Shoei Kisen Kaisha")."""
    following = doc[norp.end] if norp.end < len(doc) else None
    head = doc[norp.start : norp.end].root.head
    for tok in (following, head):
        if tok is None:
            continue
        other = owner.get(tok.i)
        if tok.lower_ in TITLE_WORDS or (other is not None and other.label == "PERSON"):
            return True
    k = norp.end
    while k < len(doc) and k - norp.end < 3 and is_descriptor(doc[k]):
        k += 1
    return k > norp.end and k in owner


def annotate(
    doc: Doc,
    cands: list[Candidate],
    dateline: Dateline | None,
    context_words: int,
    descriptor_words: int,
) -> None:
    """Fill in titles and countries of person and organisation mentions (see `context_country`
    and `org_country` for the settings)."""
    owner = {i: c for c in cands for i in range(c.start, c.end)}
    agency = (
        (dateline.agency_start, dateline.agency_end)
        if dateline and dateline.agency_start is not None and not dateline.agency_is_wire
        else None
    )
    home = home_country(dateline)
    wire = (
        (dateline.agency_start, dateline.agency_end)
        if dateline and dateline.agency_start is not None and dateline.agency_is_wire
        else None
    )
    for cand in cands:
        at = doc[cand.start].idx
        if wire and wire[0] <= at < wire[1]:
            continue
        if cand.label == "PERSON":
            first, title = title_of(doc, cand, owner)
            if title and not cand.title:
                cand.title = title
            cand.office_of_org = (
                title is not None and office_of_org(doc, first, owner)
            ) or post_in_org(doc, cand, owner, context_words)
            cand.country = cand.country or context_country(doc, cand, owner, context_words)
        elif cand.label == "ORG" and not cand.country:
            span = doc[cand.start : cand.end]
            inside = agency and agency[0] <= span.start_char and span.end_char <= agency[1]
            cand.country = org_country(doc, cand, owner, descriptor_words) or (
                home if inside else None
            )


def title_of(doc: Doc, cand: Candidate, owner: dict[int, Candidate]) -> tuple[int, str | None]:
    """A person's title from "President X", "the President of France X" or "X, the president"
    as (index of its first word, text)."""
    first, title = title_before(doc, cand.start)
    place = owner.get(cand.start - 1)
    linked = place is not None and place.place is not None and place.start > 1
    if title is None and linked and doc[place.start - 1].lower_ == "of":
        first, title = title_before(doc, place.start - 1)
    if title is None and cand.end + 2 < len(doc) and doc[cand.end].text == ",":
        start = cand.end + 2 if doc[cand.end + 1].lower_ == "the" else cand.end + 1
        stop = title_run(doc, start, len(doc))
        closed = stop == len(doc) or doc[stop].lower_ == "of" or doc[stop].is_punct
        if stop > start and closed:
            return first, doc[start:stop].text
    return first, title


def office_of_org(doc: Doc, first: int, owner: dict[int, Candidate]) -> bool:
    """Whether a title belongs to an organisation ("its President", "EBRD President"): after
    a possessive, an organisation, or an acronym that names no place or nationality (the
    model often leaves "ECB" in "ECB President" untagged)."""
    if first == 0:
        return False
    before = doc[first - 1]
    other = owner.get(before.i)
    if other is None:
        acronym = before.is_alpha and before.is_upper and len(before.text) >= 2
        return before.lower_ in ("its", "their") or acronym
    return other.label == "ORG"


def post_in_org(doc: Doc, cand: Candidate, owner: dict[int, Candidate], max_words: int) -> bool:
    """Whether a person is described as holding a post in an organisation, in an apposition
    before or after the name: "the head of the European Central Bank, Mario Draghi" or "Mario
    Draghi, president of the ECB" (a role and "of" read over up to `max_words` words)."""
    if cand.start >= 2 and doc[cand.start - 1].text == ",":
        org = owner.get(cand.start - 2)
        if org is not None and org.label == "ORG":
            k = org.start - 1
            k -= 1 if k >= 0 and doc[k].lower_ == "the" else 0
            if k >= 1 and doc[k].lower_ == "of" and is_role(doc[k - 1]):
                return True
    if cand.end + 1 < len(doc) and doc[cand.end].text == ",":
        k = cand.end + 1
        saw_role = False
        while k < len(doc) and k - cand.end <= max_words and k not in owner:
            word = doc[k]
            if is_role(word):
                saw_role = True
            elif word.lower_ not in ("of", "the", "a"):
                return False
            k += 1
        org = owner.get(k)
        return (
            saw_role
            and org is not None
            and org.label == "ORG"
            and doc[k - 1].lower_
            in (
                "of",
                "the",
            )
        )
    return False


def is_role(tok: Token) -> bool:
    """Whether a word names a post ("president", "head", "Governor")."""
    return tok.lower_ in TITLE_WORDS or tok.lower_ in ROLE_NOUNS


def home_country(dateline: Dateline | None) -> str | None:
    """Country of the dateline place, the default home of titled people in the report."""
    return dateline.place.country if dateline and dateline.place else None
