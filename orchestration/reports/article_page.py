"""One article's report page: highlighted text, figures, quotations, dates and the DQ verdict."""

from typing import Any

from orchestration.extract.languages import is_extracted
from orchestration.ingest.language import language_name
from orchestration.reports.highlight import highlight_entities
from orchestration.reports.templating import render
from orchestration.reports.verdict import Verdict, verdict

Row = dict[str, Any]


def entity_summary(mentions: list[Row]) -> list[Row]:
    """One row per entity the article mentions: identity, mention count and surface forms.

    Most mentioned first, so the page opens on who and what the article is about.
    """
    entities: dict[str, Row] = {}
    for m in mentions:
        entity = entities.setdefault(
            m["entity_id"],
            {
                "name": m["canonical_name"],
                "type": m["entity_type"],
                "country": m["country_code"],
                "mentions": 0,
                "surfaces": [],
            },
        )
        entity["mentions"] += 1
        if m["surface"] not in entity["surfaces"]:
            entity["surfaces"].append(m["surface"])
    return sorted(entities.values(), key=lambda e: (-e["mentions"], e["name"]))


def body_mentions(mentions: list[Row]) -> list[Row]:
    """The mentions whose offsets index the body (not the title)."""
    return [m for m in mentions if m.get("field", "body") == "body"]


def article_verdict(record: Row) -> Verdict:
    """The data-quality verdict of the load that put the article in the warehouse."""
    return verdict(record["checks"], record["quarantines"])


def render_article_page(record: Row) -> str:
    """The self-contained HTML page of one article record (see queries.article_records); an
    article in a language extraction does not read says so."""
    language = record["language"]
    return render(
        "article.html",
        article=record,
        language=language_name(language) if language else None,
        extracted=is_extracted(language),
        text=highlight_entities(record["body"], body_mentions(record["mentions"])),
        entities=entity_summary(record["mentions"]),
        verdict=article_verdict(record),
    )
