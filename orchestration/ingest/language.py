"""The language an article is written in, detected when it is read, with lingua.

Extraction's model reads English only, so the language decides whether an article is
extracted (see `orchestration.extract.languages`). lingua is built in its low-accuracy mode
over all its languages: that mode uses only its trigram models (lingua documents that texts
longer than 120 characters lose almost no accuracy with it), which keeps the detector's memory
small, and its models are loaded lazily, only for the languages whose alphabet the text uses.
Detection reads the title and the head of the body, DETECTION_CHARS at most: an article's
language shows in its first lines, and the cost stays the same for a long article.

It reads only the words written in letters and without capitals. A language shows in its
common words, not in its names: a results table or a list of people and places ("2. Anders
Lindqvist ( Sweden ) 3:31.77") is mostly names, which many languages write alike and which
lingua, with nothing else to go on, may give to Latin or Welsh with full confidence. A text
with too few common words to tell (fewer than MIN_COMMON_WORDS different ones, as a table
repeating "vs." has, or, in a script written with spaces, fewer than the LOW_ACCURACY_CHARS
that lingua documents its low-accuracy mode to need), or whose likeliest language lingua gives
less than MIN_CONFIDENCE, has no detected language and is extracted as English, as an article
stored before languages were detected is: skipping an English article would lose all its
facts, reading a foreign one costs only noise.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

from orchestration.ingest.articles import UNSPACED_SCRIPTS, ArticleInput, word_count

# Characters of title and body read, far more than the 120 low-accuracy mode needs.
DETECTION_CHARS = 1_000
# Runs of letters, in a token of a script written without spaces.
UNSPACED_RUNS = re.compile(r"[^\W\d_]+")
# What may stand around a word without being part of it.
WORD_EDGES = "\"'“”‘’«»„()[]{}.,;:!?¿¡…-–—/"
# Different words without capitals a text needs before its language is told: a short
# sentence's worth.
MIN_COMMON_WORDS = 8
# The characters lingua's documentation says its low-accuracy mode needs to be reliable.
LOW_ACCURACY_CHARS = 120
# The confidence below which the likeliest language is not taken: lingua's values over all
# languages sum to 1, so below a half another language is as likely as the likeliest.
MIN_CONFIDENCE = 0.5


@dataclass(frozen=True)
class DetectedLanguage:
    """An ISO 639-1 code ("en", "fr", "ru") and the detector's confidence in it (0 to 1); both
    None when the text has nothing to tell its language by (digits, symbols)."""

    code: str | None = None
    confidence: float | None = None


@functools.cache
def detector() -> LanguageDetector:
    """The detector, built once per process."""
    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()


def detection_text(title: str | None, body: str) -> str:
    """What detection reads: the title and the head of the body, DETECTION_CHARS at most."""
    return f"{title}\n{body}"[:DETECTION_CHARS] if title else body[:DETECTION_CHARS]


def common_words(text: str) -> str:
    """The words of `text` written in letters only, none of them a capital, punctuation around
    them left out: its common words, without the names, initials, capitalised headlines,
    abbreviations and codes ("lb-3", "4th") that any language may write alike."""
    words = (word.strip(WORD_EDGES) for word in spaced(text).split())
    return " ".join(
        word
        for word in words
        if len(word) > 1 and word.isalpha() and not any(c.isupper() for c in word)
    )


def spaced(text: str) -> str:
    """`text` with the punctuation and digits between the characters of scripts written
    without spaces ("北京，3月5日") turned into spaces, so that their runs of letters read as
    words."""
    if UNSPACED_SCRIPTS.search(text) is None:
        return text
    return " ".join(
        " ".join(UNSPACED_RUNS.findall(token)) if UNSPACED_SCRIPTS.search(token) else token
        for token in text.split()
    )


def too_few(words: str) -> bool:
    """Whether common words `words` are too few to tell a language by (see the module's
    docstring); in a script written without spaces each character counts as a word."""
    if UNSPACED_SCRIPTS.search(words):
        return word_count(words) < MIN_COMMON_WORDS
    return len(set(words.split())) < MIN_COMMON_WORDS or len(words) < LOW_ACCURACY_CHARS


def detect_language(title: str | None, body: str) -> DetectedLanguage:
    """The language of an article written with `title` and `body`, with its confidence; none
    when the text has fewer than MIN_COMMON_WORDS different common words to tell it by, or no
    language reaches MIN_CONFIDENCE."""
    words = common_words(detection_text(title, body))
    if too_few(words):
        return DetectedLanguage()
    values = detector().compute_language_confidence_values(words)
    if not values or values[0].value < MIN_CONFIDENCE:
        return DetectedLanguage()
    top = values[0]
    return DetectedLanguage(top.language.iso_code_639_1.name.lower(), round(top.value, 4))


def with_language(article: ArticleInput) -> ArticleInput:
    """The article with its detected language and the confidence in it."""
    found = detect_language(article.title, article.body)
    return dataclasses.replace(article, language=found.code, language_confidence=found.confidence)


def language_name(code: str) -> str:
    """The English name of the language of ISO 639-1 `code` ("French" for "fr"), or the code
    itself when lingua does not know it."""
    try:
        return Language.from_iso_code_639_1(IsoCode639_1.from_str(code)).name.title()
    except ValueError:
        return code
