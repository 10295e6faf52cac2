"""Plain-text articles: the title a headline line gives, the outlet a dateline names, and the
path of each article's file from the folder it was read from."""

import json
from pathlib import Path

from orchestration.ingest.formats import read_txt
from orchestration.ingest.policy import IngestPolicy
from orchestration.ingest.readers import read_path, read_paths
from orchestration.ingest.text import split_headline

ANY_LENGTH = IngestPolicy(min_words=1)
BODY = "Officials said on Monday that the plan would go ahead."
# Text -> the title its first paragraph gives, or None when the first paragraph is body.
HEADLINES = {
    # A short line without a final stop, then a blank line: a headline.
    f"Floods close schools in Dhaka\n\n{BODY}": "Floods close schools in Dhaka",
    f"Markets rally as Fed holds rates\n \t\n{BODY}": "Markets rally as Fed holds rates",
    f"Chipmaker profit jumps 68%\n\nSEOUL (Yonhap) \u2014 {BODY}": "Chipmaker profit jumps 68%",
    # The first line of a paragraph wrapped over several lines is not a headline.
    f"The central bank said on Tuesday it would keep\nrates on hold.\n\n{BODY}": None,
    # Neither is a first line the body follows without a blank line.
    f"Floods close schools in Dhaka\n{BODY}": None,
    # Nor an opening sentence, however it ends, nor a line holding only a dateline.
    f"Prices rose again in March\u2026\n\n{BODY}": None,
    f"BRUSSELS 1996-08-22\n\n{BODY}": None,
    f"WASHINGTON (AP) \u2014\n\n{BODY}": None,
}
# Text of a body -> the outlet its dateline names.
OUTLETS = {
    f"SEOUL, Aug 16 (Reuters) - {BODY}": "Reuters",
    f"XI'AN. KAZINFORM - {BODY}": "KAZINFORM",
    f"ASTANA. KAZINFORM President Tokayev met the minister. {BODY}": "KAZINFORM",
    f"WASHINGTON (AP) \u2014 {BODY}": "AP",
    f"SANTIAGO, Chile (AP) \u2014 {BODY}": "AP",
    f"Lisbon, March 11 (Lusa) - {BODY}": "Lusa",
    # A dateline naming no agency, an agency named only later, an ordinary opening phrase.
    f"NUR-SULTAN \u2013 {BODY}": None,
    f"{BODY} He met the minister, reports the Kremlin press service.": None,
    f"Apple (AAPL) - Shares rose. {BODY}": None,
    f"ASTANA. NATO leaders met. {BODY}": None,
}


def test_a_headline_is_a_short_first_line_set_off_by_a_blank_line() -> None:
    assert {text: split_headline(text)[0] for text in HEADLINES} == HEADLINES


def test_the_body_after_a_headline_starts_at_the_body_text() -> None:
    for text, title in HEADLINES.items():
        [article] = read_txt("a.txt", text.encode()).articles
        assert article.title == title
        assert article.body == (text.removeprefix(title) if title else text).strip()


def test_the_outlet_is_the_agency_the_dateline_names() -> None:
    outlets = {body: read_txt("a.txt", body.encode()).articles[0].outlet for body in OUTLETS}
    assert outlets == OUTLETS


def test_a_headline_and_a_dateline_give_title_and_outlet() -> None:
    text = f"Kazakh leader visits Seoul\n\nSEOUL, Aug 16 (Reuters) - {BODY}\n"
    [article] = read_txt("a.txt", text.encode()).articles
    assert (article.title, article.outlet) == ("Kazakh leader visits Seoul", "Reuters")
    assert article.body == f"SEOUL, Aug 16 (Reuters) - {BODY}"


def test_each_file_keeps_its_path_from_the_folder_it_was_read_from(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    (folder / "wire").mkdir(parents=True)
    (folder / "wire" / "seoul.txt").write_text(BODY, encoding="utf-8")
    lines = [json.dumps({"body": f"{BODY} {n}"}) for n in range(2)]
    (folder / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    found = {a.relative_path for a in read_paths([folder], ANY_LENGTH).articles}
    assert found == {"wire/seoul.txt", "feed.jsonl#L1", "feed.jsonl#L2"}
    # A file named on its own is read from the folder that holds it.
    [article] = read_path(folder / "wire" / "seoul.txt", ANY_LENGTH).articles
    assert article.relative_path == "seoul.txt"
