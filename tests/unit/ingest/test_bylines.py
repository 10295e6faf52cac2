"""Authors come from the input's metadata (JSON and front matter `author`/`authors`, HTML
meta tags) or, when it names none, from a byline line heading the body ("By Jane Smith")."""

import json
from pathlib import Path

import pytest

from orchestration.core.bylines import body_head, byline_authors, find_byline
from orchestration.core.datelines import dateline_agency
from orchestration.ingest.authors import article_authors, stated_authors
from orchestration.ingest.readers import read_path
from orchestration.ingest.text import split_headline

REPORT = (
    "LAGOS, March 3 (Reuters) - The state government approved a new ferry terminal on Tuesday, "
    "hoping to move commuters off the city's crowded roads and bridges."
)


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("By Jane Smith", ("Jane Smith",)),
        ("By Jane Smith and Ali Hassan", ("Jane Smith", "Ali Hassan")),
        ("By Jane Smith, Reuters", ("Jane Smith",)),
        ("By Jane Smith and Ali Hassan, Associated Press", ("Jane Smith", "Ali Hassan")),
        ("By Jane Smith, Ali Hassan, and Li Wei", ("Jane Smith", "Ali Hassan", "Li Wei")),
        ("By Jane Smith & Ali Hassan", ("Jane Smith", "Ali Hassan")),
        ("By Ursula von der Leyen in Brussels", ("Ursula von der Leyen",)),
        ("By J. K. Rowling | The Times", ("J. K. Rowling",)),
        ("BY JANE SMITH AND ALI HASSAN", ("Jane Smith", "Ali Hassan")),
        ("By: Jean-Pierre Dubois", ("Jean-Pierre Dubois",)),
        ("By MARIA J. LOPEZ Associated Press Writer", ("Maria J. Lopez",)),
    ],
)
def test_a_byline_gives_its_names_without_the_affiliation(
    line: str, authors: tuple[str, ...]
) -> None:
    assert byline_authors(line) == authors


@pytest.mark.parametrize(
    "line",
    [
        "By the end of May, prices had risen again",
        "By Monday",
        "By Staff Writer",
        "By Reuters Staff",
        "By Our Correspondent",
        "Jane Smith, Reuters",
        "By Jane Smith, who has covered the region for years, said the talks were over.",
        "By 2030 the plant will run on gas",
    ],
)
def test_a_line_that_is_not_a_byline_gives_no_author(line: str) -> None:
    assert byline_authors(line) == ()


def test_the_byline_is_the_first_line_of_a_body_with_text_after_it() -> None:
    body = f"By Jane Smith and Ali Hassan\n\n{REPORT}"
    byline = find_byline(body)
    assert byline is not None
    assert body[byline.start : byline.end] == "By Jane Smith and Ali Hassan"
    assert byline.authors == ("Jane Smith", "Ali Hassan")
    assert body[body_head(body) :] == REPORT
    assert find_byline("By Jane Smith") is None
    assert find_byline(f"{REPORT}\nBy Jane Smith\n{REPORT}") is None
    assert body_head(REPORT) == 0


def test_a_dateline_after_the_byline_still_names_the_agency() -> None:
    assert dateline_agency(f"By Jane Smith\n\n{REPORT}") == "Reuters"
    assert dateline_agency(REPORT) == "Reuters"


def test_a_byline_is_not_taken_for_the_headline() -> None:
    text = f"By Jane Smith\n\n{REPORT}"
    assert split_headline(text) == (None, text)
    assert split_headline(f"Ferry terminal approved\n\n{text}") == ("Ferry terminal approved", text)


@pytest.mark.parametrize(
    ("value", "authors"),
    [
        ("Jane Smith", ("Jane Smith",)),
        ("Jane Smith and Ali Hassan", ("Jane Smith", "Ali Hassan")),
        ("Jane Smith; Ali Hassan", ("Jane Smith", "Ali Hassan")),
        (["Jane Smith", " Ali Hassan ", 7, ""], ("Jane Smith", "Ali Hassan")),
        ([{"name": "Jane Smith"}, {"url": "x"}, {"name": "Li Wei"}], ("Jane Smith", "Li Wei")),
        ("Smith, Jane", ("Smith, Jane",)),
        ("Madonna", ("Madonna",)),
        (42, ()),
        (None, ()),
        ({"name": "Jane Smith"}, ()),
    ],
)
def test_stated_authors(value: object, authors: tuple[str, ...]) -> None:
    assert stated_authors(value) == authors


def test_stated_authors_come_before_the_byline() -> None:
    body = f"By Jane Smith\n\n{REPORT}"
    assert article_authors("Ali Hassan", body) == ("Ali Hassan",)
    assert article_authors(None, body) == ("Jane Smith",)
    assert article_authors(None, REPORT) == ()


def test_each_format_reads_its_authors(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        f"Ferry terminal approved\n\nBy Jane Smith and Ali Hassan\n\n{REPORT}", encoding="utf-8"
    )
    (tmp_path / "b.json").write_text(
        json.dumps(
            {"title": "Ferry", "body": REPORT + " More.", "authors": ["Li Wei", "Ana Ruiz"]}
        ),
        encoding="utf-8",
    )
    (tmp_path / "c.md").write_text(
        f"---\ntitle: Ferry terminal\nauthor: Claire Dubois\n---\n\n{REPORT} Again.",
        encoding="utf-8",
    )
    (tmp_path / "d.html").write_text(
        "<html><head><title>Ferry terminal approved</title>"
        '<meta name="author" content="Daniel Reyes"></head><body><article>'
        f"<h1>Ferry terminal approved</h1><p>{REPORT}</p><p>{REPORT}</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    articles = {Path(a.source).name: a for a in read_path(tmp_path).articles}
    assert articles["a.txt"].authors == ("Jane Smith", "Ali Hassan")
    assert articles["a.txt"].outlet == "Reuters"
    assert articles["a.txt"].title == "Ferry terminal approved"
    assert articles["b.json"].authors == ("Li Wei", "Ana Ruiz")
    assert articles["c.md"].authors == ("Claire Dubois",)
    assert articles["d.html"].authors == ("Daniel Reyes",)
