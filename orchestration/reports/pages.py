"""Writing article pages a batch at a time: in this process, or in one of the run's workers."""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from orchestration.reports.article_page import render_article_page
from orchestration.reports.files import write_atomic
from orchestration.reports.index_page import index_entry

Row = dict[str, Any]


@dataclass(frozen=True)
class PageBatch:
    """Article records (see queries.article_records) whose pages go in `folder`."""

    folder: Path
    records: list[Row]


def write_pages(batch: PageBatch) -> list[tuple[str, Row]]:
    """Write the page of each record in `batch`; return each article's index entry, in order.

    It needs no warehouse connection, so a worker process can do it while the caller reads
    the next batch.
    """
    entries = []
    for record in batch.records:
        write_atomic(batch.folder / f"{record['article_id']}.html", render_article_page(record))
        entries.append((record["article_id"], index_entry(record)))
    return entries
