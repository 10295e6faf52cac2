"""Type entity candidates by their context, and add the names of lists and titles the model
missed."""

from __future__ import annotations

from collections import Counter, defaultdict

from spacy.tokens import Doc, Token

from orchestration.extract.datafiles import read_words
from orchestration.extract.lemmas import lemma
from orchestration.extract.lexicon import HYPHENS, NOT_NAME_WORDS, ORG_HEAD_NOUNS, TITLE_WORDS
from orchestration.extract.spans import NAME_LABELS, NUMERIC_LABELS, Candidate, extend_hyphens
from orchestration.extract.voting import votable

MEMBER_NOUNS = read_words("member_nouns.txt")


def retype_by_context(
    doc: Doc,
    cands: list[Candidate],
    *,
    head_window: int,
    max_titled_words: int,
    min_list: int,
    rule_votes: int,
    list_votes: int,
) -> None:
    """Type names by their context: "X press service" (an organisation noun less than
    `head_window` words after the name) and "Zastava workers" (a noun for the people of an
    organisation right after the name) are ORGs, a name of up to `max_titled_words` after a
    title a PERSON (`rule_votes` each); lists of `min_list` or more share one type, a linked
    place in the list counting twice (`list_votes`)."""
    for cand in cands:
        if cand.place or (cand.label == "NORP" and cand.country):
            continue
        root = doc[cand.start : cand.end].root
        head = root.head
        near = 0 <= head.i - cand.end < head_window
        headed = root.dep_ == "compound" and near and lemma(head).lower() in ORG_HEAD_NOUNS
        members = cand.end < len(doc) and doc[cand.end].lower_ in MEMBER_NOUNS
        if headed or members:
            cand.label, cand.votes, cand.source = "ORG", rule_votes, "rule"
    for cand in cands:
        titled = after_title(doc, cand, max_titled_words)
        if cand.label not in ("PERSON", "NORP") and not cand.place and titled:
            cand.label, cand.votes, cand.source = "PERSON", rule_votes, "rule"
    for members in conj_groups(doc, cands).values():
        labels: Counter[str] = Counter()
        for cand in members:
            if cand.label in NAME_LABELS:
                labels[cand.label] += 2 if cand.place else 1
        if len(members) < min_list or not labels:
            continue
        (top, count), *rest = labels.most_common()
        if rest and rest[0][1] == count:
            continue
        for cand in members:
            open_label = cand.label in NAME_LABELS or votable(cand)
            if cand.label != top and open_label and not cand.place:
                cand.label, cand.votes, cand.source = top, list_votes, "rule"


def conj_groups(doc: Doc, cands: list[Candidate]) -> dict[int, list[Candidate]]:
    """Candidates grouped by the first conjunct of the coordination they belong to."""
    groups: dict[int, list[Candidate]] = defaultdict(list)
    for cand in cands:
        root = doc[cand.start : cand.end].root
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head
        groups[root.i].append(cand)
    return groups


def complete_lists(doc: Doc, cands: list[Candidate], min_agreeing: int) -> list[Candidate]:
    """Add the proper nouns of a coordinated list the model skipped ("Gazprom, Rosneft and
    CNPC"), typed like the names it did recognise when `min_agreeing` of them share a type."""
    owner = {i for c in cands for i in range(c.start, c.end)}
    added = []
    for root_i, members in conj_groups(doc, cands).items():
        labels = Counter(c.label for c in members if c.label in NAME_LABELS)
        if not labels or labels.most_common(1)[0][1] < min_agreeing:
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


def titled_names(doc: Doc, cands: list[Candidate], max_words: int, votes: int) -> list[Candidate]:
    """Names the model missed after a title: "President Putin", "the Prime Minister of Japan
    Fumio Kishida" (a capitalised title, optionally "of" a place, then up to `max_words` proper
    nouns), with `votes` for PERSON; all candidates are returned in text order."""
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
            and end - j < max_words
            and end not in owner
            and doc[end].pos_ == "PROPN"
            and doc[end].is_title
            and doc[end].ent_type_ not in NUMERIC_LABELS
        ):
            end += 1
        named_next = (other := owner.get(end)) is not None and other.label == "PERSON"
        if end > j and not named_next and not names_a_place(doc, j, end):
            start, stop = extend_hyphens(doc, j, end, "PERSON")
            added.append(Candidate(start, stop, "PERSON", votes, source="rule"))
        i = max(end, i + 1)
    return sorted(cands + added, key=lambda c: c.start)


def after_title(doc: Doc, cand: Candidate, max_words: int) -> bool:
    """Whether a proper name of up to `max_words` follows a capitalised title ("Chancellor Olaf
    Scholz")."""
    before = doc[cand.start - 1] if cand.start else None
    if before is None or before.lower_ not in TITLE_WORDS or not before.text[:1].isupper():
        return False
    words = doc[cand.start : cand.end]
    proper = all(t.pos_ == "PROPN" or t.text in HYPHENS for t in words)
    return len(words) <= max_words and proper and not names_a_place(doc, cand.start, cand.end)


def names_a_place(doc: Doc, start: int, end: int) -> bool:
    """Whether a run of words ends like a building, street or institution ("King Street")."""
    return doc[end - 1].lower_ in NOT_NAME_WORDS
