"""Which way in time a date written without a year points, read from the verb it belongs to:
"arrived on Friday" is the Friday before the report, "will visit on Friday" the one after."""

from __future__ import annotations

from spacy.tokens import Span

FUTURE_AUX = frozenset({"will", "would", "shall", "could", "may", "might", "'ll", "\u2019ll"})
PAST_TAGS = frozenset({"VBD", "VBN"})


def time_direction(span: Span, climb_steps: int) -> str:
    """ "future", "past" or "current_period" (dateparser's PREFER_DATES_FROM values) for a
    date expression, from the tense of the clause it modifies: the first verb at most
    `climb_steps` heads up the parse from the expression."""
    verb = span.root
    for _ in range(climb_steps):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return "current_period"
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in FUTURE_AUX for a in aux):
        return "future"
    if verb.tag_ == "VB" and any(a.lower_ == "to" for a in aux):
        return "future"
    if verb.tag_ in PAST_TAGS or any(a.tag_ in PAST_TAGS for a in aux):
        return "past"
    return "current_period"
