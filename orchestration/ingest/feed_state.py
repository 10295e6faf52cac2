"""Each feed's last fetch, kept in the warehouse (feed_state): what `newsledger feeds check`
lists, and the validators that make the next poll of an unchanged feed a 304."""

from dataclasses import dataclass
from datetime import datetime

import duckdb
import pyarrow as pa

from orchestration.core.sql import read_sql
from orchestration.ingest.feeds import FeedReport
from orchestration.ingest.http import Validators

FEED_STATE_SCHEMA = pa.schema(
    [
        ("feed_url", pa.string()),
        ("feed_name", pa.string()),
        ("http_status", pa.int32()),
        ("error", pa.string()),
        ("entries", pa.int32()),
        ("new_pages", pa.int32()),
        ("deferred", pa.int32()),
        ("etag", pa.string()),
        ("last_modified", pa.string()),
    ]
)


@dataclass(frozen=True)
class LastFetch:
    """A feed's last fetch as feed_state keeps it."""

    feed_url: str
    feed_name: str
    fetched_at: datetime
    http_status: int | None
    error: str | None
    entries: int
    new_pages: int
    deferred: int
    etag: str | None
    last_modified: str | None

    @property
    def validators(self) -> Validators:
        """What the next poll of this feed sends to be answered 304 if it has not changed."""
        return Validators(self.etag, self.last_modified)


def last_fetches(con: duckdb.DuckDBPyConnection) -> dict[str, LastFetch]:
    """The last fetch of every feed polled so far, by feed URL."""
    rows = con.execute(read_sql("select/select_feed_state.sql")).fetchall()
    return {row[0]: LastFetch(*row) for row in rows}


def record_fetches(con: duckdb.DuckDBPyConnection, reports: list[FeedReport]) -> None:
    """Keep each polled feed's fetch in feed_state, in one statement, replacing the one before.

    Called once the feeds' articles are stored: a run that ends in between has not stored the
    validators, so its successor asks for the whole feed again and misses no entry.
    """
    rows = [
        {
            "feed_url": r.url,
            "feed_name": r.feed,
            "http_status": r.http_status,
            "error": r.error,
            "entries": r.entries,
            "new_pages": r.new_pages,
            "deferred": r.deferred,
            "etag": r.validators.etag,
            "last_modified": r.validators.last_modified,
        }
        for r in reports
    ]
    con.register("incoming_feed_state", pa.Table.from_pylist(rows, schema=FEED_STATE_SCHEMA))
    try:
        con.execute(read_sql("load/merge_into_feed_state.sql"))
    finally:
        con.unregister("incoming_feed_state")
