"""English word lists the extraction rules share (general vocabulary, not article data)."""

from __future__ import annotations

from orchestration.extract.datafiles import data_rows


def read_words(name: str) -> frozenset[str]:
    """Lower-cased words of a data file, one a line."""
    return frozenset(row[0].strip().casefold() for row in data_rows(name))


TITLE_WORDS = read_words("titles.txt")
POSSESSIVES = frozenset({"'s", "\u2019s", "'", "\u2019"})
HYPHENS = frozenset({"-", "\u2010", "\u2011"})
DETERMINERS = frozenset({"the", "a", "an"})

SPEECH_VERBS = read_words("speech_verbs.txt")
ORG_HEAD_NOUNS = read_words("organisation_nouns.txt")
FACILITY_NOUNS = read_words("facility_nouns.txt")
NOT_NAME_WORDS = ORG_HEAD_NOUNS | FACILITY_NOUNS

ROLE_NOUNS = frozenset(
    {"leader", "counterpart", "official", "head", "chief", "envoy", "colleague", "spokesman"}
)
PERSON_NOUNS = read_words("person_nouns.txt") | ROLE_NOUNS
PLACE_NOUNS = read_words("place_nouns.txt")

# Honorifics say a name is a person's but, unlike offices, nothing about where they serve.
HONORIFICS = frozenset(
    {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof.", "sir", "dame", "lord"}
)
# Offices held in a national or local government: a holder with no other cue is taken to
# serve the country of the dateline.
GOVERNMENT_TITLES = frozenset(
    {"president", "prime", "minister", "premier", "chancellor", "king", "queen", "emir"}
    | {"sultan", "governor", "mayor", "senator", "sen.", "congressman", "congresswoman"}
    | {"secretary", "councillor", "councilor", "cllr"}
)
TITLE_ABBREVIATIONS = {
    "sen.": "senator",
    "rep.": "representative",
    "gov.": "governor",
    "gen.": "general",
    "prof.": "professor",
    "dr.": "doctor",
    "dr": "doctor",
    "capt.": "captain",
    "col.": "colonel",
    "lt.": "lieutenant",
    "cllr": "councillor",
}

PRONOUNS = frozenset({"he", "she", "they", "we", "i"})

DEFINITE_DETERMINERS = frozenset(
    {"the", "these", "those", "both", "its", "their", "our", "his", "her", "my", "your"}
)

QUALIFIERS: dict[tuple[str, ...], str] = {
    ("more", "than"): "more_than",
    ("over",): "more_than",
    ("above",): "more_than",
    ("in", "excess", "of"): "more_than",
    ("upwards", "of"): "more_than",
    ("less", "than"): "less_than",
    ("fewer", "than"): "less_than",
    ("under",): "less_than",
    ("below",): "less_than",
    ("about",): "about",
    ("around",): "about",
    ("approximately",): "about",
    ("roughly",): "about",
    ("some",): "about",
    ("an", "estimated"): "about",
    ("estimated",): "about",
    ("almost",): "almost",
    ("nearly",): "almost",
    ("close", "to"): "almost",
    ("just", "under"): "almost",
    ("at", "least"): "at_least",
    ("no", "less", "than"): "at_least",
    ("no", "fewer", "than"): "at_least",
    ("a", "minimum", "of"): "at_least",
    ("up", "to"): "up_to",
    ("as", "many", "as"): "up_to",
    ("as", "much", "as"): "up_to",
    ("a", "maximum", "of"): "up_to",
    ("at", "most"): "up_to",
}

# Verbs that put a figure below what happened ("exports exceeded 900,000 tonnes"), by lemma.
# Only their finite and -ing forms qualify: "could exceed" is a forecast, not a fact.
VERB_QUALIFIERS = {"exceed": "more_than", "top": "more_than", "surpass": "more_than"}
FACT_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "VBG", "VBN"})

TIME_UNITS = {
    "second": "second",
    "minute": "minute",
    "hour": "hour",
    "day": "day",
    "week": "week",
    "fortnight": "fortnight",
    "month": "month",
    "quarter": "quarter",
    "year": "year",
    "decade": "decade",
    "century": "century",
    "centuries": "century",
    "millennium": "millennium",
}

MEASURE_UNITS = {
    "km": "kilometre",
    "kilometre": "kilometre",
    "kilometer": "kilometre",
    "mile": "mile",
    "metre": "metre",
    "meter": "metre",
    "m2": "square metre",
    "hectare": "hectare",
    "acre": "acre",
    "tonne": "tonne",
    "ton": "tonne",
    "mm": "millimetre",
    "millimetre": "millimetre",
    "millimeter": "millimetre",
    "cm": "centimetre",
    "centimetre": "centimetre",
    "centimeter": "centimetre",
    "kg": "kilogram",
    "kilogram": "kilogram",
    "gram": "gram",
    "pound": "pound",
    "litre": "litre",
    "liter": "litre",
    "gallon": "gallon",
    "barrel": "barrel",
    "mw": "megawatt",
    "megawatt": "megawatt",
    "gw": "gigawatt",
    "gigawatt": "gigawatt",
    "kwh": "kilowatt-hour",
    "degree": "degree",
}
