"""GDELT's GKG theme taxonomy: the codes a theme may take, and the codes that spell a keyword.

The taxonomy is gdelt-py's package data (`py_gdelt/lookups/data/gkg_themes.json`, 59,323
codes with category, description and article count). Its families `TAX_FNCACT_*`
(functional actors), `TAX_ETHNICITY_*`, `TAX_WORLDLANGUAGES_*` and `ECON_WORLDCURRENCIES_*`
name their keyword in the code itself ("TAX_FNCACT_FOREIGN_MINISTER"), so a word our
extraction holds maps to its code by spelling, with no list per code. The file is read
without importing gdelt-py, whose client this project does not use.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import re
from collections.abc import Iterable
from pathlib import Path

TITLE_FAMILY = "TAX_FNCACT_"
ETHNICITY_FAMILY = "TAX_ETHNICITY_"
LANGUAGE_FAMILY = "TAX_WORLDLANGUAGES_"
CURRENCY_FAMILY = "ECON_WORLDCURRENCIES_"
NOT_KEY_RE = re.compile(r"[^A-Z0-9]+")


def taxonomy_path() -> Path:
    """Where gdelt-py keeps the taxonomy file."""
    spec = importlib.util.find_spec("py_gdelt")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("gdelt-py (module py_gdelt) is not installed")
    return Path(spec.submodule_search_locations[0]) / "lookups" / "data" / "gkg_themes.json"


@functools.cache
def theme_codes() -> frozenset[str]:
    """Every theme code of the taxonomy."""
    return frozenset(json.loads(taxonomy_path().read_text(encoding="utf-8")))


def keyword_key(words: str) -> str:
    """Words as the taxonomy spells them in a code: upper case, joined by "_"
    ("South Korean" -> "SOUTH_KOREAN")."""
    return NOT_KEY_RE.sub("_", words.upper()).strip("_")


def keyword_code(family: str, candidates: Iterable[str]) -> str | None:
    """The code of the first candidate keyword the family spells, or None."""
    codes = theme_codes()
    for words in candidates:
        code = family + keyword_key(words)
        if words and code in codes:
            return code
    return None


def narrowing(words: list[str]) -> list[str]:
    """A phrase and the phrases its head ends, longest first: "Deputy Foreign Minister",
    "Foreign Minister", "Minister" (the head of an English noun phrase is its last word)."""
    return [" ".join(words[start:]) for start in range(len(words))]
