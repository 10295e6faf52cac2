"""English word lists the extraction rules share (general vocabulary, not article data).

Every list is read from the package's data folder (see `datafiles`), where each file says
where its words come from. Only closed sets of spelling (possessive endings, hyphens,
dashes) and of grammar (articles, pronouns, part-of-speech tags) are written here, in
Python: they are part of the language, not vocabulary to extend.
"""

from __future__ import annotations

from orchestration.extract.datafiles import data_pairs, data_rows, read_words

TITLE_ROWS = data_rows("titles.tsv")
TITLE_WORDS = frozenset(row[0] for row in TITLE_ROWS)


def titles_of_kind(kind: str) -> frozenset[str]:
    """The title words of one kind in titles.tsv ("honorific", "government", "modifier")."""
    return frozenset(row[0] for row in TITLE_ROWS if row[1] == kind)


# Honorifics say a name is a person's but, unlike offices, nothing about where they serve.
HONORIFICS = titles_of_kind("honorific")
# Offices held in a national or local government: a holder with no other cue is taken to
# serve the country of the dateline.
GOVERNMENT_TITLES = titles_of_kind("government")
# Title words that qualify an office ("foreign", "state") rather than name one.
TITLE_MODIFIERS = titles_of_kind("modifier")
TITLE_ABBREVIATIONS = {row[0]: row[2] for row in TITLE_ROWS if len(row) > 2}

POSSESSIVES = frozenset({"'s", "\u2019s", "'", "\u2019"})
HYPHENS = frozenset({"-", "\u2010", "\u2011"})
DASHES = frozenset({"-", "\u2013", "\u2014", "--"})
DETERMINERS = frozenset({"the", "a", "an"})
PRONOUNS = frozenset({"he", "she", "they", "we", "i"})
DEFINITE_DETERMINERS = frozenset(
    {"the", "these", "those", "both", "its", "their", "our", "his", "her", "my", "your"}
)

SPEECH_VERBS = read_words("speech_verbs.txt")
# Verbs whose subject a quotation in their clause is attributed to: saying, stance, naming.
ATTRIBUTION_VERBS = SPEECH_VERBS | read_words("attribution_verbs.txt")
# Phrasal verbs that do the same with their particle ("shoot back"), as "lemma particle".
PHRASAL_ATTRIBUTION_VERBS = read_words("phrasal_attribution_verbs.txt")
ORG_HEAD_NOUNS = read_words("organisation_nouns.txt")
FACILITY_NOUNS = read_words("facility_nouns.txt")
NOT_NAME_WORDS = ORG_HEAD_NOUNS | FACILITY_NOUNS
ROLE_NOUNS = read_words("role_nouns.txt")
PERSON_NOUNS = read_words("person_nouns.txt") | ROLE_NOUNS
PLACE_NOUNS = read_words("place_nouns.txt")

QUALIFIERS: dict[tuple[str, ...], str] = {
    tuple(phrase.split()): kind for phrase, kind in data_pairs("qualifiers.tsv").items()
}
# Verbs that put a figure below what happened ("exports exceeded 900,000 tonnes"), by lemma.
# Only their finite and -ing forms qualify: "could exceed" is a forecast, not a fact.
VERB_QUALIFIERS = data_pairs("verb_qualifiers.tsv")
FACT_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "VBG", "VBN"})

TIME_UNITS = data_pairs("time_units.tsv")
MEASURE_UNITS = data_pairs("measure_units.tsv")
