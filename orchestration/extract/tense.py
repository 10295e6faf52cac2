"""Which way in time a date written without a year points, read from the verb it belongs to:
"arrived on Friday" is the Friday before the report, "will visit on Friday" the one after,
"is scheduled for Friday" the one after too."""

from __future__ import annotations

from spacy.tokens import Span, Token

from orchestration.extract.datafiles import words_by_kind
from orchestration.extract.lemmas import lemma

FUTURE_AUX = frozenset({"will", "shall", "'ll", "\u2019ll"})
PAST_TAGS = frozenset({"VBD", "VBN"})
DATE_WORDS = words_by_kind("date_words.tsv")
FUTURE_LEADS = DATE_WORDS["future_lead"]
PAST_PREPOSITIONS = DATE_WORDS["past_preposition"]
DEADLINE_PREPOSITIONS = DATE_WORDS["deadline_preposition"]


def time_direction(span: Span, climb_steps: int) -> str:
    """ "future", "past" or "current_period" (dateparser's PREFER_DATES_FROM values) for a
    date expression, from the clause it modifies: the first verb at most `climb_steps`
    heads up the parse from the expression.

    A date hanging off the verb, directly or through a preposition, takes its tense. One
    inside a noun phrase ("Thursday's closing price", "payable Dec. 15"), after "by" or
    "until" (a deadline) or in a to-infinitive ("asked him to testify on Feb. 10") lies
    after a future verb but may lie either side of a past one. A to-infinitive completing a
    present verb, or none ("plans to reopen on Friday", the headline's "Port to reopen on
    Friday"), points ahead. "since" points back.
    """
    word = span.root
    head = word.head
    future_only = infinitive = False
    if head.pos_ == "ADP" and word.dep_ == "pobj":
        if head.lower_ in PAST_PREPOSITIONS:
            return "past"
        future_only = head.lower_ in DEADLINE_PREPOSITIONS
        word, head = head, head.head
    for _ in range(climb_steps):
        if head.i == word.i:
            break
        if head.pos_ in ("VERB", "AUX") or lemma(head) in FUTURE_LEADS:
            direction = verb_direction(head)
            if direction == "current_period" and head.dep_ == "conj":
                # "will close on Monday and reopen on Friday": the tense of the first verb.
                word, head = head, head.head
                continue
            if direction == "future" or (direction is not None and not future_only):
                return direction
            if direction is not None:
                return (
                    "future" if infinitive and direction == "current_period" else "current_period"
                )
            future_only = infinitive = True
        elif head.pos_ != "ADP":
            future_only = True
        word, head = head, head.head
    return "future" if infinitive else "current_period"


def verb_direction(verb: Token) -> str | None:
    """The way a verb's dates point, or None for a to-infinitive, whose dates lie after the
    verb it completes."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if lemma(verb) in FUTURE_LEADS or any(a.lower_ in FUTURE_AUX for a in aux):
        return "future"
    if any(a.lower_ == "to" for a in aux):
        return None
    if any(a.tag_ in PAST_TAGS for a in aux) or verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN" and not any(a.dep_ == "auxpass" for a in aux):
        # "has closed", "a record set on Aug. 6"; not the present passive "is heard in May".
        return "past"
    return "current_period"
