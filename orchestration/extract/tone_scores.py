"""An article's tone as GDELT's V1.5TONE states it, from counts of its words.

GDELT's tone fields are shares of an article's words, in percent: positive words, negative
words, their difference (tone) and sum (polarity), "active" words and pronouns; and the word
count. GCAM's VADER dimension (c26.1, v26.1) counts the words found in VADER's lexicon and
averages their valence. This module turns counts into those fields and merges the fields of
an article's sections; it imports neither spaCy nor VADER (`tone` counts the words).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

# The tone fields of the extraction record's article that are percentages of its words
# (`word_count`); the GCAM fields are a count of words and their mean valence.
SHARE_FIELDS = (
    "tone", "positive_score", "negative_score", "polarity", "activity_density",
    "self_group_density",
)  # fmt: skip
WORD_COUNT = "word_count"
LEXICON_WORDS = "gcam_vader_words"
LEXICON_VALENCE = "gcam_vader_valence"


@dataclass(frozen=True)
class ToneCounts:
    """What a text's tone is computed from: its words, those VADER's lexicon rates positive
    or negative, its verbs ("active" words), its personal pronouns (self and group
    references), and the words found in the lexicon with the sum of their valences."""

    words: int
    positive: int
    negative: int
    active: int
    self_group: int
    lexicon_words: int
    valence_sum: float


def percent(part: int, whole: int) -> float:
    """`part` as a percentage of `whole`; 0 for an empty whole."""
    return 100.0 * part / whole if whole else 0.0


def article_tone(counts: ToneCounts) -> dict[str, Any]:
    """The article fields of a text's tone (see SHARE_FIELDS), from its counts."""
    positive = percent(counts.positive, counts.words)
    negative = percent(counts.negative, counts.words)
    return {
        "tone": positive - negative,
        "positive_score": positive,
        "negative_score": negative,
        "polarity": positive + negative,
        "activity_density": percent(counts.active, counts.words),
        "self_group_density": percent(counts.self_group, counts.words),
        WORD_COUNT: counts.words,
        LEXICON_WORDS: counts.lexicon_words,
        LEXICON_VALENCE: (
            counts.valence_sum / counts.lexicon_words if counts.lexicon_words else None
        ),
    }


def merge_tones(parts: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The tone fields of a whole body from those of its sections (`article_tone`'s fields):
    shares weighted by each section's words, the valence by each section's lexicon words, so
    the result is the one the counts of the whole body give."""
    words = sum(part[WORD_COUNT] for part in parts)
    matched = sum(part[LEXICON_WORDS] for part in parts)
    merged: dict[str, Any] = {
        name: sum(part[name] * part[WORD_COUNT] for part in parts) / words if words else 0.0
        for name in SHARE_FIELDS
    }
    valence = sum(
        part[LEXICON_VALENCE] * part[LEXICON_WORDS] for part in parts if part[LEXICON_WORDS]
    )
    return {
        **merged,
        WORD_COUNT: words,
        LEXICON_WORDS: matched,
        LEXICON_VALENCE: valence / matched if matched else None,
    }
