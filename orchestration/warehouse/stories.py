"""Stories: articles whose bodies are near-copies of each other (a wire story printed by several
outlets with its own first paragraph, a republished copy with a line of boilerplate, a trimmed
or lightly edited version) grouped under one story id, with MinHash LSH (datasketch).

A body's signature is the MinHash of its word 5-grams: the body folded (NFKC, case-folded),
cut into words (runs of letters and digits, so punctuation and typography do not count) and
every run of SHINGLE_WORDS consecutive words taken as one shingle. The Jaccard similarity of
two bodies' shingle sets is estimated by the share of equal MinHash values. Two articles are
copies when that estimate reaches THRESHOLD; a story is a connected group of copies (a copy of
a copy belongs to the same story), and its id is the id of its first article: the first to be
loaded, and of those loaded together the first ingested (then the smallest id), so a story
keeps its id as copies join it. Which articles form a story depends only on their bodies, not
on the order or the batches they came in.

Why these values (measured with the test corpus, the benchmark generator and tests/near_copies.py):
- 5-word shingles: a word changed alters 5 shingles, so light edits keep most of them, while
  two different reports share only set phrases ("the central bank said on").
- THRESHOLD 0.4: twenty near-copies of the seed article (a new first paragraph, a line of
  boilerplate, the last paragraph cut, "said" written "says") share 0.75 to 0.97 of their
  shingles with it, and a 180-word wire story with its first paragraph replaced and its last
  one cut still 0.51. Different articles share far less: at most 0.006 between the 50 articles
  of the test corpus, and at most 0.18 (median 0.05) between 700,000 pairs of the benchmark's
  articles, which are filled in from six templates.
- 128 permutations: the estimate's standard error is at most sqrt(0.25 / 128) = 0.044, so a
  copy sharing 0.5 reads below 0.4 about once in a hundred (and is then still joined through
  the story's other copies), and a pair sharing 0.18 never reads 0.4 (6.5 standard errors).
- LSH_BANDS x LSH_ROWS = 42 bands of 3 values: a pair becomes a candidate with probability
  1 - (1 - s^3)^42: 0.94 at s = 0.4 and 0.996 at 0.5, but 0.22 at 0.18 and 0.005 at 0.05, so
  copies are found and few other pairs need their 128 values compared. Every candidate is
  checked against THRESHOLD.
"""

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import compress
from typing import Any

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

SHINGLE_WORDS = 5
NUM_PERM = 128
THRESHOLD = 0.4
LSH_BANDS, LSH_ROWS = 42, 3
# Hash values of datasketch's default scheme (since 2.0) are 32-bit: stored as UINTEGER[].
SCHEME = "affine32"
SEED = 1

Signature = np.ndarray


def shingles(body: str) -> set[bytes]:
    """The body's word SHINGLE_WORDS-grams, folded and without punctuation; a body shorter than
    that is one shingle."""
    words = re.findall(r"\w+", unicodedata.normalize("NFKC", body).casefold())
    last = max(len(words) - SHINGLE_WORDS + 1, 1)
    return {" ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8") for i in range(last)}


