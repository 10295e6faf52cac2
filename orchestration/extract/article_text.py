"""What extraction needs of a stored article."""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class ArticleText:
    """An article's identity, text and date, as extraction reads them from raw_articles."""

    article_id: str
    source: str
    title: str | None
    body: str
    published_date: date | None
