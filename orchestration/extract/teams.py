"""Sports sides named after their home place.

In match reports, results and league tables a city or county name stands for its club
("Leeds beat Hull", "Leeds 3 Hull 1", "Leeds 4 3 0 1 5 3", "played for Leeds"): the name is
an organisation there, and wherever else the article uses it for the side. A country's name
stands for its national side and stays a place; a person's full name stays a person's.
"""

from __future__ import annotations

import itertools

from spacy.attrs import POS
from spacy.symbols import PROPN
from spacy.tokens import Doc, Token

from orchestration.extract.datafiles import words_by_kind
from orchestration.extract.geo import gazetteer
from orchestration.extract.lemmas import lemma
from orchestration.extract.records import token_texts
from orchestration.extract.spans import NUMERIC_LABELS, Candidate, is_score

RESULT_WORDS = words_by_kind("result_verbs.txt")
RESULT_VERBS = RESULT_WORDS["verb"]
VERSUS = RESULT_WORDS["versus"]
CLUB_VERBS = RESULT_WORDS["club"]
# Labels a side's name may carry before it is known to be a side.
SIDE_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT"})
# Prepositions that make a place name the venue of a match, not a side ("at Leeds").
VENUE_WORDS = frozenset({"at", "in", "near"})
# Most words between one side's score and the next side's name in a result ("Leeds 3 Hull 1",
# "Kent 22 points , Essex 4").
MAX_RESULT_GAP = 4


def line_of(doc: Doc) -> list[int]:
    """The line number of each token: how many line breaks come before it."""
    lines, line = [], 0
    for text in token_texts(doc):
        lines.append(line)
        line += text.count("\n")
    return lines


def untagged_name(doc: Doc, end: int, owner: dict[int, Candidate], lines: list[int]) -> int:
    """Start of a run of up to four capitalised words ending before token `end` that no
    candidate covers, on one line (`end` itself when there is none, or when an initial opens
    the run, making it a person's name: "W. Athey 111")."""
    start = end
    while (
        start > 0
        and end - start < 4
        and start - 1 not in owner
        and lines[start - 1] == lines[end - 1]
        and is_name_word(doc[start - 1])
        and doc[start - 1].ent_type_ not in NUMERIC_LABELS
    ):
        start -= 1
    if start > 0 and is_initial(doc[start - 1].text):
        return end
    return start


def is_name_word(tok: Token) -> bool:
    """Whether a word may be part of a side's name: capitalised and not a function word, and
    a proper noun when written in capitals (a headline's "LAUNCH" is not one). The tagger's
    guess is not asked of a capitalised word before a score, which it often takes for a
    common noun ("Wycombe 0")."""
    if not (tok.is_alpha and tok.text[:1].isupper()) or tok.is_stop:
        return False
    return tok.pos_ == "PROPN" or not tok.is_upper


def is_initial(text: str) -> bool:
    """Whether a word is a person's initial ("W."), which opens a personal name."""
    return len(text) == 2 and text[0].isupper() and text[1] == "."


def scored_names(
    doc: Doc, owner: dict[int, Candidate], lines: list[int]
) -> list[tuple[Candidate, bool]]:
    """Names followed by a score in a result or table line: two such names in a row ("Leeds 3
    Hull 1") or anywhere on a line of scores (see `tabular_lines`: "Kent 238 and 133-5 , Essex
    471"), or a name opening a line followed by two numbers ("Leeds 4 3 0 1 5 3").

    Names no candidate covers are returned as new ORG candidates. Each name comes with
    whether its line has the shape of a result or table row ("Leeds 3 Hull 1", "Leeds 4 3 0"),
    where even a name the model took for a person's is a side ("Werder Bremen 1").
    """
    pairs: dict[int, list[tuple[Candidate, int]]] = {}
    texts = token_texts(doc)
    for i in range(1, len(doc)):
        if not is_score(texts[i]) or doc[i - 1].is_punct:
            continue
        cand = owner.get(i - 1)
        took_score = cand is not None and cand is owner.get(i)  # the model's "Kent 259"
        if cand is None or (cand.end != i and not took_score):
            start = untagged_name(doc, i, owner, lines)
            if start == i:
                continue
            cand = Candidate(start, i, "ORG", source="rule")
        pairs.setdefault(lines[i], []).append((cand, i))
    found: dict[int, tuple[Candidate, bool]] = {}
    tables = tabular_lines(doc, lines)
    for line, named in pairs.items():
        if line in tables and len(named) >= 2:
            found.update({id(c): (c, False) for c, _ in named})
        first, score = named[0]
        opens = first.start == 0 or lines[first.start - 1] != line
        after = doc[score + 1] if score + 1 < len(doc) else None
        if opens and after is not None and lines[after.i] == line and is_score(after.text):
            found[id(first)] = (first, True)
        for (left, left_score), (right, _) in itertools.pairwise(named):
            if right.start - left_score <= MAX_RESULT_GAP:
                found.update({id(left): (left, True), id(right): (right, True)})
    scores = {id(c): i for line in pairs.values() for c, i in line}
    for cand, _ in found.values():
        cand.end = min(cand.end, scores[id(cand)])
    return list(found.values())


