"""What extraction needs of an article: its identity, text, date and language."""

from dataclasses import dataclass
from datetime import date
from typing import Protocol


class ArticleFields(Protocol):
    """An article as extraction reads it, whether just read (ingest's ArticleInput) or stored
    (ArticleText)."""

    @property
    def article_id(self) -> str: ...
    @property
    def source(self) -> str: ...
    @property
    def title(self) -> str | None: ...
    @property
    def body(self) -> str: ...
    @property
    def published_date(self) -> date | None: ...
    @property
    def language(self) -> str | None: ...


@dataclass(frozen=True)
class ArticleText:
    """An article's identity, text, date and language, as extraction reads them from
    raw_articles; `language` is None for an article stored before languages were detected."""

    article_id: str
    source: str
    title: str | None
    body: str
    published_date: date | None
    language: str | None = None