def signatures(bodies: Iterable[str]) -> list[Signature]:
    """The MinHash signature (NUM_PERM unsigned 32-bit values) of each body."""
    shingled = (shingles(body) for body in bodies)
    made = MinHash.generator(shingled, num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    return [minhash.hashvalues for minhash in made]


def similarity(a: Signature, b: Signature) -> float:
    """The Jaccard similarity of two bodies' shingles, as MinHash estimates it: the share of
    equal signature values."""
    return float(np.count_nonzero(a == b)) / len(a)


def _lean(signature: Signature) -> LeanMinHash:
    return LeanMinHash(seed=SEED, hashvalues=signature, scheme=SCHEME)


def _band_keys(signatures: np.ndarray) -> np.ndarray:
    """A 64-bit hash of each LSH band of each signature (one row each): equal bands hash alike."""
    rows = signatures[:, : LSH_BANDS * LSH_ROWS].reshape(len(signatures), LSH_BANDS, LSH_ROWS)
    keys = np.zeros((len(signatures), LSH_BANDS), dtype=np.uint64)
    for value in np.moveaxis(rows.astype(np.uint64), 2, 0):
        keys = keys * np.uint64(0x100000001B3) ^ value
    return keys


def _may_match(chunk: Sequence["StoredArticle"], batch_keys: np.ndarray) -> list[bool]:
    """Whether each stored article shares a band with an article of the batch, the index's
    condition for a candidate, tested on the whole chunk at once: querying the index for each
    stored article took most of a load's time on a large warehouse."""
    if not chunk:
        return []
    keys = _band_keys(np.stack([article.signature for article in chunk]))
    shared = np.zeros(len(chunk), dtype=bool)
    for band in range(LSH_BANDS):
        shared |= np.isin(keys[:, band], batch_keys[:, band])
    return shared.tolist()


# Which of two articles or stories comes first: the lower rank, a tuple (see Signed).
Rank = tuple[Any, ...]


@dataclass(frozen=True)
class Signed:
    """An article to place in a story, with its signature and its rank: a story of articles
    that only this grouping brings together is named after the member of lowest rank."""

    article_id: str
    rank: Rank
    signature: Signature


@dataclass(frozen=True)
class StoredArticle:
    """An article already in a story: its signature, its story and that story's rank (which
    must be lower than any new article's, so a story keeps its name as articles join it)."""

    article_id: str
    story_id: str
    story_rank: Rank
    signature: Signature


@dataclass
class Grouping:
    """Stories of a batch's new articles: each article's story, and the stories the batch
    joined into an earlier one (a new article copied from both)."""

    stories: dict[str, str] = field(default_factory=dict)
    merged: dict[str, str] = field(default_factory=dict)


class _Groups:
    """Union-find over article and story ids; each group's root is its member of lowest rank."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.rank: dict[str, Rank] = {}

    def add(self, key: str, rank: Rank) -> None:
        if key not in self.parent:
            self.parent[key] = key
            self.rank[key] = rank

    def root(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def join(self, a: str, b: str) -> None:
        first, second = sorted((self.root(a), self.root(b)), key=lambda k: (self.rank[k], k))
        self.parent[second] = first


def group(new: Sequence[Signed], stored: Iterable[Sequence[StoredArticle]] = ()) -> Grouping:
    """Assign each of `new` to a story: an existing one it copies (an article of `stored`,
    read in chunks) or a new one, named after its article of lowest rank.

    Only the new articles are indexed: the stored ones are streamed past the index, so memory
    grows with the batch, not with the warehouse; with no new article, nothing is read. A new
    article that copies articles of two stories joins them: the story of higher rank is merged
    into the other.
    """
    if not new:
        return Grouping()
    index = MinHashLSH(num_perm=NUM_PERM, params=(LSH_BANDS, LSH_ROWS))
    groups = _Groups()
    signature_of = {article.article_id: article.signature for article in new}
    for article in new:
        groups.add(article.article_id, article.rank)
        index.insert(article.article_id, _lean(article.signature))
    for article in new:
        for other in index.query(_lean(article.signature)):
            if similarity(article.signature, signature_of[other]) >= THRESHOLD:
                groups.join(article.article_id, other)
    stories_seen: set[str] = set()
    batch_keys = _band_keys(np.stack([article.signature for article in new]))
    for chunk in stored:
        for article in compress(chunk, _may_match(chunk, batch_keys)):
            for other in index.query(_lean(article.signature)):
                if similarity(article.signature, signature_of[other]) >= THRESHOLD:
                    groups.add(article.story_id, article.story_rank)
                    groups.join(article.story_id, other)
                    stories_seen.add(article.story_id)
    return Grouping(
        stories={article.article_id: groups.root(article.article_id) for article in new},
        merged={story: groups.root(story) for story in stories_seen if groups.root(story) != story},
    )
