"""The language an article is written in, detected when it is read, with lingua.

Extraction's model reads English only, so the language decides whether an article is
extracted (see `orchestration.extract.languages`). lingua is built in its low-accuracy mode
over all its languages: that mode uses only its trigram models (lingua documents that texts
longer than 120 characters lose almost no accuracy with it), which keeps the detector's memory
small, and its models are loaded lazily, only for the languages whose alphabet the text uses.
Detection reads the title and the head of the body, DETECTION_CHARS at most: an article's
language shows in its first lines, and the cost stays the same for a long article.
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

from orchestration.ingest.articles import ArticleInput

# Characters of title and body read, far more than the 120 low-accuracy mode needs.
DETECTION_CHARS = 1_000


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


def detect_language(title: str | None, body: str) -> DetectedLanguage:
    """The language of an article written with `title` and `body`, with its confidence."""
    values = detector().compute_language_confidence_values(detection_text(title, body))
    if not values or values[0].value <= 0:
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
