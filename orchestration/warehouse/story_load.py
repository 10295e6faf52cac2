"""Keeping the warehouse's stories: signatures of a batch's new articles, their stories found
among every article loaded before (read back from story_signatures), and the stories
`newsledger forget` leaves behind, grouped again.

Ranks (see stories.group) say which article names a story: a stored story ranks before every
new article, so it keeps its name; among stored stories, and among new articles, the first
ingested ranks first, then the smallest id.
"""

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager

import duckdb
import numpy as np
import pyarrow as pa

from orchestration.core.sql import read_sql
from orchestration.warehouse.stories import (
    NUM_PERM,
    Signed,
    StoredArticle,
    group,
    signatures,
)

# Stored signatures read at a time: 5,000 of 128 values are 2.5 MB.
SIGNATURES_PER_READ = 5000
# The first element of a rank: a stored story comes before any new article.
STORED, NEW = 0, 1


def batch_signatures(con: duckdb.DuckDBPyConnection) -> list[Signed]:
    """Each article of the batch being loaded that has no stored signature, signed and ranked
    as a new article."""
    rows = con.execute(read_sql("load/select_unsigned_batch_articles.sql")).fetchall()
    made = signatures(body for _, _, body in rows)
    return [
        Signed(article_id, (NEW, ingested_at, article_id), signature)
        for (article_id, ingested_at, _), signature in zip(rows, made, strict=True)
    ]


def stored_signatures(con: duckdb.DuckDBPyConnection) -> Iterator[list[StoredArticle]]:
    """Every stored signature with its story, SIGNATURES_PER_READ at a time."""
    cursor = con.execute(read_sql("load/select_story_signatures.sql"))
    for chunk in cursor.to_arrow_reader(SIGNATURES_PER_READ):
        values = chunk.column("signature").flatten().to_numpy().reshape(-1, NUM_PERM)
        yield [
            StoredArticle(article_id, story_id, (STORED, ingested_at, story_id), values[row])
            for row, (article_id, story_id, ingested_at) in enumerate(
                zip(
                    chunk.column("article_id").to_pylist(),
                    chunk.column("story_id").to_pylist(),
                    chunk.column("story_ingested_at").to_pylist(),
                    strict=True,
                )
            )
        ]


def signature_array(signed: Sequence[np.ndarray]) -> pa.Array:
    """The signatures as one Arrow list column, as story_signatures stores them."""
    offsets = np.arange(len(signed) + 1, dtype=np.int32) * NUM_PERM
    flat = np.concatenate(signed) if signed else np.empty(0, dtype=np.uint32)
    return pa.ListArray.from_arrays(pa.array(offsets), pa.array(flat, type=pa.uint32()))


def _ids(values: Iterable[str]) -> pa.Array:
    return pa.array(list(values), type=pa.string())


@contextmanager
def _registered(con: duckdb.DuckDBPyConnection, tables: dict[str, pa.Table]) -> Iterator[None]:
    for name, table in tables.items():
        con.register(name, table)
    try:
        yield
    finally:
        for name in tables:
            con.unregister(name)


@contextmanager
def batch_stories(con: duckdb.DuckDBPyConnection, new: list[Signed]) -> Iterator[None]:
    """Find the stories of the batch's `new` articles (from batch_signatures) and register, for
    the load's merges: new_story_members (their signatures and stories), merged_stories (the
    stories the batch joined into an earlier one) and touched_stories (every story the batch
    adds to, changes or merges). Call it inside the load's transaction."""
    grouping = group(new, stored_signatures(con))
    reloaded = [
        story for (story,) in con.execute(read_sql("load/select_batch_stories.sql")).fetchall()
    ]
    touched = {*grouping.stories.values(), *grouping.merged, *grouping.merged.values(), *reloaded}
    members = pa.table(
        {
            "article_id": _ids(a.article_id for a in new),
            "story_id": _ids(grouping.stories[a.article_id] for a in new),
            "signature": signature_array([a.signature for a in new]),
        }
    )
    merged = pa.table(
        {"story_id": _ids(grouping.merged), "into_story_id": _ids(grouping.merged.values())}
    )
    tables = {
        "new_story_members": members,
        "merged_stories": merged,
        "touched_stories": pa.table({"story_id": _ids(sorted(touched))}),
    }
    with _registered(con, tables):
        yield


def regroup_stories(con: duckdb.DuckDBPyConnection, story_ids: list[str]) -> None:
    """Group the articles left in `story_ids` again, once some of their articles are deleted:
    a story whose first article went is named after the first ingested of those left, and one
    the deleted articles held together splits into the stories its remaining articles form.
    On the writable connection `con`, inside the deleting transaction."""
    rows = con.execute(read_sql("forget/select_story_members.sql"), {"story_ids": story_ids})
    # A story's first article, when it is left, keeps naming the part of the story it is in.
    left = [
        Signed(
            article_id,
            (STORED if article_id == story_id else NEW, ingested_at, article_id),
            np.array(signature, dtype=np.uint32),
        )
        for article_id, story_id, ingested_at, signature in rows.fetchall()
    ]
    grouping = group(left)
    tables = {
        "regrouped_members": pa.table(
            {"article_id": _ids(grouping.stories), "story_id": _ids(grouping.stories.values())}
        ),
        "touched_stories": pa.table(
            {"story_id": _ids(sorted({*story_ids, *grouping.stories.values()}))}
        ),
    }
    with _registered(con, tables):
        con.execute(read_sql("forget/update_story_signatures.sql"))
        con.execute(read_sql("load/merge_into_dim_story.sql"))
