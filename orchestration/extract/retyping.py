"""Type entity candidates by their context and link the place names among them."""

from __future__ import annotations

from collections import Counter, defaultdict

from spacy.tokens import Doc, Token

from orchestration.extract.geo import MAJOR_CITY, Place, gazetteer, normalise
from orchestration.extract.lemmas import lemma
from orchestration.extract.lexicon import HYPHENS, NOT_NAME_WORDS, ORG_HEAD_NOUNS, TITLE_WORDS
from orchestration.extract.spans import (
    NAME_LABELS,
    Candidate,
    extend_hyphens,
    surnames,
)

NUMERIC_LABELS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})


def link_places(doc: Doc, cands: list[Candidate]) -> None:
    """Link place-like candidates to the gazetteer; countries named by an ORG tag become GPE.

    The countries the other place names of the article point to are the context that
    settles an ambiguous one ("Korea", "Georgia", "Paris"); a small town abroad that shares a
    name with a local place is not linked. A one-word "person" that is a country or a large
    city, and no one's surname, is that place ("urged Abuja to press ahead").
    """
    gaz = gazetteer()
    people = {c.text(doc) for c in cands if c.label == "PERSON" and c.end - c.start > 1}
    short = {form for name in people for form in surnames(name)}
    todo = [
        c for c in cands if c.place is None and c.source != "demonym" and linkable(doc, c, short)
    ]
    pending = {id(c) for c in todo}
    first: dict[str, set[str]] = {}
    for cand in cands:
        text = cand.text(doc)
        place = cand.place or (gaz.lookup(text) if id(cand) in pending else None)
        ambiguous = len(gaz.country_keys.get(normalise(text), ())) > 1
        if place and place.country and not ambiguous:
            first.setdefault(text, set()).add(place.country)
    for cand in todo:
        text = cand.text(doc)
        context = frozenset(c for other, codes in first.items() if other != text for c in codes)
        strict = cand.label in ("ORG", "NORP")
        place = gaz.country(text, context) if strict else gaz.lookup(text, context)
        if place and place.kind == "city" and not fits_city(cand, place, text, context):
            place = None
        if place:
            cand.place = place
            cand.label = place.type


def fits_city(cand: Candidate, place: Place, text: str, context: frozenset[str]) -> bool:
    """Whether a city link is safe: not for a name written as a region's, only a large city
    under its own name for a "person", and only a large city abroad when the article's
    places lie elsewhere."""
    large = place.population >= MAJOR_CITY
    if cand.region:
        return False
    if cand.label == "PERSON":
        return large and normalise(place.name) == normalise(text)
    return large or not context or place.country in context


def linkable(doc: Doc, cand: Candidate, short: set[str]) -> bool:
    """Whether a candidate may name a place: any non-person, or a lone word no one bears as
    a surname."""
    if cand.label != "PERSON":
        return True
    return cand.end - cand.start == 1 and cand.text(doc) not in short


def retype_by_context(doc: Doc, cands: list[Candidate]) -> None:
    """Type names by their context: "X press service" is an ORG; lists share one type, a
    linked place in the list counting twice."""
    for cand in cands:
        if cand.place or cand.label == "NORP":
            continue
        root = doc[cand.start : cand.end].root
        head = root.head
        near = 0 <= head.i - cand.end < 3
        if root.dep_ == "compound" and near and lemma(head).lower() in ORG_HEAD_NOUNS:
            cand.label, cand.votes, cand.source = "ORG", 3, "rule"
    for cand in cands:
        if cand.label not in ("PERSON", "NORP") and not cand.place and after_title(doc, cand):
            cand.label, cand.votes, cand.source = "PERSON", 3, "rule"
    for members in conj_groups(doc, cands).values():
        labels: Counter[str] = Counter()
        for cand in members:
            if cand.label in NAME_LABELS:
                labels[cand.label] += 2 if cand.place else 1
        if len(members) < 3 or not labels:
            continue
        (top, count), *rest = labels.most_common()
        if rest and rest[0][1] == count:
            continue
        for cand in members:
            open_label = cand.label in NAME_LABELS or votable(cand)
            if cand.label != top and open_label and not cand.place:
                cand.label, cand.votes, cand.source = top, 2, "rule"


def conj_groups(doc: Doc, cands: list[Candidate]) -> dict[int, list[Candidate]]:
    """Candidates grouped by the first conjunct of the coordination they belong to."""
    groups: dict[int, list[Candidate]] = defaultdict(list)
    for cand in cands:
        root = doc[cand.start : cand.end].root
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head
        groups[root.i].append(cand)
    return groups


