"""The topical themes' lexicon (data/themes.tsv) and where its cues occur in a text.

Each row gives a GKG theme code, its cues and why they were chosen. A cue is a word or phrase
matched word by word against the text's tokens, each word equal to a token's lower-cased
text or its lemma; a word marked "=" ("=trade") only as written, for a word whose other
inflections have another sense ("the peso traded at"). A hyphenated cue word ("cease-fire")
also matches the hyphen split into its own token. At each token the longest cue starting
there wins, and matches do not overlap: "trade union" is a union, not trade.
"""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass

from orchestration.extract.datafiles import data_rows

LEXICON = "themes.tsv"
HYPHEN = "-"
AS_WRITTEN = "="


@dataclass(frozen=True)
class CueMatch:
    """A cue found in the text: its first and end token index, and the themes it names."""

    start: int
    end: int
    themes: tuple[str, ...]


def cue_forms(cue: str) -> list[tuple[str, ...]]:
    """The token sequences a cue is written as: its words, each hyphenated one either whole
    or split around its hyphens ("net-zero" -> ("net-zero",), ("net", "-", "zero"))."""
    options = []
    for word in cue.casefold().split():
        parts = word.split(HYPHEN)
        whole = (word,)
        split = tuple(itertools.chain.from_iterable((p, HYPHEN) for p in parts))[:-1]
        options.append([whole] if len(parts) == 1 else [whole, split])
    return [tuple(itertools.chain.from_iterable(choice)) for choice in itertools.product(*options)]


@functools.cache
def lexicon() -> dict[str, dict[tuple[str, ...], tuple[str, ...]]]:
    """Every cue's token sequences, by first word, each with the themes it names."""
    found: dict[str, dict[tuple[str, ...], tuple[str, ...]]] = {}
    for code, cues, _rationale in data_rows(LEXICON):
        for cue in cues.split("|"):
            for form in cue_forms(cue):
                by_first = found.setdefault(form[0], {})
                by_first[form] = tuple(dict.fromkeys((*by_first.get(form, ()), code)))
    return found


def find_cues(forms: list[frozenset[str]]) -> list[CueMatch]:
    """Where the lexicon's cues occur in a text whose tokens read as `forms` (each token's
    lower-cased text and lemma): longest first at each token, without overlaps."""
    cues = lexicon()
    found = []
    i = 0
    while i < len(forms):
        best: tuple[tuple[str, ...], tuple[str, ...]] | None = None
        for first in forms[i]:
            for words, themes in cues.get(first, {}).items():
                if (best is None or len(words) > len(best[0])) and _matches(words, forms, i):
                    best = (words, themes)
        if best is None:
            i += 1
            continue
        found.append(CueMatch(i, i + len(best[0]), best[1]))
        i += len(best[0])
    return found


def _matches(words: tuple[str, ...], forms: list[frozenset[str]], start: int) -> bool:
    # Whether the cue's words are the forms of the tokens from `start` on.
    if start + len(words) > len(forms):
        return False
    return all(word in forms[start + k] for k, word in enumerate(words))
