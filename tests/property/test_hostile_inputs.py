"""Whatever a folder holds, reading it returns articles and rejections: nothing raises, nothing
is lost. Nested JSON, YAML front matter and file names are generated, hostile ones included."""

import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orchestration.ingest.articles import ReadResult
from orchestration.ingest.policy import DEFAULT_POLICY
from orchestration.ingest.readers import READERS, read_path, read_paths

BODY = " ".join(["Officials confirmed the plan on Monday after a long debate."] * 4)
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=30),
    st.dates().map(str),
)
JSON_VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=20,
)


@st.composite
def deep_json(draw: st.DrawFn) -> object:
    """A value wrapped in up to a few hundred arrays and objects."""
    value = draw(JSON_VALUES)
    for wrap in draw(st.lists(st.booleans(), max_size=300)):
        value = [value] if wrap else {"k": value}
    return value


ARTICLE_RECORDS = st.fixed_dictionaries(
    {"body": st.one_of(st.just(BODY), JSON_VALUES)},
    optional={"title": JSON_VALUES, "published": JSON_VALUES, "url": JSON_VALUES,
              "source": JSON_VALUES, "nested": deep_json()},
)  # fmt: skip

HOSTILE_PIECES = ["a: &a [1, 2]", "b: [*a, *a]", "c: !!python/object:os.system x", "d: !tag x"]
YAML_PIECES = st.sampled_from(
    ["title: T", "published: 2024-13-45", "published: 9999-12-31", "published: 1.5e300",
     "e: *a", "f: {g: [h, {i: j}]}", "- item", "  indented: yes", "? complex", "k: |\n  block",
     "[[[", "published: [2024, 5, 7]", "published: {y: 2024}", "published: true",
     "'quoted: x'", *HOSTILE_PIECES]
)  # fmt: skip

# File names: any Unicode but "/" and NUL, including names that are only a suffix.
NAMES = st.one_of(
    st.text(st.characters(exclude_characters="/\x00", codec="utf-8"), min_size=1, max_size=40),
    st.sampled_from(sorted(READERS)),
    st.sampled_from(sorted(READERS)).map(lambda s: f"x{s}"),
).filter(lambda n: n not in (".", "..") and len(n.encode()) < 200)
KINDS = st.sampled_from(["file", "article", "folder", "link-in", "link-out", "dangling", "fifo"])


def assert_accounted(result: ReadResult, sources: set[str]) -> None:
    """Every input named is an article or a rejection with a reason, and nothing else is."""
    seen = {a.source.split("#L")[0] for a in result.articles}
    seen |= {r.source.split("#L")[0] for r in result.rejections}
    assert seen == sources
    assert all(r.reason for r in result.rejections)
    assert all(a.body.strip() for a in result.articles)
    latest = DEFAULT_POLICY.latest_published()
    for article in result.articles:
        published = article.published_date
        assert published is None or DEFAULT_POLICY.earliest_published <= published <= latest


@FAST
@given(value=st.one_of(deep_json(), ARTICLE_RECORDS))
def test_nested_json_never_raises(value: object) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "input.json"
        path.write_text(json.dumps(value), encoding="utf-8")
        lines = Path(folder) / "input.jsonl"
        lines.write_text(f"{json.dumps(value)}\n{json.dumps({'body': BODY})}", encoding="utf-8")
        assert_accounted(read_path(path), {str(path)})
        assert_accounted(read_path(lines), {str(lines)})


@FAST
@given(
    lines=st.lists(st.one_of(YAML_PIECES, st.text(max_size=40)), max_size=8),
    body=st.one_of(st.just(BODY), st.text(max_size=200)),
)
def test_front_matter_never_raises(lines: list[str], body: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "input.md"
        path.write_text(f"---\n{chr(10).join(lines)}\n---\n{body}", encoding="utf-8")
        assert_accounted(read_path(path), {str(path)})


@FAST
@given(lines=st.lists(YAML_PIECES, min_size=1, max_size=8))
def test_front_matter_with_anchors_aliases_or_tags_is_never_read(lines: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "input.md"
        path.write_text(f"---\n{chr(10).join(lines)}\n---\n{BODY}", encoding="utf-8")
        result = read_path(path)
    assert_accounted(result, {str(path)})
    if set(lines) & {*HOSTILE_PIECES, "e: *a"}:
        assert not result.articles


def make_entry(folder: Path, outside: Path, name: str, kind: str) -> bool:
    """Create `name` in `folder` as `kind`; True when reading the folder must account for it."""
    path = folder / name
    if kind in ("file", "article"):
        path.write_text(BODY if kind == "article" else name, encoding="utf-8")
    elif kind == "folder":
        path.mkdir()
    elif kind == "link-in":
        (folder / "target.txt").write_text(BODY, encoding="utf-8")
        path.symlink_to(folder / "target.txt")
    elif kind == "link-out":
        path.symlink_to(outside)
    elif kind == "dangling":
        path.symlink_to(folder / "missing")
    else:
        os.mkfifo(path)
    if name.startswith("."):
        return False
    return kind != "folder" or Path(name).suffix.lower() in READERS


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entries=st.dictionaries(NAMES, KINDS, min_size=1, max_size=6))
def test_any_folder_entries_are_accounted_for(entries: dict[str, str]) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folder, outside = Path(scratch) / "in", Path(scratch) / "secret.txt"
        folder.mkdir()
        outside.write_text(f"{BODY} secret", encoding="utf-8")
        names = {n: k for n, k in entries.items() if n.lower() != "target.txt"}
        expected = {str(folder / n) for n, k in names.items() if make_entry(folder, outside, n, k)}
        if any(k == "link-in" for k in names.values()):
            expected.add(str(folder / "target.txt"))
        result = read_paths([folder])
    assert_accounted(result, expected)
    assert all("secret" not in a.body for a in result.articles)
