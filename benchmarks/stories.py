"""What grouping a batch into stories costs against a large warehouse: signing the batch, and
matching it against every stored signature, in time and in traced Python memory; beside it,
the memory a MinHash LSH index holding every stored signature would take.

    python -m benchmarks.stories --stored 20000 --batch 2000

The stored signatures are those of generated articles (benchmarks/corpus.py), written to a
scratch DuckDB file's story_signatures table and read back as a load reads them.
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

from benchmarks.corpus import generate_articles
from orchestration.core.connection import connect
from orchestration.core.sql import read_sql
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


def store(con: duckdb.DuckDBPyConnection, signed: list[np.ndarray]) -> None:
    """Write `signed` as the story_signatures of as many articles, each its own story, with
    the load's own merge."""
    ids = pa.array([f"stored-{n:06d}" for n in range(len(signed))], type=pa.string())
    members = pa.table({"article_id": ids, "story_id": ids,
                        "arrival": pa.array(range(1, len(signed) + 1), type=pa.int64()),
                        "signature": signature_array(signed)})  # fmt: skip
    merged = pa.table({"story_id": pa.array([], pa.string()),
                       "into_story_id": pa.array([], pa.string())})  # fmt: skip
    con.register("new_story_members", members)
    con.register("merged_stories", merged)
    con.execute(read_sql("load/merge_into_story_signatures.sql"))


def whole_index(signed: list[np.ndarray]) -> MinHashLSH:
    """A MinHash LSH index holding every signature of `signed`."""
    index = MinHashLSH(num_perm=NUM_PERM, params=(LSH_BANDS, LSH_ROWS))
    for n, values in enumerate(signed):
        index.insert(f"stored-{n:06d}", LeanMinHash(seed=SEED, hashvalues=values, scheme=SCHEME))
    return index


def main() -> None:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stored", type=int, default=20_000)
    parser.add_argument("--batch", type=int, default=2_000)
    options = parser.parse_args()
    stored = signatures(a.body for a in generate_articles(options.stored))
    batch = [a.body for a in generate_articles(options.batch, seed=1)]
    made, signing = timed(lambda: signatures(batch))
    new = [Signed(f"new-{n:06d}", options.stored + n + 1, s) for n, s in enumerate(made)]
    with tempfile.TemporaryDirectory() as folder, connect(Path(folder) / "w.duckdb") as con:
        store(con, stored)
        grouping, matching = timed(lambda: group(new, stored_signatures(con)))
        matching_peak = traced_peak(lambda: group(new, stored_signatures(con)))
    _, building = timed(lambda: whole_index(stored))
    whole_peak = traced_peak(lambda: whole_index(stored))
    joined = sum(1 for story in grouping.stories.values() if story.startswith("stored-"))
    print(f"signing {options.batch} articles: {signing:.2f} s")
    print(f"matching them against {options.stored} stored signatures: {matching:.2f} s, "
          f"peak {matching_peak:.1f} MiB traced; {joined} joined a stored story")  # fmt: skip
    print(f"an index of all {options.stored} stored signatures: {whole_peak:.1f} MiB traced, "
          f"built in {building:.2f} s")  # fmt: skip


if __name__ == "__main__":
    main()
