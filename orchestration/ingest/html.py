"""HTML pages: main text, title, date, site name and authors, with trafilatura."""

import trafilatura

from orchestration.ingest.articles import ArticleInput, ReadResult
from orchestration.ingest.authors import article_authors
from orchestration.ingest.formats import require_body
from orchestration.ingest.policy import DEFAULT_POLICY, IngestPolicy
from orchestration.ingest.text import UnreadableInput, decode_text, stated_date


def read_html(
    source: str, data: bytes, url: str | None = None, *, policy: IngestPolicy = DEFAULT_POLICY
) -> ReadResult:
    """The main text of an HTML page and its metadata; boilerplate is left out."""
    document = trafilatura.bare_extraction(decode_text(data), url=url, with_metadata=True)
    if document is None or not (document.text or "").strip():
        raise UnreadableInput("HTML page has no main text")
    title = (document.title or "").strip() or None
    body = document.text
    first, _, rest = body.partition("\n")
    if title and first.strip() == title and rest.strip():
        body = rest
    published = stated_date(document.date)
    body = require_body(body)
    return ReadResult(
        [
            ArticleInput(
                source=source,
                body=body,
                title=title,
                published_date=published.value,
                outlet=document.sitename or None,
                url=url,
                published_date_source=published.source,
                authors=article_authors(document.author, body),
            )
        ]
    )
