"""How a run's extraction is split into steps, and what each step reports back.

A run extracts one batch of the pending articles. Under the in-process executor it does so
in one step, spreading them over this machine's worker processes. Under an executor that hands
steps to other processes (Celery), the batch is split into chunks of a fixed number of articles,
each chunk a step that any worker may run. A chunk names its articles, not positions in the
backlog, so a step run twice (re-delivered after its worker died) does the same work, and
only what is still pending then.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from orchestration.core.previews import PREVIEW_ROWS

# The mapping key of the one chunk holding the run's batch of pending articles.
ALL_PENDING = "all"


@dataclass(frozen=True)
class ExtractionChunk:
    """The articles one extraction step takes: those of `article_ids` still pending, or the
    run's batch of pending articles when None (extracted over this machine's worker
    processes)."""

    key: str
    article_ids: tuple[str, ...] | None = None


def planned_chunks(article_ids: Sequence[str], chunk_articles: int) -> list[ExtractionChunk]:
    """`article_ids` in order, `chunk_articles` per chunk, keyed by their position."""
    starts = range(0, len(article_ids), chunk_articles)
    width = len(str(len(starts)))
    return [
        ExtractionChunk(f"chunk_{n:0{width}d}", tuple(article_ids[start : start + chunk_articles]))
        for n, start in enumerate(starts, 1)
    ]


@dataclass
class ChunkReport:
    """What a step extracted: its counts, and the first rows of its records and failures."""

    extracted: int = 0
    failed: int = 0
    preview: list[dict[str, Any]] = field(default_factory=list)
    failures: list[dict[str, Any]] = field(default_factory=list)

    def add_preview(self, row: dict[str, Any]) -> None:
        """Keep `row` of an extracted article while the preview has room."""
        if len(self.preview) < PREVIEW_ROWS:
            self.preview.append(row)

    def add_failure(self, row: dict[str, Any]) -> None:
        """Keep `row` of a failed article while the failure preview has room."""
        if len(self.failures) < PREVIEW_ROWS:
            self.failures.append(row)


def combined(reports: Iterable[ChunkReport]) -> ChunkReport:
    """The reports of a run's steps as one, previews in the order of the steps."""
    total = ChunkReport()
    for report in reports:
        total.extracted += report.extracted
        total.failed += report.failed
        for row in report.preview:
            total.add_preview(row)
        for row in report.failures:
            total.add_failure(row)
    return total
