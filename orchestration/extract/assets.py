"""Extract stage: run the spaCy pipeline over articles not yet extracted by this version."""

import json
from typing import Any

import dagster as dg
import pandas as pd

from orchestration.extract.document import EXTRACTOR_VERSION
from orchestration.extract.output import extraction_record
from orchestration.resources import NlpResource, WarehouseResource
from orchestration.settings import DUCKDB_POOL
from orchestration.sql import read_sql


def _summary_row(record: dict[str, Any]) -> dict[str, Any]:
    article = record["article"]
    return {
        "source": article["source"],
        "published": article.get("published_date"),
        "entities": len(record["entities"]),
        "mentions": sum(len(e["mentions"]) for e in record["entities"]),
        "figures": len(record["figures"]),
        "dates": len(record["dates"]),
        "quotes": len(record["quotes"]),
    }


def _stored(record: dict[str, Any]) -> dict[str, Any]:
    """The record without the body, which raw_articles already holds."""
    article = {k: v for k, v in record["article"].items() if k != "body"}
    return {
        "article_id": article["id"],
        "extractor_version": record["extractor"]["version"],
        "model": record["extractor"]["model"],
        "payload": json.dumps({**record, "article": article}),
    }


@dg.asset(
    deps=["raw_articles"],
    group_name="extract",
    kinds={"spacy", "duckdb"},
    pool=DUCKDB_POOL,
)
def extractions(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource, nlp: NlpResource
) -> dg.MaterializeResult:
    """Entities, figures, dates and quotations of articles not yet extracted by this version."""
    with warehouse.connect() as con:
        pending = con.execute(
            read_sql("select/select_articles_to_extract.sql"),
            {"extractor_version": EXTRACTOR_VERSION},
        ).fetchall()
    pipeline = nlp.pipeline()
    records = [
        extraction_record(
            pipeline,
            article_id=article_id,
            source=source,
            body=body,
            title=title,
            published_date=published,
        )
        for article_id, source, title, body, published in pending
    ]
    if records:
        with warehouse.connect() as con:
            con.register("new_extractions", pd.DataFrame([_stored(r) for r in records]))
            con.execute(read_sql("load/merge_into_extractions.sql"))
    summary = pd.DataFrame([_summary_row(r) for r in records])
    context.log.info(f"extracted {len(records)} articles with extractor {EXTRACTOR_VERSION}")
    return dg.MaterializeResult(
        metadata={
            "articles_extracted": len(records),
            "extractor_version": EXTRACTOR_VERSION,
            "preview": dg.MetadataValue.md(summary.to_markdown(index=False) if records else "none"),
        }
    )
