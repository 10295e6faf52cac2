"""inbox_sensor: every format dropped into the inbox lands once, and only new files run again."""

import json
import shutil
from pathlib import Path

import dagster as dg
import duckdb

from orchestration.ingest.resources import SourcesResource
from orchestration.ingest.sensors import inbox_sensor
from orchestration.runner import reported, run_job
from tests.conftest import FIXTURES

BODY = (
    "The regional water board said on Wednesday that reservoir levels had recovered after "
    "heavy rain, and that restrictions on garden watering would end next month."
)


def drop_files(inbox: Path) -> None:
    inbox.mkdir(parents=True, exist_ok=True)
    (inbox / "plain.txt").write_text(f"Reservoirs recover after rain\n\n{BODY} Plain.", "utf-8")
    (inbox / "notes.md").write_text(
        f"---\ntitle: Water limits to end\npublished: 2025-04-02\n---\n{BODY} Markdown.", "utf-8"
    )
    (inbox / "one.json").write_text(json.dumps({"title": "JSON", "body": BODY + " JSON."}), "utf-8")
    (inbox / "two.jsonl").write_text(
        "\n".join(json.dumps({"title": f"Line {i}", "body": f"{BODY} Line {i}."}) for i in (1, 2)),
        "utf-8",
    )
    shutil.copy(FIXTURES / "site" / "rail-link.html", inbox / "page.html")


def evaluate(sources: SourcesResource, cursor: str | None) -> dg.SensorResult | dg.SkipReason:
    return inbox_sensor(dg.build_sensor_context(cursor=cursor, resources={"sources": sources}))


def run_requests(result: dg.SensorResult, sources: SourcesResource, warehouse: Path) -> list[int]:
    """Run what the sensor requested; the new articles each run reported."""
    new = []
    for request in result.run_requests:
        run = run_job(None, warehouse, sources=sources, run_config=request.run_config)
        assert run.success
        new.append(reported(run, "raw_articles", "new_articles"))
    return new


def test_every_dropped_format_lands_once(tmp_path: Path) -> None:
    inbox, warehouse = tmp_path / "inbox", tmp_path / "warehouse.duckdb"
    sources = SourcesResource(folders=[str(inbox)], inbox=str(inbox))
    drop_files(inbox)

    first = evaluate(sources, None)
    assert isinstance(first, dg.SensorResult)
    assert run_requests(first, sources, warehouse) == [6]

    again = evaluate(sources, first.cursor)
    assert isinstance(again, dg.SkipReason)
    # A repeated request (a retried run) adds nothing either.
    assert run_requests(first, sources, warehouse) == [0]

    (inbox / "late.txt").write_text(f"{BODY} A late arrival.", "utf-8")
    later = evaluate(sources, first.cursor)
    assert isinstance(later, dg.SensorResult)
    [request] = later.run_requests
    assert request.run_config["ops"]["raw_articles"]["config"]["paths"] == [str(inbox / "late.txt")]
    assert run_requests(later, sources, warehouse) == [1]

    with duckdb.connect(str(warehouse), read_only=True) as con:
        titles = sorted(r[0] or "" for r in con.execute("select title from dim_article").fetchall())
        sources_seen = con.execute("select count(*) from article_sources").fetchone()[0]
    assert titles == sorted(
        ["", "JSON", "Kenya opens rail link to Ugandan border", "Line 1", "Line 2",
         "Reservoirs recover after rain", "Water limits to end"]
    )  # fmt: skip
    assert sources_seen == 7
