"""The extraction record, declared once.

These dataclasses are what extraction produces and what its JSON holds (DESIGN's extraction
JSON: `entities`, `figures`, `dates`, `quotes`, `themes`, each a list of these records). The rest is
derived from them: the DuckDB types the staging SQL parses the stored JSON with
(`json_structures`), the value sets the Great Expectations suites check (`vocabulary`), and
the tests' expectations of a well-formed record. A field added here reaches all of them.

The module imports neither spaCy nor Dagster: the quality stage and the tests read it cheaply.
"""

from __future__ import annotations

import json
import types
import typing
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any, Literal, Union, get_args, get_origin

EntityType = Literal[
    "PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW",
    "LANGUAGE", "MISC",
]  # fmt: skip
FigureKind = Literal["money", "count", "percent", "ordinal", "duration", "quantity"]
# "between": a range ("between 200 and 300 workers", "$12-15 million"), from `low` to `high`.
Qualifier = Literal["more_than", "less_than", "about", "almost", "at_least", "up_to", "between"]
Granularity = Literal["year", "month", "day"]
# How an article's date was known: given with the article, or inferred from its text.
DateSource = Literal["given", "inferred"]
# The text a fact was found in, whose characters its offsets index: the headline or the body.
TextField = Literal["title", "body"]


@dataclass
class Mention:
    """One surface occurrence of an entity: character offsets into its field's text."""

    start: int
    end: int
    text: str
    sentence: int
    field: TextField = "body"


@dataclass
class Entity:
    """A real-world entity named in an article, with all of its mentions."""

    id: str
    name: str
    type: EntityType
    country: str | None = None
    title: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class DateRef:
    """A date expression and the calendar date, month or year it denotes; for a range ("from
    1961 to 1968", "June 3-5") `value` is its first and `end_value` its last, at the same
    granularity."""

    start: int
    end: int
    text: str
    value: str | None
    granularity: Granularity | None
    relative: bool
    sentence: int
    end_value: str | None = None
    field: TextField = "body"


@dataclass
class Figure:
    """A number with its meaning: money, count, percent, ordinal, duration or quantity.

    `low` and `high` are the ends of the figure as written: equal to `value` for a single
    number, the two ends of a range ("between $12 million and $15 million"), whose `value`
    is its low end.
    """

    start: int
    end: int
    text: str
    kind: FigureKind
    value: float
    unit: str | None
    currency: str | None = None
    qualifier: Qualifier | None = None
    period: str | None = None
    subject_entity_id: str | None = None
    object_entity_id: str | None = None
    sentence: int = 0
    low: float | None = None
    high: float | None = None
    field: TextField = "body"


@dataclass
class Quote:
    """A quotation, whole or partial, and who said it."""

    start: int
    end: int
    text: str
    speaker: str | None
    speaker_entity_id: str | None
    verb: str | None
    sentence: int
    field: TextField = "body"
    # VADER's compound score of the quotation's own text, from -1 to 1 (see `tone`).
    tone: float | None = None


@dataclass
class SentenceTone:
    """A sentence's tone by VADER: the compound score, from -1 (most negative) to 1 (most
    positive), and the shares of its positive, negative and neutral intensity (summing to 1
    when it has words)."""

    start: int
    end: int
    sentence: int
    compound: float
    positive: float
    negative: float
    neutral: float
    field: TextField = "body"


@dataclass
class Theme:
    """A theme of GDELT's GKG taxonomy the article names: its code and the words that named it."""

    theme: str
    start: int
    end: int
    text: str
    sentence: int
    field: TextField = "body"


# GDELT's GKG count types (codebook: V1COUNTS' CountType), each a code of its theme taxonomy.
CountType = Literal[
    "KILL", "WOUND", "ARREST", "KIDNAP", "PROTEST", "DISPLACED", "EVACUATION", "AFFECT",
    "SEIZE", "SICKENED",
]  # fmt: skip


@dataclass
class Count:
    """A count of those an event befell, in GDELT's count types: "police arrested 30
    protesters" is ARREST, 30, "protesters".

    Its offsets are the number's (with its qualifier and counted noun when it is a figure);
    `event` is the lemma of the word that names the event ("arrest", "dead", "deaths") and
    `location_entity_id` the place the sentence puts it in, when it names one.
    """

    start: int
    end: int
    text: str
    type: CountType
    value: float
    object: str | None
    qualifier: Qualifier | None
    event: str
    location_entity_id: str | None
    sentence: int
    field: TextField = "body"


Record = Mention | Entity | DateRef | Figure | Quote | SentenceTone | Theme | Count


def as_dict(record: Record) -> dict[str, Any]:
    """A record as JSON-ready fields, as `dataclasses.asdict` gives them but without its deep
    copies: records hold only scalars, lists of strings and lists of mentions."""
    found = dict(vars(record))
    for name, value in found.items():
        if isinstance(value, list):
            found[name] = [as_dict(v) if is_dataclass(v) else v for v in value]
    return found


# The record lists of the extraction JSON, by key.
RECORD_LISTS: dict[str, type] = {
    "entities": Entity,
    "figures": Figure,
    "dates": DateRef,
    "quotes": Quote,
    "sentence_tones": SentenceTone,
    "themes": Theme,
    "counts": Count,
}
SCALAR_TYPES = {str: "VARCHAR", int: "BIGINT", float: "DOUBLE", bool: "BOOLEAN"}


def field_types(record: type) -> dict[str, Any]:
    """Each field of a record class with its resolved type."""
    hints = typing.get_type_hints(record)
    return {f.name: hints[f.name] for f in fields(record)}


def _without_none(kind: Any) -> Any:
    # `X | None` is X to DuckDB, whose every column may be NULL.
    if get_origin(kind) in (Union, types.UnionType):
        [kind] = [k for k in get_args(kind) if k is not type(None)]
    return kind


def duckdb_structure(kind: Any) -> Any:
    """The structure `from_json` reads a value of `kind` with: a type name, a list or a dict."""
    kind = _without_none(kind)
    if get_origin(kind) is Literal:
        [kind] = {type(value) for value in get_args(kind)}
    if get_origin(kind) is list:
        [item] = get_args(kind)
        return [duckdb_structure(item)]
    if isinstance(kind, type) and kind in SCALAR_TYPES:
        return SCALAR_TYPES[kind]
    return {name: duckdb_structure(t) for name, t in field_types(kind).items()}


def json_structures() -> dict[str, str]:
    """The `from_json` structure of each record list, as the staging SQL's named parameters
    (`$entities`, `$figures`, `$dates`, `$quotes`, `$themes`) take them."""
    return {key: json.dumps([duckdb_structure(record)]) for key, record in RECORD_LISTS.items()}


def vocabulary(record: type, name: str) -> list[str]:
    """The values a record's field may take, when its type lists them (a Literal)."""
    kind = _without_none(field_types(record)[name])
    return list(get_args(kind)) if get_origin(kind) is Literal else []