def tabular_lines(doc: Doc, lines: list[int]) -> set[int]:
    """The lines written as results or tables rather than prose: more numbers than lower-case
    words."""
    counts: dict[int, list[int]] = {}
    for line, text in zip(lines, token_texts(doc), strict=True):
        tally = counts.setdefault(line, [0, 0])
        if text.islower() and text.isalpha():  # Token.is_lower and Token.is_alpha
            tally[0] += 1
        elif is_score(text):
            tally[1] += 1
    return {line for line, (lower, numbers) in counts.items() if numbers > lower}


def side_of(tok: Token) -> bool:
    """Whether a word is a side in a result: the subject or object of "beat", the object of
    "drew with" or "lost to", the word after "v", or the club of "played for"."""
    if tok.ent_type_ in NUMERIC_LABELS:
        return False
    if tok.i > 0 and tok.doc[tok.i - 1].text in VERSUS:
        return True
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "for" and head.head.pos_ == "VERB":
        return lemma(head.head).lower() in CLUB_VERBS
    if tok.dep_ == "pobj" and head.lower_ in ("with", "to"):
        head = head.head
    elif tok.dep_ not in ("nsubj", "dobj", "npadvmod"):
        return False
    return head.pos_ == "VERB" and lemma(head).lower() in RESULT_VERBS


def unnamed_sides(doc: Doc, owner: dict[int, Candidate]) -> list[Candidate]:
    """Place names no candidate covers that are sides of a result verb ("Rotherham beat
    Doncaster"), as new ORG candidates; other untagged words there may be players' names."""
    gaz = gazetteer()
    found = []
    proper = doc.to_array(POS) == PROPN
    for i in proper.nonzero()[0].tolist():
        tok = doc[i]
        if i in owner or not is_name_word(tok) or tok.is_upper:
            continue
        start = tok.i
        while start > 0 and start - 1 not in owner and is_name_word(doc[start - 1]):
            start -= 1
        text = doc[start : tok.i + 1].text
        if side_of(tok) and gaz.is_place_name(text) and not gaz.country(text):
            found.append(Candidate(start, tok.i + 1, "ORG", source="rule"))
    return found


def is_side(doc: Doc, cand: Candidate, row: bool = False) -> bool:
    """Whether a named side can be a club: not a country, nor a person's full name unless it
    stands in a result or table row (`row`)."""
    text = cand.text(doc)
    gaz = gazetteer()
    if (cand.place and cand.place.kind == "country") or gaz.country(text):
        return False
    if is_initial(doc[cand.start].text):
        return False
    if cand.label == "PERSON" and not row:
        named_before = cand.start > 0 and doc[cand.start - 1].is_title  # "Jansher Khan"
        return cand.end - cand.start == 1 and not named_before and gaz.is_place_name(text)
    return cand.label in SIDE_LABELS or cand.source == "rule" or row


def type_sides(doc: Doc, cands: list[Candidate], votes: int) -> list[Candidate]:
    """Type the clubs named after places as organisations, with `votes` for ORG, and every
    other mention of the same name that is not a venue ("at Leeds")."""
    owner = {i: c for c in cands for i in range(c.start, c.end)}
    lines = line_of(doc)
    sides = scored_names(doc, owner, lines)
    scored = {id(c) for c, _ in sides}
    sides += [
        (c, False) for c in cands if id(c) not in scored and side_of(doc[c.start : c.end].root)
    ]
    sides += [(c, False) for c in unnamed_sides(doc, owner)]
    names: dict[str, bool] = {}
    added = []
    for cand, row in sides:
        if is_initial(doc[cand.start].text) and cand.end - cand.start > 1:
            cand.label = "PERSON"  # "A. Dale 69": a batsman's score, not a side's
        if not is_side(doc, cand, row):
            continue
        text = cand.text(doc)
        names[text] = names.get(text, False) or row
        if cand.source == "rule" and cand.start not in owner:
            added.append(cand)
    for cand in cands + added:
        text = cand.text(doc)
        venue = cand.start > 0 and doc[cand.start - 1].lower_ in VENUE_WORDS
        if text in names and not venue and is_side(doc, cand, names[text]):
            cand.label, cand.votes, cand.source, cand.place = "ORG", votes, "rule", None
    return sorted(cands + added, key=lambda c: c.start)
