"""What grouping a batch into stories costs against a large warehouse: signing the batch, and
matching it against every stored signature, in time and in traced Python memory; beside it,
the memory a MinHash LSH index holding every stored signature would take.

    python -m benchmarks.stories --stored 20000 --batch 2000

The stored articles and the batch are generated (benchmarks/corpus.py, two seeds); the stored
ones are written to a scratch warehouse as ingest and the load write them, and read back as a
load reads them. Different articles from six templates: no new article should join a stored one.
"""

import argparse
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa
from datasketch import LeanMinHash, MinHashLSH

from benchmarks.corpus import Article, generate_articles
from orchestration.core.connection import connect
from orchestration.core.sql import read_sql
from orchestration.ingest.articles import ArticleInput, body_hash
from orchestration.ingest.load import store_inputs
from orchestration.warehouse.stories import (
    LSH_BANDS,
    LSH_ROWS,
    NUM_PERM,
    SCHEME,
    SEED,
    Signed,
    group,
    signatures,
)
from orchestration.warehouse.story_load import signature_array, stored_signatures

MIB = 2**20


def timed(work: Callable[[], Any]) -> tuple[Any, float]:
    """What `work` returns and its wall seconds."""
    started = time.perf_counter()
    result = work()
    return result, time.perf_counter() - started


def traced_peak(work: Callable[[], Any]) -> float:
    """The peak Python memory `work` allocates, in MiB (traced, so run apart from timing)."""
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1] / MIB
    finally:
        tracemalloc.stop()


def store(con: duckdb.DuckDBPyConnection, articles: list[Article]) -> list[np.ndarray]:
    """Store `articles` as ingest does and their signatures as a load does, each article its
    own story; return the signatures."""
    store_inputs(con, [ArticleInput(source=a.slug, body=a.body) for a in articles], [])
    signed = signatures(a.body for a in articles)
    ids = pa.array([body_hash(a.body) for a in articles], type=pa.string())
    members = pa.table({"article_id": ids, "story_id": ids,
                        "signature": signature_array(signed)})  # fmt: skip
    merged = pa.table({"story_id": pa.array([], pa.string()),
                       "into_story_id": pa.array([], pa.string())})  # fmt: skip
    con.register("new_story_members", members)
    con.register("merged_stories", merged)
    con.execute(read_sql("load/merge_into_story_signatures.sql"))
    return signed


def whole_index(signed: list[np.ndarray]) -> MinHashLSH:
    """A MinHash LSH index holding every signature of `signed`."""
    index = MinHashLSH(num_perm=NUM_PERM, params=(LSH_BANDS, LSH_ROWS))
    for n, values in enumerate(signed):
        index.insert(n, LeanMinHash(seed=SEED, hashvalues=values, scheme=SCHEME))
    return index


def main() -> None:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stored", type=int, default=20_000)
    parser.add_argument("--batch", type=int, default=2_000)
    options = parser.parse_args()
    batch = [a.body for a in generate_articles(options.batch, seed=1)]
    made, signing = timed(lambda: signatures(batch))
    new = [Signed(f"new-{n:06d}", (1, n), s) for n, s in enumerate(made)]
    with tempfile.TemporaryDirectory() as folder, connect(Path(folder) / "w.duckdb") as con:
        stored = store(con, generate_articles(options.stored))
        grouping, matching = timed(lambda: group(new, stored_signatures(con)))
        matching_peak = traced_peak(lambda: group(new, stored_signatures(con)))
    _, building = timed(lambda: whole_index(stored))
    whole_peak = traced_peak(lambda: whole_index(stored))
    joined = sum(1 for article, story in grouping.stories.items() if story != article)
    print(f"signing {options.batch} articles: {signing:.2f} s")
    print(f"matching them against {options.stored} stored signatures: {matching:.2f} s, "
          f"peak {matching_peak:.1f} MiB traced; {joined} joined another's story")  # fmt: skip
    print(f"an index of all {options.stored} stored signatures: {whole_peak:.1f} MiB traced, "
          f"built in {building:.2f} s")  # fmt: skip


if __name__ == "__main__":
    main()
