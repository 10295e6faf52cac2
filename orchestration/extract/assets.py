"""Extract stage: run the spaCy pipeline over articles not yet extracted by this version.

A run extracts at most one batch (WarehouseResource.batch_articles) of the pending articles,
the first ingested first: the batch its warehouse stage then loads. A larger backlog is
extracted by the runs that load it, one batch each, so no run's memory grows with the backlog
and every run of a drain does the same work.

The `extractions` asset is a graph of steps: one plans chunks of the run's articles, one step
per chunk extracts it and writes its records, and the last reports the run's totals as the
asset's materialization. Under the in-process executor there is one chunk holding the run's
articles, spread over one worker process per core when there are enough of them (see
chunk_plan.py); under Celery each chunk is a step that any worker may take.
"""

from collections.abc import Iterator
from contextlib import AbstractContextManager, nullcontext

import dagster as dg

from orchestration.core.deployment import DEPLOYMENT
from orchestration.core.previews import preview_markdown
from orchestration.core.resources import WarehouseResource, Workers
from orchestration.core.settings import DUCKDB_POOL
from orchestration.core.workers import WorkerPool
from orchestration.extract.chunk_plan import (
    ALL_PENDING,
    ChunkReport,
    ExtractionChunk,
    combined,
    planned_chunks,
)
from orchestration.extract.chunks import WORKER_START_UP, process_count, stored_chunks
from orchestration.extract.failures import FailedExtraction
from orchestration.extract.pending import articles_to_extract
from orchestration.extract.pending_articles import PendingArticles
from orchestration.extract.resources import NlpResource
from orchestration.extract.version import EXTRACTOR_VERSION

# Whether chunk steps are spread over the executor's worker processes, rather than one step
# spreading every article over this machine's cores.
STEPS_PER_CHUNK = DEPLOYMENT.executor != "in_process"
# In one process, extraction writes the DuckDB file while holding the `duckdb` pool, as every
# other writer does. Spread over workers, chunk steps hold no pool, so that they run side by
# side; each holds the warehouse only for its short reads and writes, waiting for another's
# lock meanwhile (core/connection.py).
CHUNK_POOL = None if STEPS_PER_CHUNK else DUCKDB_POOL
# Spread over workers, a chunk step that raises (the warehouse stayed locked, say) is tried
# again, by whichever worker is free; in one process a failure ends the run as before.
CHUNK_RETRIES = (
    dg.RetryPolicy(max_retries=2, delay=5, backoff=dg.Backoff.EXPONENTIAL)
    if STEPS_PER_CHUNK
    else None
)


@dg.op(
    ins={"raw_articles": dg.In(dg.Nothing)},
    out=dg.DynamicOut(ExtractionChunk),
    pool=DUCKDB_POOL,
)
def plan_extraction_chunks(
    context: dg.OpExecutionContext, warehouse: WarehouseResource
) -> Iterator[dg.DynamicOutput[ExtractionChunk]]:
    """The chunks of pending articles the run extracts, one step each: the first
    `batch_articles` pending articles, in one chunk in-process, else `extract_chunk_articles`
    per chunk."""
    if not STEPS_PER_CHUNK:
        yield dg.DynamicOutput(ExtractionChunk(ALL_PENDING), mapping_key=ALL_PENDING)
        return
    with warehouse.connect(read_only=True) as con:
        pending = articles_to_extract(con)
        awaiting = len(pending)
        article_ids = [row[0] for row in pending.limit(warehouse.batch_articles).fetchall()]
    chunks = planned_chunks(article_ids, DEPLOYMENT.extract_chunk_articles)
    context.log.info(
        f"{len(article_ids)} of {awaiting} pending articles to extract in {len(chunks)} steps "
        f"of up to {DEPLOYMENT.extract_chunk_articles}"
    )
    for chunk in chunks:
        yield dg.DynamicOutput(chunk, mapping_key=chunk.key)


def local_workers(
    chunk: ExtractionChunk, workers: Workers, pending: int
) -> AbstractContextManager[WorkerPool | None]:
    """This machine's worker processes for a chunk of every pending article (see Workers);
    none for a planned chunk, which its step extracts in its own process."""
    if chunk.article_ids is not None:
        return nullcontext()
    return workers.pool(WORKER_START_UP, process_count(pending))


@dg.op(pool=CHUNK_POOL, retry_policy=CHUNK_RETRIES)
def extract_chunk(
    context: dg.OpExecutionContext,
    chunk: ExtractionChunk,
    warehouse: WarehouseResource,
    nlp: NlpResource,
    workers: dg.ResourceParam[Workers],
) -> ChunkReport:
    """Extract the chunk's pending articles (the run's batch of them, for ALL_PENDING) and
    write their records, or their failures, to the warehouse.

    An article whose extraction raises, or whose worker dies, is recorded in
    failed_extractions with its error instead, and logged as a warning; the others go on.
    """
    pending = PendingArticles(
        warehouse,
        chunk.article_ids,
        warehouse.batch_articles if chunk.article_ids is None else None,
    )
    total = pending.count()
    report = ChunkReport()
    # The run's workers are used whatever the number: they have loaded the model already.
    # Otherwise workers start only when there is enough work to repay their start-up.
    with local_workers(chunk, workers, total) as pool:
        context.log.info(
            f"extracting {total} articles "
            + (f"with up to {pool.processes} worker processes" if pool else "in this process")
        )
        pipeline = nlp.pipeline() if pool is None and total else None
        for outcomes in stored_chunks(pending.chunks(), pool, pipeline):
            pending.write(outcomes)
            for outcome in outcomes:
                if isinstance(outcome, FailedExtraction):
                    context.log.warning(
                        f"extraction failed on article {outcome.article_id}: {outcome.summary}"
                    )
                    report.add_failure({"article": outcome.article_id, "error": outcome.summary})
                else:
                    report.add_preview(outcome.summary)
    pending.flush()
    report.extracted, report.failed = pending.extracted, pending.failed
    return report


@dg.op
def summarize_extractions(
    context: dg.OpExecutionContext, reports: list[ChunkReport]
) -> dg.MaterializeResult:
    """The run's extraction totals, and the first of its records and failures."""
    total = combined(reports)
    context.log.info(
        f"extracted {total.extracted} articles with extractor {EXTRACTOR_VERSION}"
        f"; {total.failed} failed"
    )
    return dg.MaterializeResult(
        metadata={
            "articles_extracted": total.extracted,
            "extraction_failures": total.failed,
            "extractor_version": EXTRACTOR_VERSION,
            "preview": dg.MetadataValue.md(preview_markdown(total.preview, total.extracted)),
            "failures": dg.MetadataValue.md(
                preview_markdown(total.failures, total.failed, "failures")
            ),
        }
    )


@dg.graph_asset(
    ins={"raw_articles": dg.AssetIn(dagster_type=dg.Nothing)},
    group_name="extract",
    kinds={"spacy", "duckdb"},
)
def extractions(raw_articles: None) -> dg.MaterializeResult:
    """Entities, figures, dates and quotations of articles not yet extracted by this version,
    one batch a run.

    An article whose extraction raises, or whose worker dies, is recorded in
    failed_extractions with its error instead; the others go on.
    """
    chunks = plan_extraction_chunks(raw_articles=raw_articles)
    return summarize_extractions(chunks.map(extract_chunk).collect())
