"""The count component: GDELT's GKG counts, the numbers of those an event befell.

Every count figure ("12 people", "30 protesters") and every number standing alone where a
noun would ("2,000 were evacuated", "left 40 dead") is a candidate; it is a count when a word
of count_words.tsv names what befell it (see `count_events`). The count keeps the figure's
value, qualifier and counted noun, and the place the event's clause says it happened in
("in Lagos"), the nearest to the number when it names several.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from orchestration.extract.count_events import Event, clause_verb, event_of
from orchestration.extract.entities import entity_by_token
from orchestration.extract.figure_context import qualifier_before
from orchestration.extract.figures import excluded_tokens, may_start_figure
from orchestration.extract.lemmas import lemma
from orchestration.extract.numbers import read_number
from orchestration.extract.records import sentence_index, token_texts
from orchestration.extract.schema import Count, Entity, Figure

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
# Clauses inside the event's clause that say where something else is or happens: what is
# said, demanded or wanted ("demanding that Japan apologise").
REPORTED_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "csubj", "parataxis"})
# Prepositions whose object says where something happens ("in Nairobi", "near Karachi", "on
# Sulawesi island"); a place after "from" or "to" is an origin or a goal, and one after "of"
# or modifying a noun elsewhere ("outside the U.S. embassy") says whose a thing is. A closed
# class of English grammar.
LOCATIVE_PREPOSITIONS = frozenset(
    {"in", "at", "near", "outside", "inside", "across", "through", "throughout", "around", "along",
     "off", "on", "within"}
)  # fmt: skip
# How a place's name joins the noun phrase it locates: "Nairobi's Eastleigh district",
# "a Kabul market", "Nairobi, Kenya", "Kenya and Tanzania".
PHRASE_DEPS = frozenset({"compound", "poss", "amod", "nmod", "appos", "conj"})


@dataclass(frozen=True)
class Counted:
    """A number that may be a count: its tokens (with qualifier and counted noun), value,
    qualifier and counted noun, if any (its token index and text)."""

    span: Span
    value: float
    qualifier: str | None
    noun: int | None
    object: str | None


def figure_spans(doc: Doc) -> list[tuple[Figure, Span]]:
    """Each figure of a doc with its tokens."""
    spans = [(f, doc.char_span(f.start, f.end, alignment_mode="expand")) for f in doc._.figures]
    return [(figure, span) for figure, span in spans if span is not None]


def figure_candidates(figures: list[tuple[Figure, Span]]) -> list[Counted]:
    """The count figures, each with the counted noun that ends its text."""
    found = []
    for figure, span in figures:
        if figure.kind != "count":
            continue
        nouns = [t.i for t in span if t.pos_ in ("NOUN", "PROPN")]
        noun = nouns[-1] if nouns else None
        found.append(Counted(span, figure.value, figure.qualifier, noun, figure.unit))
    return found


def bare_candidates(doc: Doc, taken: set[int]) -> list[Counted]:
    """Whole numbers standing where a noun would, outside the `taken` tokens (of figures),
    dates and names ("2,000 were evacuated", "killing 12")."""
    blocked = excluded_tokens(doc) | taken
    texts = token_texts(doc)
    found = []
    i = 0
    while i < len(doc):
        if i in blocked or not may_start_figure(texts[i]) or doc[i].pos_ != "NUM":
            i += 1
            continue
        number = read_number(doc, i)
        if number is None:
            i += 1
            continue
        i = number.end
        # "one" in words is a pronoun as often as a count ("killing one another"), as the
        # figures read it.
        if number.spelled and number.value == 1:
            continue
        if number.value >= 1 and number.value == int(number.value):
            qualifier, start = qualifier_before(doc, number.start)
            found.append(Counted(doc[start : number.end], number.value, qualifier, None, None))
    return found


def in_table(span: Span) -> bool:
    """Whether a number is a value in a list or table, after a colon ("Total dead: 192
    Americans: 12 Injured: 4,877"), whose labels the parse cannot pair with it."""
    return span.start > 0 and span.doc[span.start - 1].text == ":"


def clause_tokens(verb: Token) -> list[Token]:
    """The tokens of a verb's clause, without the clauses of what is said, demanded or
    wanted in it ("demanding that Japan apologise")."""
    found = [verb]
    for child in verb.children:
        if child.dep_ not in REPORTED_CLAUSE_DEPS:
            found.extend(clause_tokens(child))
    return found


def locates(tok: Token) -> bool:
    """Whether a place's token says where the clause happens: it, or the noun phrase it
    belongs to, is the object of a locative preposition ("in Nairobi's Eastleigh district"),
    not a modifier elsewhere ("outside the U.S. embassy" names no place of the event)."""
    while tok.dep_ in PHRASE_DEPS and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE_PREPOSITIONS


def place_of(event: Event, span: Span, owners: dict[int, Entity]) -> str | None:
    """The place the event's clause says it happened in, the nearest to the counted number
    when it names several; None when it names none."""
    places = [
        (abs(tok.idx - span.start_char), owners[tok.i].id)
        for tok in clause_tokens(clause_verb(event.word))
        if tok.i in owners and owners[tok.i].type in PLACE_TYPES and locates(tok)
    ]
    return min(places)[1] if places else None


def event_word(event: Event) -> str:
    """The event's word as recorded: a verb's or noun's lemma, an adjective as written."""
    word = event.word
    return word.lower_ if word.pos_ == "ADJ" else lemma(word).lower()


def find_counts(doc: Doc) -> list[Count]:
    """Every count of a parsed doc, in text order."""
    figures = figure_spans(doc)
    taken = {t.i for _, span in figures for t in span}
    candidates = figure_candidates(figures) + bare_candidates(doc, taken)
    owners = entity_by_token(doc)
    counts = []
    for counted in sorted(candidates, key=lambda c: c.span.start):
        if counted.value < 1 or in_table(counted.span):
            continue
        anchor = doc[counted.noun] if counted.noun is not None else counted.span[-1]
        event = event_of(anchor, noun=counted.noun is not None)
        if event is None:
            continue
        span = counted.span
        counts.append(
            Count(
                start=span.start_char,
                end=span.end_char,
                text=span.text,
                type=event.type,
                value=counted.value,
                object=counted.object,
                qualifier=counted.qualifier,
                event=event_word(event),
                location_entity_id=place_of(event, span, owners),
                sentence=sentence_index(doc, span.start_char),
            )
        )
    return counts


@Language.factory(
    "newsledger_counts",
    assigns=["doc._.counts"],
    requires=["doc._.figures", "doc._.entities"],
)
def make_counts(nlp: Language, name: str) -> CountComponent:
    """Pipeline factory for the count component."""
    return CountComponent()


class CountComponent:
    """Set doc._.counts."""

    def __init__(self) -> None:
        if not Doc.has_extension("counts"):
            Doc.set_extension("counts", default=None)

    def __call__(self, doc: Doc) -> Doc:
        doc._.counts = find_counts(doc)
        return doc