def complete_lists(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """Add the proper nouns of a coordinated list the model skipped ("Gazprom, Rosneft and
    CNPC"), typed like the names it did recognise."""
    owner = {i for c in cands for i in range(c.start, c.end)}
    added = []
    for root_i, members in conj_groups(doc, cands).items():
        labels = Counter(c.label for c in members if c.label in NAME_LABELS)
        if not labels or labels.most_common(1)[0][1] < 2:
            continue
        label = labels.most_common(1)[0][0]
        root = doc[root_i]
        for tok in (root, *root.conjuncts):
            if tok.i in owner or tok.pos_ != "PROPN" or not tok.text[:1].isupper():
                continue
            start = tok.i
            while start > 0 and start - 1 not in owner and is_name_part(doc[start - 1], tok.i):
                start -= 1
            added.append(Candidate(start, tok.i + 1, label, source="rule"))
    return cands + added


def is_name_part(tok: Token, head: int) -> bool:
    """Whether a token is a proper-noun part of the name headed by token `head`."""
    return tok.pos_ == "PROPN" and tok.dep_ == "compound" and tok.head.i == head


def titled_names(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """Names the model missed after a title: "President Putin", "the Prime Minister of Japan
    Fumio Kishida" (a capitalised title, optionally "of" a place, then proper nouns)."""
    owner = {i: c for c in cands for i in range(c.start, c.end)}
    added = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        if tok.lower_ not in TITLE_WORDS or not tok.text[:1].isupper() or i in owner:
            i += 1
            continue
        j = i
        while j < len(doc) and doc[j].lower_ in TITLE_WORDS and j not in owner:
            j += 1
        if j + 1 < len(doc) and doc[j].lower_ == "of" and (place := owner.get(j + 1)):
            j = place.end if place.place else j
        end = j
        while (
            end < len(doc)
            and end - j < 4
            and end not in owner
            and doc[end].pos_ == "PROPN"
            and doc[end].is_title
            and doc[end].ent_type_ not in NUMERIC_LABELS
        ):
            end += 1
        named_next = (other := owner.get(end)) is not None and other.label == "PERSON"
        if end > j and not named_next and not names_a_place(doc, j, end):
            start, stop = extend_hyphens(doc, j, end, "PERSON")
            added.append(Candidate(start, stop, "PERSON", 2, source="rule"))
        i = max(end, i + 1)
    return cands + added


def after_title(doc: Doc, cand: Candidate) -> bool:
    """Whether a short proper name follows a capitalised title ("Chancellor Olaf Scholz")."""
    before = doc[cand.start - 1] if cand.start else None
    if before is None or before.lower_ not in TITLE_WORDS or not before.text[:1].isupper():
        return False
    words = doc[cand.start : cand.end]
    proper = all(t.pos_ == "PROPN" or t.text in HYPHENS for t in words)
    return len(words) <= 4 and proper and not names_a_place(doc, cand.start, cand.end)


def names_a_place(doc: Doc, start: int, end: int) -> bool:
    """Whether a run of words ends like a building, street or institution ("King Street")."""
    return doc[end - 1].lower_ in NOT_NAME_WORDS


def votable(cand: Candidate) -> bool:
    """Whether a candidate's type is open to the vote: not a linked place or nationality."""
    model_norp = cand.source == "model" and not cand.country
    return not cand.place and (cand.label != "NORP" or model_norp)


def vote_labels(doc: Doc, cands: list[Candidate]) -> None:
    """Give every occurrence of the same surface form the type most of its evidence supports.

    A short form of a person's name counts for PERSON, the first words of an organisation's
    name for ORG ("Hanseong" after "Hanseong Semiconductor Co."); a tie goes to the type a
    rule gave.
    """
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    ruled: dict[str, set[str]] = defaultdict(set)
    texts = {label: {c.text(doc) for c in cands if c.label == label} for label in ("PERSON", "ORG")}
    short = {form for name in texts["PERSON"] for form in surnames(name)}
    heads = {
        " ".join(words[:k])
        for name in texts["ORG"]
        if len(words := name.split()) > 1
        for k in range(1, len(words))
    }
    for cand in cands:
        if votable(cand):
            text = cand.text(doc)
            votes[normalise(text)][cand.label] += cand.votes
            if cand.source == "rule":
                ruled[normalise(text)].add(cand.label)
            if text in short:
                votes[normalise(text)]["PERSON"] += 2
            if text in heads and cand.label == "PERSON":
                votes[normalise(text)]["ORG"] += 2
    for cand in cands:
        key = normalise(cand.text(doc))
        tally = votes.get(key)
        if tally and votable(cand):
            cand.label = max(tally, key=lambda label: (tally[label], label in ruled[key]))
