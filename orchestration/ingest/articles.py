"""The article as read from an input, before anything is extracted from it."""

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

# Characters of the scripts written without spaces between words: Thai, Lao, Myanmar, Khmer,
# Japanese kana, CJK ideographs (and their extensions and compatibility forms).
UNSPACED_SCRIPTS = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
)


@dataclass(frozen=True)
class ArticleInput:
    """One article read from a file or feed.

    `published_date_source` is 'given' for a stated date, or 'rejected: <why>' when the input
    stated a date that is not stored (not a date, or outside the accepted window); None lets the
    warehouse say 'given' whenever there is a date. `relative_path` is, for an article read
    from a file, the file's path from the folder it was read from (with its place in the file,
    "#L3", for a JSON Lines line); None for an article fetched from the web. `language` is
    the ISO 639-1 code of the language it is written in, as detected (see `language`), with
    the detector's `language_confidence`; `authors` are the writers the input or the body's
    byline names.
    """

    source: str
    body: str
    title: str | None = None
    published_date: date | None = None
    outlet: str | None = None
    url: str | None = None
    published_date_source: str | None = None
    relative_path: str | None = None
    language: str | None = None
    language_confidence: float | None = None
    authors: tuple[str, ...] = ()

    @property
    def article_id(self) -> str:
        """Identity of the article: the hash of its normalised body."""
        return body_hash(self.body)


@dataclass(frozen=True)
class Rejection:
    """An input that could not be read as an article, and why."""

    source: str
    reason: str
    size_bytes: int
    sha256: str

    @classmethod
    def of(cls, source: str, reason: str, data: bytes) -> "Rejection":
        """A rejection of `data` read from `source`."""
        return cls(source, reason, len(data), hashlib.sha256(data).hexdigest())


@dataclass
class ReadResult:
    """What reading one or more inputs produced: articles and rejections, nothing dropped."""

    articles: list[ArticleInput] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)

    def extend(self, other: "ReadResult") -> None:
        """Add another result's articles and rejections to this one."""
        self.articles.extend(other.articles)
        self.rejections.extend(other.rejections)


def normalise_body(body: str) -> str:
    """Fold Unicode compatibility forms and runs of whitespace so copies of a body hash alike."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", body)).strip()


def body_hash(body: str) -> str:
    """A 32-hex-digit SHA-256 prefix of the normalised body."""
    return hashlib.sha256(normalise_body(body).encode("utf-8")).hexdigest()[:32]


def clean_body(text: str) -> str:
    """The body as stored: newlines unified, outer whitespace removed; offsets index into this."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def word_count(text: str) -> int:
    """Number of words: whitespace-separated, but for the scripts that write words without
    spaces between them (Chinese, Japanese, Thai, Lao, Khmer, Myanmar), where each character
    counts as one, so that an article in them is not taken for a one-word text."""
    if UNSPACED_SCRIPTS.search(text) is None:
        return len(text.split())
    return len(UNSPACED_SCRIPTS.sub(" _ ", text).split())
