"""inbox_sensor on real files: new, rewritten and `cp -p` copies are requested, each version
once, and the cursor stays small however many files the inbox has seen."""

import os
import shutil
import time
from pathlib import Path

import dagster as dg

from orchestration.ingest.intake import SETTLE_NS
from orchestration.ingest.resources import SourcesResource
from orchestration.ingest.sensors import evaluate_inbox, inbox_sensor

BODY = "The harbour authority said on Friday that the new container terminal would open."
YEAR_2001 = 978_307_200


def look(inbox: Path, cursor: str | None) -> dg.SensorResult | dg.SkipReason:
    """One evaluation of the sensor, now."""
    sources = SourcesResource(folders=[str(inbox)], inbox=str(inbox))
    return inbox_sensor(dg.build_sensor_context(cursor=cursor, resources={"sources": sources}))


def requested(result: dg.SensorResult | dg.SkipReason) -> list[str]:
    """The files an evaluation requested runs for."""
    if isinstance(result, dg.SkipReason):
        return []
    return [
        path
        for request in result.run_requests
        for path in request.run_config["ops"]["raw_articles"]["config"]["paths"]
    ]


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_rewritten_file_is_requested_again(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    article = write(inbox / "a.txt", f"{BODY} First.")
    first = look(inbox, None)
    assert requested(first) == [str(article)]
    write(article, f"{BODY} Second, longer.")
    os.utime(article, ns=(time.time_ns(), time.time_ns()))
    second = look(inbox, first.cursor)
    assert requested(second) == [str(article)]
    assert isinstance(look(inbox, second.cursor), dg.SkipReason)


def test_a_copy_keeping_an_old_modification_time_is_requested(tmp_path: Path) -> None:
    inbox, elsewhere = tmp_path / "inbox", tmp_path / "archive"
    write(inbox / "a.txt", f"{BODY} A.")
    first = look(inbox, None)
    old = write(elsewhere / "old.txt", f"{BODY} Written in 2001.")
    os.utime(old, (YEAR_2001, YEAR_2001))
    shutil.copy2(old, inbox / "old.txt")  # as `cp -p` does
    assert (inbox / "old.txt").stat().st_mtime == YEAR_2001
    later = look(inbox, first.cursor)
    assert requested(later) == [str(inbox / "old.txt")]


def test_cursor_stays_under_a_kilobyte_after_5000_files(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    for i in range(5000):
        write(inbox / f"article-{i:04}.txt", f"{BODY} Number {i}.")
    # A look a moment after the drop, once the files have settled.
    now = time.time_ns() + SETTLE_NS
    first = evaluate_inbox(inbox, None, now)
    paths = requested(first)
    assert len(paths) == len(set(paths)) == 5000
    assert len(first.run_requests) == 5
    assert len(first.cursor) < 1024
    assert isinstance(evaluate_inbox(inbox, first.cursor, now + 60 * SETTLE_NS), dg.SkipReason)


def test_nothing_is_requested_twice(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    for name in ("a.txt", "b.md", "c.json"):
        write(inbox / name, f"{BODY} {name}")
    first = look(inbox, None)
    write(inbox / "d.txt", f"{BODY} d")
    second = look(inbox, first.cursor)
    again = look(inbox, second.cursor)
    settled = evaluate_inbox(inbox, second.cursor, time.time_ns() + 10 * SETTLE_NS)
    paths = requested(first) + requested(second) + requested(again) + requested(settled)
    assert sorted(paths) == sorted(str(p) for p in inbox.iterdir())
    assert isinstance(again, dg.SkipReason) and isinstance(settled, dg.SkipReason)
