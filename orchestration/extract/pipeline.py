"""The extraction pipeline in one place: the newsledger components in the order they run, and
every setting they take.

`nlp.build_pipeline` appends these steps to the English model with `nlp.add_pipe(factory,
name=name, config=config)`; no factory has defaults of its own, so a setting changed here is
the one in force. The entity passes (from `newsledger_model_candidates` to
`newsledger_vote_labels`) share the article's candidates in `doc._.entity_candidates` (see
`candidate_pass`); `newsledger_entities` turns them into entities.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Between two equally long overlapping candidates, the one whose source has the lower number
# wins: the dateline's reading of its own words, then a nationality word, a rule's finding,
# the model's tag, the gazetteer's country, and last a repeat of a name found elsewhere.
SOURCE_PRIORITY = {
    "dateline": 0,
    "demonym": 1,
    "rule": 2,
    "model": 3,
    "gazetteer": 4,
    "propagated": 5,
}
# The model's entity labels that become candidates; numbers, dates and amounts do not.
ENTITY_LABELS = ["PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT"]
ENTITY_LABELS += ["WORK_OF_ART", "LAW"]


@dataclass(frozen=True)
class GazetteerSettings:
    """How the gazetteer (`geo.Gazetteer`, one per process and shared by every component
    that links a place) ranks places that share a name.

    A city of at least `major_city` inhabitants outranks the US state of its name ("New
    York"), and is the only kind of city linked for a lone "person" word or abroad when the
    article's places lie elsewhere (`place_links.fits_city`); a city known by a name only as
    an alternate counts `alternate_weight` of its population.
    """

    major_city: int
    alternate_weight: float


GAZETTEER = GazetteerSettings(major_city=500_000, alternate_weight=0.1)


@dataclass(frozen=True)
class Step:
    """One component of the pipeline: its factory, its settings and, when the factory runs
    more than once, the name of this run."""

    factory: str
    config: dict[str, Any] = field(default_factory=dict)
    name: str | None = None


STEPS: tuple[Step, ...] = (
    Step("newsledger_lemmas"),
    Step("newsledger_dateline"),
    Step("newsledger_model_candidates", {"entity_labels": ENTITY_LABELS}),
    Step("newsledger_dateline_candidates", {"votes": 3}),
    Step("newsledger_demonym_candidates", {"votes": 3}),
    Step("newsledger_country_candidates", {"max_words": 4, "max_shouted_chars": 3}),
    Step("newsledger_select", {"source_priority": SOURCE_PRIORITY}, "newsledger_select_found"),
    Step("newsledger_drop_shouted", {"min_words": 2}),
    Step("newsledger_speaker_names", {"max_words": 4, "votes": 2}),
    Step("newsledger_given_name_names", {"votes": 2}),
    Step("newsledger_select", {"source_priority": SOURCE_PRIORITY}, "newsledger_select_speakers"),
    Step("newsledger_link_places"),
    Step("newsledger_competitor_names", {"max_words": 3, "votes": 2}),
    Step("newsledger_retype_by_cues", {"max_apposition": 8, "votes": 3}),
    Step("newsledger_complete_names", {"max_words": 5}),
    Step("newsledger_select", {"source_priority": SOURCE_PRIORITY}, "newsledger_select_completed"),
    Step(
        "newsledger_retype_by_context",
        {
            "head_window": 3,
            "max_titled_words": 4,
            "min_list": 3,
            "rule_votes": 3,
            "list_votes": 2,
        },
    ),
    Step("newsledger_company_names", {"votes": 3}),
    Step("newsledger_complete_lists", {"min_agreeing": 2}),
    Step("newsledger_titled_names", {"max_words": 4, "votes": 2}),
    Step("newsledger_link_places", {}, "newsledger_link_places_again"),
    Step("newsledger_propagate", {"votes": 0, "source_priority": SOURCE_PRIORITY}),
    Step("newsledger_type_sides", {"votes": 3}),
    Step("newsledger_vote_labels", {"short_form_votes": 2, "org_head_votes": 2}),
    Step("newsledger_entities", {"context_words": 10, "descriptor_words": 3}),
    Step("newsledger_drop_byline"),
    Step("newsledger_dates", {"search_years": 40, "climb_steps": 4}),
    Step("newsledger_figures", {"climb_steps": 6}),
    Step(
        "newsledger_quotes",
        {
            "min_words": 3,
            "verb_window": 6,
            "after_words": 24,
            "climb_steps": 6,
            "according_words": 4,
            "reference_sentences": 3,
        },
    ),
    Step("newsledger_themes"),
    Step("newsledger_counts"),
)
