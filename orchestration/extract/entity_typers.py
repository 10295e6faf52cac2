"""Pipeline components that choose among, type and link the entity candidates in
`doc._.entity_candidates`.

Each wraps one pass; its settings come from the pipeline's configuration (see `pipeline`),
not from constants here.
"""

from __future__ import annotations

import functools

from spacy.language import Language

from orchestration.extract.candidate_pass import CANDIDATES, CandidatePass, in_place
from orchestration.extract.candidates import select
from orchestration.extract.cues import retype_by_cues
from orchestration.extract.filters import drop_shouted
from orchestration.extract.place_links import link_places
from orchestration.extract.retyping import retype_by_context
from orchestration.extract.teams import type_sides
from orchestration.extract.voting import vote_labels

PARSE = ["token.pos", "token.tag", "token.dep"]


@Language.factory("newsledger_select", assigns=[CANDIDATES], requires=[CANDIDATES])
def make_select(nlp: Language, name: str, source_priority: dict[str, int]) -> CandidatePass:
    """Keep the longest candidates that do not overlap, the best-sourced among equals."""
    return CandidatePass(lambda doc, cands: select(cands, source_priority))


@Language.factory("newsledger_drop_shouted", assigns=[CANDIDATES], requires=[CANDIDATES])
def make_drop_shouted(nlp: Language, name: str, min_words: int) -> CandidatePass:
    """Drop candidates on lines written in capitals, but for datelines and known places."""
    return CandidatePass(lambda doc, cands: drop_shouted(doc, cands, min_words))


@Language.factory("newsledger_link_places", assigns=[CANDIDATES], requires=[CANDIDATES])
def make_link_places(nlp: Language, name: str) -> CandidatePass:
    """Link place-like candidates to the gazetteer; a linked place takes the place's type."""
    return CandidatePass(in_place(link_places))


@Language.factory(
    "newsledger_retype_by_cues",
    assigns=[CANDIDATES],
    requires=[CANDIDATES, "doc._.lemmatizer", *PARSE],
)
def make_retype_by_cues(nlp: Language, name: str, max_apposition: int, votes: int) -> CandidatePass:
    """Type names by descriptors, appositions, acronyms and place or facility nouns."""
    change = functools.partial(retype_by_cues, max_apposition=max_apposition, votes=votes)
    return CandidatePass(in_place(change))


@Language.factory(
    "newsledger_retype_by_context",
    assigns=[CANDIDATES],
    requires=[CANDIDATES, "doc._.lemmatizer", *PARSE],
)
def make_retype_by_context(
    nlp: Language,
    name: str,
    head_window: int,
    max_titled_words: int,
    min_list: int,
    rule_votes: int,
    list_votes: int,
) -> CandidatePass:
    """Type names by an organisation noun after them, a title before them, and their list."""
    change = functools.partial(
        retype_by_context,
        head_window=head_window,
        max_titled_words=max_titled_words,
        min_list=min_list,
        rule_votes=rule_votes,
        list_votes=list_votes,
    )
    return CandidatePass(in_place(change))


@Language.factory(
    "newsledger_type_sides", assigns=[CANDIDATES], requires=[CANDIDATES, "doc._.lemmatizer", *PARSE]
)
def make_type_sides(nlp: Language, name: str, votes: int) -> CandidatePass:
    """Type sports clubs named after places as organisations (see `teams`)."""
    return CandidatePass(lambda doc, cands: type_sides(doc, cands, votes))


@Language.factory("newsledger_vote_labels", assigns=[CANDIDATES], requires=[CANDIDATES])
def make_vote_labels(
    nlp: Language, name: str, short_form_votes: int, org_head_votes: int
) -> CandidatePass:
    """Give every occurrence of one name the type most of its evidence supports."""
    change = functools.partial(
        vote_labels, short_form_votes=short_form_votes, org_head_votes=org_head_votes
    )
    return CandidatePass(in_place(change))
