"""Hostile contents: deep JSON, YAML bombs and tags, impossible or far-off dates, huge bodies."""

import json
import time
from datetime import date
from pathlib import Path

import pytest

from orchestration.ingest.articles import ArticleInput
from orchestration.ingest.policy import IngestPolicy
from orchestration.ingest.readers import read_path
from orchestration.ingest.text import stated_date
from tests.hostile import billion_laughs

BODY = " ".join(["Officials confirmed the plan on Monday after a long debate."] * 4)
POLICY = IngestPolicy()
BILLION_LAUGHS = billion_laughs(BODY)


def read_one(path: Path, content: str) -> ArticleInput:
    path.write_text(content, encoding="utf-8")
    [article] = read_path(path).articles
    return article


def test_deeply_nested_json_is_rejected_with_a_reason(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 10_000 + "]" * 10_000, encoding="utf-8")
    [rejection] = read_path(path).rejections
    assert rejection.reason == "JSON nested deeper than 64 levels"


def test_deep_body_field_is_rejected_but_brackets_in_text_do_not_count(tmp_path: Path) -> None:
    nested = {"body": BODY, "extra": json.loads("[" * 70 + "]" * 70)}
    (tmp_path / "nested.json").write_text(json.dumps(nested), encoding="utf-8")
    assert read_path(tmp_path / "nested.json").rejections[0].reason == (
        "JSON nested deeper than 64 levels"
    )
    text = {"body": f"{BODY} " + '[{"\\' * 5000, "title": "Brackets"}
    assert read_one(tmp_path / "text.json", json.dumps(text)).title == "Brackets"


def test_deep_json_lines_line_is_rejected_alone(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [json.dumps({"body": BODY, "title": "Kept"}), "{" * 100_000]
    path.write_text("\n".join(lines), encoding="utf-8")
    result = read_path(path)
    assert [a.title for a in result.articles] == ["Kept"]
    [rejection] = result.rejections
    assert (rejection.source, rejection.reason) == (
        f"{path}#L2",
        "line 2: JSON nested deeper than 64 levels",
    )


def test_billion_laughs_front_matter_is_refused_in_milliseconds(tmp_path: Path) -> None:
    path = tmp_path / "laughs.md"
    path.write_text(BILLION_LAUGHS, encoding="utf-8")
    started = time.monotonic()
    [rejection] = read_path(path).rejections
    assert time.monotonic() - started < 5
    assert rejection.reason == (
        "front matter has an anchor; YAML anchors, aliases and tags are not accepted"
    )


@pytest.mark.parametrize(
    ("header", "found"),
    [
        ("title: !!python/object:os.system x", "a tag"),
        ("title: !custom x", "a tag"),
        ("title: *missing", "an alias"),
        ("title: &t x", "an anchor"),
    ],
)
def test_front_matter_with_tags_aliases_or_anchors_is_refused(
    header: str, found: str, tmp_path: Path
) -> None:
    path = tmp_path / "tagged.md"
    path.write_text(f"---\n{header}\n---\n{BODY}", encoding="utf-8")
    [rejection] = read_path(path).rejections
    assert rejection.reason == (
        f"front matter has {found}; YAML anchors, aliases and tags are not accepted"
    )


def test_front_matter_over_its_size_limit_or_nested_deep_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.md"
    header = "title: x\n" + "note: " + "y" * 70_000
    path.write_text(f"---\n{header}\n---\n{BODY}", encoding="utf-8")
    size = len(header.encode()) + 1
    assert read_path(path).rejections[0].reason == (
        f"front matter too large: {size} bytes (limit 65536)"
    )
    deep = "".join(f"{'  ' * i}k{i}:\n" for i in range(40)) + "  " * 40 + "v"
    path.write_text(f"---\n{deep}\n---\n{BODY}", encoding="utf-8")
    assert read_path(path).rejections[0].reason == "front matter nested deeper than 16 levels"


@pytest.mark.parametrize(
    ("published", "source"),
    [
        ("2024-13-45", "rejected: not a date: 2024-13-45"),
        ("9999-12-31", "rejected: 9999-12-31 is after the latest accepted date {latest}"),
        ("0001-01-01", "rejected: 0001-01-01 is before the earliest accepted date 1800-01-01"),
        ("1600-03-01", "rejected: 1600-03-01 is before the earliest accepted date 1800-01-01"),
        ("2024-05-07", "given"),
    ],
)
def test_front_matter_dates_out_of_range_or_impossible_are_not_stored(
    published: str, source: str, tmp_path: Path
) -> None:
    article = read_one(tmp_path / "a.md", f"---\ntitle: T\npublished: {published}\n---\n{BODY}")
    expected = date.fromisoformat(published) if source == "given" else None
    # The latest accepted date moves with the clock: read it when the test runs, not when
    # the tests were collected, which may have been the day before.
    reason = source.format(latest=POLICY.latest_published())
    assert (article.published_date, article.published_date_source) == (expected, reason)


@pytest.mark.parametrize(
    ("published", "source"),
    [
        (1.5e300, "rejected: a number is not a date"),
        (20240507, "rejected: a number is not a date"),
        (True, "rejected: a boolean is not a date"),
        (["2024-05-07"], "rejected: a list is not a date"),
        ({"year": 2024}, "rejected: a mapping is not a date"),
        ("1.5e300", "rejected: not a date: 1.5e300"),
        ("7", "rejected: not a date: 7"),
        ("x" * 100, f"rejected: not a date: {'x' * 64}…"),
        (None, None),
        ("", None),
    ],
)
def test_json_dates_of_the_wrong_type_are_not_stored(
    published: object, source: str | None, tmp_path: Path
) -> None:
    article = read_one(tmp_path / "a.json", json.dumps({"body": BODY, "published": published}))
    assert (article.published_date, article.published_date_source) == (None, source)


def test_stated_dates_in_common_forms_are_given() -> None:
    assert stated_date("7 May 2024") == stated_date("2024-05-07T09:30:00Z")
    assert stated_date("2024-05-07").value == date(2024, 5, 7)
    assert stated_date(date(2024, 5, 7)).source == "given"


def test_article_over_the_word_limit_is_rejected_with_its_count(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("word " * 1_000_000, encoding="utf-8")
    [rejection] = read_path(path).rejections
    assert rejection.reason == "body too long to be an article: 1000000 words (maximum 200000)"
    [rejection] = read_path(path, IngestPolicy(max_words=20)).rejections
    assert rejection.reason.endswith("(maximum 20)")


def test_lone_surrogates_in_json_are_replaced_not_stored(tmp_path: Path) -> None:
    path = tmp_path / "surrogate.json"
    path.write_text(f'{{"body": "{BODY} \\ud800", "title": "\\udfff T"}}', encoding="utf-8")
    [article] = read_path(path).articles
    assert (article.body, article.title) == (f"{BODY} \ufffd", "\ufffd T")


def test_numbers_too_long_for_python_are_invalid_input_not_errors(tmp_path: Path) -> None:
    path = tmp_path / "digits.json"
    path.write_text(f'{{"body": "{BODY}", "published": {"9" * 5000}}}', encoding="utf-8")
    assert read_path(path).rejections[0].reason.startswith("invalid JSON: Exceeds the limit")
    path = tmp_path / "digits.md"
    path.write_text(f"---\npublished: {'9' * 5000}\n---\n{BODY}", encoding="utf-8")
    assert read_path(path).rejections[0].reason.startswith("invalid YAML front matter: Exceeds")
