"""Read the word lists and tables shipped in the extract package's data folder.

Each file opens with "#" comment lines naming its source and columns; the readers skip them.
"""

from __future__ import annotations

from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"


def data_rows(name: str) -> list[list[str]]:
    """Tab-separated rows of a data file, skipping blank lines and "#" comment lines."""
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


def read_words(name: str) -> frozenset[str]:
    """Lower-cased words of a data file, one a line."""
    return frozenset(row[0].strip().casefold() for row in data_rows(name))


def words_by_kind(name: str) -> dict[str, frozenset[str]]:
    """A "word<TAB>kind" data file as the set of words of each kind."""
    kinds: dict[str, set[str]] = {}
    for word, kind in data_rows(name):
        kinds.setdefault(kind, set()).add(word)
    return {kind: frozenset(words) for kind, words in kinds.items()}


def data_pairs(name: str) -> dict[str, str]:
    """A two-column data file as a mapping, in file order."""
    return {key: value for key, value in data_rows(name)}
