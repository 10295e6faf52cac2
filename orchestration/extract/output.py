"""The extraction JSON of one article: printed by `newsledger extract`, stored in extractions."""

from datetime import date
from typing import Any

from spacy.language import Language

from orchestration.extract.document import extract_article


def extraction_record(
    nlp: Language,
    *,
    article_id: str,
    source: str,
    body: str,
    title: str | None,
    published_date: date | None,
) -> dict[str, Any]:
    """Extract one article and shape the result as DESIGN's extraction JSON."""
    result = extract_article(nlp, body, title=title, published_date=published_date)
    article = {
        "id": article_id,
        "source": source,
        "title": title,
        "body": body,
        **result["article"],
    }
    return {**result, "article": article}
