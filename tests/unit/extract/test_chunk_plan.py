"""Planning extraction chunks and combining what their steps report."""

from orchestration.core.previews import PREVIEW_ROWS
from orchestration.extract.chunk_plan import ChunkReport, combined, planned_chunks


def test_chunks_keep_the_order_and_hold_at_most_the_chunk_size() -> None:
    ids = [f"a{i}" for i in range(23)]
    chunks = planned_chunks(ids, 10)
    assert [c.key for c in chunks] == ["chunk_1", "chunk_2", "chunk_3"]
    assert [len(c.article_ids) for c in chunks] == [10, 10, 3]
    assert [i for c in chunks for i in c.article_ids] == ids


def test_keys_sort_in_plan_order_past_nine_chunks() -> None:
    keys = [c.key for c in planned_chunks([str(i) for i in range(12)], 1)]
    assert keys == sorted(keys) and keys[0] == "chunk_01"


def test_no_pending_articles_plan_no_chunk() -> None:
    assert planned_chunks([], 10) == []


def test_reports_add_up_and_previews_stay_bounded() -> None:
    full = ChunkReport(extracted=PREVIEW_ROWS, preview=[{"n": i} for i in range(PREVIEW_ROWS)])
    other = ChunkReport(extracted=2, failed=1, preview=[{"n": -1}], failures=[{"article": "x"}])
    total = combined([full, other])
    assert (total.extracted, total.failed) == (PREVIEW_ROWS + 2, 1)
    assert total.preview == full.preview
    assert total.failures == [{"article": "x"}]
