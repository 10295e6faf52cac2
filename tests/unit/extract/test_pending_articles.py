"""Records written back by extraction: one row per article however often it is written."""

from pathlib import Path

import duckdb

from orchestration.core.resources import WarehouseResource
from orchestration.extract.chunks import StoredRecord
from orchestration.extract.pending_articles import PendingArticles


def record(article_id: str, payload: str) -> StoredRecord:
    """A stored record of `article_id` holding `payload`."""
    return StoredRecord(article_id, "0.3.0", "en_core_web_sm", payload, summary={})


def test_an_article_written_again_keeps_one_row_the_latest(warehouse_path: Path) -> None:
    warehouse = WarehouseResource(path=str(warehouse_path))
    for payload in ('{"run": 1}', '{"run": 2}'):
        pending = PendingArticles(warehouse)
        pending.write([record("a1", payload), record("a2", payload)])
        pending.flush()
    with duckdb.connect(str(warehouse_path), read_only=True) as con:
        rows = con.execute(
            "select article_id, payload->>'run' from extractions order by article_id"
        ).fetchall()
    assert rows == [("a1", "2"), ("a2", "2")]
