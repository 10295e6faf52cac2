"""How a news report writes its byline ("By Jane Smith and Ali Hassan", "By Jane Smith,
Reuters"), judged by its form alone.

Reading an input takes a byline's names as the article's authors when the input states none,
and extraction leaves the byline out of the people an article mentions; both read the head of
a body with the functions here, as they read its dateline with `datelines`.

A byline is the first line of a body, with more text after it, that opens with "By" and goes
on with a list of names, as news agencies and papers write it:

- names are separated by commas and a last "and" (or "&"): "By Jane Smith, Ali Hassan and Li
  Wei";
- what follows the first comma after the last name is the writers' affiliation, not a name:
  "By Jane Smith, Reuters", "By Jane Smith and Ali Hassan, Associated Press"; so is what
  follows " in ", " for ", " at ", a bar or a dash ("By Jane Smith in Kyiv"), and, after
  names written in capitals, the first word that is not ("By ANITA SNOW Associated Press
  Writer");
- a name is two to five words, each capitalised (initials such as "J." count), bar short
  lower-case particles inside it ("Ursula von der Leyen"), and holds no word naming a
  newsroom role ("By Staff Writer", "By Reuters Staff").

A line that does not read so (an opening "By the end of May, ...") is no byline, nor is one
that ends as a sentence does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

BYLINE_LINE = re.compile(r"(?:By|BY):?\s+(?P<names>.+)")
# What starts the affiliation or the place after the names; after names written in capitals,
# the first word that is not ("By ANITA SNOW Associated Press Writer").
AFFILIATION = re.compile(
    r"\s+(?:in|for|at)\s+|\s*[|/]\s*|\s+[-\u2013\u2014]+\s+"
    r"|(?<=[A-Z]{2})\s+(?=[A-Z][a-z])"
)
# The last separator of a list of names: "and" or "&", after an optional (Oxford) comma.
AND = re.compile(r",?\s+(?:and|&|AND)\s+")
MIN_NAME_WORDS = 2
MAX_NAME_WORDS = 5
# A byline line longer than this, or ending as a sentence does, is a sentence, not a list of
# names ("By Jane Smith, who covered the talks, said they were over.").
MAX_BYLINE_WORDS = 24
SENTENCE_ENDS = (".", "!", "?", ":", ";")
# Lower-case words inside a name: particles such as "de", "van", "von", "bin", "al".
MAX_PARTICLE_CHARS = 3
NAME_MARKS = frozenset(".'\u2019-")
# Words a byline uses for a newsroom, not a person: "By Staff Writer", "By Our Correspondent",
# "By Reuters Staff", "By AFP Bureau".
ROLE_WORDS = frozenset(
    {"staff", "writer", "writers", "reporter", "reporters", "correspondent", "correspondents",
     "editor", "editors", "desk", "bureau", "newsroom", "agencies", "team", "our"}
)  # fmt: skip


@dataclass(frozen=True)
class Byline:
    """The byline line at the head of a body: its offsets (the line without its line break)
    and the names it gives."""

    start: int
    end: int
    authors: tuple[str, ...]


def is_name(text: str) -> bool:
    """Whether `text` reads as a person's name as a byline writes one (see the module)."""
    words = text.split()
    if not MIN_NAME_WORDS <= len(words) <= MAX_NAME_WORDS:
        return False
    if any(word.lower().strip(".") in ROLE_WORDS for word in words):
        return False
    inner = words[1:-1]
    return (
        _is_name_word(words[0])
        and _is_name_word(words[-1])
        and all(_is_name_word(w) or _is_particle(w) for w in inner)
    )


def _is_name_word(word: str) -> bool:
    return word[0].isupper() and all(c.isalpha() or c in NAME_MARKS for c in word)


def _is_particle(word: str) -> bool:
    return word.isalpha() and word.islower() and len(word) <= MAX_PARTICLE_CHARS


def as_written(name: str) -> str:
    """A name as stored: a name written all in capitals ("JANE SMITH") in title case."""
    return name.title() if name.isupper() else name


def split_names(text: str) -> tuple[str, ...]:
    """The names of a byline's list ("Jane Smith, Ali Hassan and Li Wei, Reuters"), without
    its affiliation; empty when any part of the list is not a name."""
    head = AFFILIATION.split(text.strip(), maxsplit=1)[0]
    *before, last = AND.split(head)
    names = [part.strip() for piece in before for part in piece.split(",")]
    names.append(last.split(",", 1)[0].strip())
    if not all(is_name(name) for name in names):
        return ()
    return tuple(as_written(" ".join(name.split())) for name in names)


def byline_authors(line: str) -> tuple[str, ...]:
    """The names a byline line gives ("By Jane Smith and Ali Hassan"), or none when the line
    is not a byline."""
    line = line.strip()
    match = BYLINE_LINE.fullmatch(line)
    if match is None or len(line.split()) > MAX_BYLINE_WORDS or line.endswith(SENTENCE_ENDS):
        return ()
    return split_names(match["names"])


def find_byline(body: str) -> Byline | None:
    """The byline that is the first line of `body`, when more text follows it."""
    start = len(body) - len(body.lstrip())
    line_end = body.find("\n", start)
    if line_end < 0 or not body[line_end:].strip():
        return None
    line = body[start:line_end].rstrip()
    authors = byline_authors(line)
    return Byline(start, start + len(line), authors) if authors else None


def body_head(body: str) -> int:
    """Where the report itself starts: after the byline line and the blank space after it, or
    at 0 when the body has no byline. A dateline is looked for there."""
    byline = find_byline(body)
    if byline is None:
        return 0
    return len(body) - len(body[byline.end :].lstrip())
