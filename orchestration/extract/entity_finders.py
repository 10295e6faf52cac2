"""Pipeline components that add entity candidates to `doc._.entity_candidates`.

Each wraps one finding pass; its settings come from the pipeline's configuration (see
`pipeline`), not from constants here.
"""

from __future__ import annotations

import functools

from spacy.language import Language
from spacy.tokens import Doc

from orchestration.extract.candidate_pass import CANDIDATES, CandidatePass
from orchestration.extract.candidates import (
    country_candidates,
    dateline_candidates,
    demonym_candidates,
    model_candidates,
    propagate,
)
from orchestration.extract.made_names import company_names
from orchestration.extract.names import (
    competitor_names,
    complete_names,
    given_name_names,
    speaker_names,
)
from orchestration.extract.retyping import complete_lists, titled_names
from orchestration.extract.spans import Candidate

PARSE = ["token.pos", "token.tag", "token.dep", "token.is_sent_start"]


@Language.factory(
    "newsledger_model_candidates",
    assigns=[CANDIDATES],
    requires=["doc.ents", *PARSE],
)
def make_model_candidates(nlp: Language, name: str, entity_labels: list[str]) -> CandidatePass:
    """The model's entities of `entity_labels`, repaired; they open the candidate list."""
    labels = frozenset(entity_labels)
    return CandidatePass(lambda doc, _: model_candidates(doc, labels))


@Language.factory(
    "newsledger_dateline_candidates",
    assigns=[CANDIDATES],
    requires=[CANDIDATES, "doc._.dateline"],
)
def make_dateline_candidates(nlp: Language, name: str, votes: int) -> CandidatePass:
    """Add the dateline's place, region and agency."""

    def run(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
        return cands + dateline_candidates(doc, doc._.dateline, votes)

    return CandidatePass(run)


@Language.factory("newsledger_demonym_candidates", assigns=[CANDIDATES], requires=[CANDIDATES])
def make_demonym_candidates(nlp: Language, name: str, votes: int) -> CandidatePass:
    """Add nationality words as NORP mentions."""
    return CandidatePass(lambda doc, cands: cands + demonym_candidates(doc, votes))


@Language.factory(
    "newsledger_country_candidates",
    assigns=[CANDIDATES],
    requires=[CANDIDATES, "token.pos"],
)
def make_country_candidates(
    nlp: Language, name: str, max_words: int, max_shouted_chars: int
) -> CandidatePass:
    """Add country names the model left untagged."""
    find = functools.partial(
        country_candidates, max_words=max_words, max_shouted_chars=max_shouted_chars
    )
    return CandidatePass(lambda doc, cands: cands + find(doc))


@Language.factory(
    "newsledger_speaker_names",
    assigns=[CANDIDATES],
    requires=[CANDIDATES, "doc._.lemmatizer", *PARSE],
)
def make_speaker_names(nlp: Language, name: str, max_words: int, votes: int) -> CandidatePass:
    """Add untagged full names that are the subject of a verb of saying."""
    return CandidatePass(lambda doc, cands: cands + speaker_names(doc, cands, max_words, votes))


@Language.factory(
    "newsledger_given_name_names",
    assigns=[CANDIDATES],
    requires=[CANDIDATES, *PARSE],
)
def make_given_name_names(nlp: Language, name: str, votes: int) -> CandidatePass:
    """Add untagged full names that open with a common given name."""
    find = functools.partial(given_name_names, votes=votes)
    return CandidatePass(lambda doc, cands: cands + find(doc, cands))


@Language.factory(
    "newsledger_competitor_names",
    assigns=[CANDIDATES],
    requires=[CANDIDATES, "token.ent_type", *PARSE],
)
def make_competitor_names(nlp: Language, name: str, max_words: int, votes: int) -> CandidatePass:
    """Add untagged full names followed by a country in brackets (results lists)."""
    find = functools.partial(competitor_names, max_words=max_words, votes=votes)
    return CandidatePass(lambda doc, cands: cands + find(doc, cands))


@Language.factory(
    "newsledger_complete_names",
    assigns=[CANDIDATES],
    requires=[CANDIDATES, "token.ent_type", *PARSE],
)
def make_complete_names(nlp: Language, name: str, max_words: int) -> CandidatePass:
    """Add longer candidates for personal names the model cut short."""
    return CandidatePass(lambda doc, cands: cands + complete_names(doc, cands, max_words))


@Language.factory("newsledger_company_names", assigns=[CANDIDATES], requires=[CANDIDATES, *PARSE])
def make_company_names(nlp: Language, name: str, votes: int) -> CandidatePass:
    """Type names by a legal form, business word, facility or product noun at their end, and
    add the companies the model missed."""
    return CandidatePass(lambda doc, cands: company_names(doc, cands, votes))


@Language.factory("newsledger_complete_lists", assigns=[CANDIDATES], requires=[CANDIDATES, *PARSE])
def make_complete_lists(nlp: Language, name: str, min_agreeing: int) -> CandidatePass:
    """Add the proper nouns of a list the model skipped, typed like the rest of the list."""
    return CandidatePass(lambda doc, cands: complete_lists(doc, cands, min_agreeing))


@Language.factory(
    "newsledger_titled_names",
    assigns=[CANDIDATES],
    requires=[CANDIDATES, "token.ent_type", *PARSE],
)
def make_titled_names(nlp: Language, name: str, max_words: int, votes: int) -> CandidatePass:
    """Add names the model missed after a title, and put the candidates in text order."""
    return CandidatePass(lambda doc, cands: titled_names(doc, cands, max_words, votes))


@Language.factory("newsledger_propagate", assigns=[CANDIDATES], requires=[CANDIDATES])
def make_propagate(
    nlp: Language, name: str, votes: int, source_priority: dict[str, int]
) -> CandidatePass:
    """Add further occurrences of the names found, choosing among overlapping candidates."""
    return CandidatePass(lambda doc, cands: propagate(doc, cands, votes, source_priority))
