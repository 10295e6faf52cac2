"""An article's authors: as its input states them, else as its body's byline gives them."""

from __future__ import annotations

from orchestration.core.bylines import find_byline, split_names
from orchestration.ingest.text import valid_text

# How metadata joins several authors in one string: trafilatura with "; ", feeds and CMSs
# with ";" or "|".
AUTHOR_SEPARATORS = (";", "|")
# A stated author longer than this is not a name; it is not kept.
MAX_AUTHOR_CHARS = 200


def stated_authors(value: object) -> tuple[str, ...]:
    """The authors an input's `author` or `authors` field names: a string (one name, or a list
    as a byline writes it: "Jane Smith and Ali Hassan"; or names joined by ";" or "|"), or a
    list of names or of objects with a "name" (as JSON Feed and schema.org write authors).
    Anything else states no author."""
    if isinstance(value, str):
        for separator in AUTHOR_SEPARATORS:
            value = value.replace(separator, "\n")
        parts = [part.strip() for part in value.split("\n")]
        found = [name for part in parts if part for name in split_names(part) or (part,)]
    elif isinstance(value, list):
        names = [item.get("name") if isinstance(item, dict) else item for item in value]
        found = [name.strip() for name in names if isinstance(name, str) and name.strip()]
    else:
        return ()
    kept = (valid_text(" ".join(name.split())) for name in found)
    return tuple(dict.fromkeys(name for name in kept if len(name) <= MAX_AUTHOR_CHARS))


def article_authors(stated: object, body: str) -> tuple[str, ...]:
    """The authors the input states (see `stated_authors`), or else those of the byline
    heading `body` ("By Jane Smith and Ali Hassan"); empty when neither names one."""
    authors = stated_authors(stated)
    if authors:
        return authors
    byline = find_byline(body)
    return byline.authors if byline else ()
