"""Arbitrary Unicode never breaks the readers or extraction, and offsets stay exact."""

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orchestration.extract.document import extract_article, load_pipeline
from orchestration.ingest.readers import READERS, read_path

# Text with the characters news articles mix: letters, digits, punctuation, quotes, currency
# signs, dashes, spaces of every kind, plus anything else Unicode allows.
NEWSY = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("“”\"'’«»$€£¥%–—-.,;:!? \n\t\u00a0")),
        st.characters(codec="utf-8"),
    ),
    max_size=400,
)
WORDS = st.lists(
    st.one_of(
        st.sampled_from(["President", "Smith", "said", "$5 billion", "12%", "Monday", "in",
                         "Paris", "the", "“", "”", "Ltd", "last year", "2019", "two-day"]),
        st.text(min_size=1, max_size=12),
    ),
    max_size=80,
).map(" ".join)  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=2000), suffix=st.sampled_from(sorted(READERS)))
def test_readers_never_raise_on_arbitrary_bytes(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        result = read_path(path)
    assert len(result.articles) + len(result.rejections) >= 1
    assert all(r.reason for r in result.rejections)


@settings(max_examples=100, deadline=None)
@given(text=NEWSY)
def test_readers_never_raise_on_arbitrary_text(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for suffix, content in [(".txt", text), (".json", json.dumps({"body": text})),
                                (".md", f"---\ntitle: t\n---\n{text}")]:  # fmt: skip
            path = Path(folder) / f"input{suffix}"
            path.write_text(content, encoding="utf-8")
            result = read_path(path)
            assert all(a.body.strip() for a in result.articles)


def assert_offsets_exact(body: str, record: dict) -> None:
    spans = [m for e in record["entities"] for m in e["mentions"]]
    for item in [*spans, *record["figures"], *record["dates"], *record["quotes"]]:
        assert 0 <= item["start"] < item["end"] <= len(body)
        assert body[item["start"] : item["end"]] == item["text"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=st.one_of(NEWSY, WORDS))
def test_extraction_never_raises_and_offsets_slice_the_body(body: str) -> None:
    record = extract_article(load_pipeline(), body)
    assert_offsets_exact(body, record)
