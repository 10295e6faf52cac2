"""One type for every occurrence of the same name, by the votes of its evidence."""

from __future__ import annotations

from collections import Counter, defaultdict

from spacy.tokens import Doc

from orchestration.extract.geo import normalise
from orchestration.extract.spans import Candidate, surnames


def votable(cand: Candidate) -> bool:
    """Whether a candidate's type is open to the vote: not a linked place or nationality."""
    model_norp = cand.source == "model" and not cand.country
    return not cand.place and (cand.label != "NORP" or model_norp)


def vote_labels(
    doc: Doc, cands: list[Candidate], short_form_votes: int, org_head_votes: int
) -> None:
    """Give every occurrence of the same surface form the type most of its evidence supports.

    Each candidate votes for its type with its own votes; a short form of a person's name adds
    `short_form_votes` for PERSON, the first words of an organisation's name `org_head_votes`
    for ORG ("Hanseong" after "Hanseong Semiconductor Co."); a tie goes to the type a rule gave.
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
                votes[normalise(text)]["PERSON"] += short_form_votes
            if text in heads and cand.label == "PERSON":
                votes[normalise(text)]["ORG"] += org_head_votes
    for cand in cands:
        key = normalise(cand.text(doc))
        tally = votes.get(key)
        if tally and votable(cand):
            cand.label = max(tally, key=lambda label: (tally[label], label in ruled[key]))
