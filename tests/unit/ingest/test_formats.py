"""Markdown front matter, JSON Lines and HTML pages become articles with their metadata."""

import json
from datetime import date
from pathlib import Path

from orchestration.ingest.readers import read_path

BODY = (
    "The city council approved a new budget on Tuesday after months of debate, "
    "officials said, and work on the northern bridge will begin in the spring."
)


def test_markdown_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(
        "---\ntitle: Council approves budget\npublished: 2024-05-07\nsource: City Herald\n"
        f"url: https://example.org/budget\n---\n\n{BODY}\n",
        encoding="utf-8",
    )
    [article] = read_path(path).articles
    assert article.title == "Council approves budget"
    assert article.published_date == date(2024, 5, 7)
    assert article.outlet == "City Herald"
    assert article.body == BODY


def test_markdown_without_front_matter_takes_headline(tmp_path: Path) -> None:
    path = tmp_path / "b.md"
    path.write_text(f"Council approves budget\n\n{BODY}", encoding="utf-8")
    [article] = read_path(path).articles
    assert (article.title, article.body) == ("Council approves budget", BODY)


def test_unclosed_front_matter_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "c.md"
    path.write_text(f"---\ntitle: x\n{BODY}", encoding="utf-8")
    assert "front matter" in read_path(path).rejections[0].reason


def test_jsonl_keeps_good_lines_and_rejects_the_bad_one(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"title": "One", "body": BODY + " One."}),
        '{"title": "broken", "body": ',
        json.dumps({"title": "Two", "body": BODY + " Two."}),
        json.dumps({"title": "No body"}),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    result = read_path(path)
    assert [a.title for a in result.articles] == ["One", "Two"]
    assert [a.source for a in result.articles] == [f"{path}#L1", f"{path}#L3"]
    assert [(r.source, r.reason.split(":")[0]) for r in result.rejections] == [
        (f"{path}#L2", "line 2"),
        (f"{path}#L4", "line 4"),
    ]


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Budget | City Herald</title>"
        '<meta property="og:site_name" content="City Herald">'
        '<meta property="article:published_time" content="2024-05-07T09:00:00Z"></head>'
        "<body><nav>Home | News | Sport</nav><article><h1>Council approves budget</h1>"
        f"<p>{BODY}</p><p>{BODY}</p></article><footer>Copyright City Herald</footer></body></html>",
        encoding="utf-8",
    )
    [article] = read_path(path).articles
    assert article.title == "Council approves budget"
    assert article.published_date == date(2024, 5, 7)
    assert article.outlet == "City Herald"
    assert article.body.startswith("The city council approved")
    assert "Copyright" not in article.body and "Home | News" not in article.body


def test_html_without_main_text_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><body><div></div></body></html>", encoding="utf-8")
    assert read_path(path).rejections[0].reason == "HTML page has no main text"
