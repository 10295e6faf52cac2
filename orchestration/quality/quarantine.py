"""Deciding whether failed rows quarantine their articles or block the whole load.

A failure confined to a few articles holds those articles back and lets the rest of the batch
load; a failure spread over more than the allowed share of the batch, or one that cannot be
traced to an article, is systemic and blocks the load.
"""

from dataclasses import dataclass

import duckdb
import pandas as pd

from orchestration.core.connection import transactions
from orchestration.core.sql import read_sql
from orchestration.quality.validation import ERROR, Outcome

DEFAULT_MAX_FAILURE_SHARE = 0.2


@dataclass(frozen=True)
class Verdict:
    """What a check's failures mean for the load."""

    quarantine: dict[str, list[str]]  # article_id -> expectations it failed
    blocking: bool
    reason: str


def decide(outcomes: list[Outcome], staged_articles: int, max_share: float) -> Verdict:
    """Quarantine the articles behind error-level failures, or block when they are too many."""
    failed = [o for o in outcomes if not o.success and o.severity == ERROR]
    quarantine: dict[str, list[str]] = {}
    for outcome in failed:
        if not outcome.failing_article_ids or None in outcome.failing_article_ids:
            return Verdict({}, True, f"{outcome.expectation} failed on rows with no article")
        for article_id in outcome.failing_article_ids:
            quarantine.setdefault(article_id, []).append(outcome.expectation)
    share = len(quarantine) / staged_articles if staged_articles else 0.0
    if share > max_share:
        reason = f"{len(quarantine)} of {staged_articles} articles failed"
        return Verdict({}, True, f"{reason} ({share:.0%} > {max_share:.0%})")
    return Verdict(
        quarantine, False, f"{len(quarantine)} of {staged_articles} articles quarantined"
    )


def staged_articles(con: duckdb.DuckDBPyConnection) -> int:
    """How many articles this run staged, counting those already quarantined."""
    return con.execute(read_sql("select/select_batch_size.sql")).fetchall()[0][0]


def apply_quarantine(con: duckdb.DuckDBPyConnection, suite: str, verdict: Verdict) -> None:
    """Record the quarantined articles and remove their rows from every staging table."""
    rows = [
        {"article_id": article_id, "suite": suite, "expectation": expectation}
        for article_id, expectations in verdict.quarantine.items()
        for expectation in expectations
    ]
    con.register("new_quarantine", pd.DataFrame(rows))
    try:
        for attempt in transactions(con):
            with attempt:
                con.execute(read_sql("load/merge_into_quarantined_articles.sql"))
                con.execute(read_sql("staging/delete_quarantined_rows.sql"))
    finally:
        con.unregister("new_quarantine")
