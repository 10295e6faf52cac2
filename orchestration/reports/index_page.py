"""The index of article pages: one line per loaded article, the articles held back, and those
extraction failed on."""

from typing import Any

from orchestration.reports.article_page import article_verdict
from orchestration.reports.templating import render

Row = dict[str, Any]


def index_entry(record: Row) -> Row:
    """What the index shows of an article record; kept in the manifest beside its page."""
    verdict = article_verdict(record)
    return {
        "loaded_at": record["loaded_at"],
        "title": record["title"],
        "outlet": record["outlet"],
        "published_date": str(record["published_date"] or ""),
        "entities": len({m["entity_id"] for m in record["mentions"]}),
        "figures": len(record["figures"]),
        "quotes": len(record["quotes"]),
        "dates": len(record["dates"]),
        "quality": verdict.label,
        "tone": verdict.tone,
        "verdict": verdict.summary,
        "language": record["language"],
    }


def render_index(
    entries: dict[str, Row], held_back: list[Row], failed: list[Row] | None = None
) -> str:
    """The index page: articles newest first (by published date), then the held-back ones,
    then those whose extraction failed, each with its error."""
    articles = sorted(
        ({"article_id": article_id, **entry} for article_id, entry in entries.items()),
        key=lambda e: (e["published_date"], e["title"]),
        reverse=True,
    )
    return render("index.html", articles=articles, held_back=held_back, failed=failed or [])
