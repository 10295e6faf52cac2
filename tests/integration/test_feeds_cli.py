"""`newsledger feeds check` and `newsledger run --feeds`, with feeds on a real server on
127.0.0.1 (which the feeds file allows)."""

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from orchestration.cli import app
from orchestration.core.connection import connect
from orchestration.ingest.feed_state import record_fetches
from orchestration.ingest.feeds import Feed, poll_feed
from orchestration.ingest.policy import IngestPolicy
from tests.feed_site import Site, site

pytestmark = pytest.mark.usefixtures("loopback_only")


@pytest.fixture
def newsroom() -> Iterator[Site]:
    with site() as served:
        served.page("/homes.html", "Council approves new homes by the river", 1)
        served.page("/port.html", "Port reopens after a week of storms", 2)
        served.feed("/rss.xml", ["/homes.html", "/port.html"], etag='"v1"')
        yield served


def feeds_file(tmp_path: Path, newsroom: Site) -> Path:
    path = tmp_path / "feeds.yaml"
    path.write_text(
        "allow_private_networks: true\nhost_interval_seconds: 0\nfeeds:\n"
        f"  - name: Courier\n    url: {newsroom.base}/rss.xml\n"
        f"  - name: Later\n    url: {newsroom.base}/later.xml\n    obey_robots_txt: false\n",
        encoding="utf-8",
    )
    return path


def table_rows(lines: list[str]) -> list[list[str]]:
    """The cells of each line of a printed table that starts a row (its first cell not empty)."""
    rows = [[c.strip() for c in line.split("│")[1:-1]] for line in lines if "│" in line]
    return [cells for cells in rows if cells and cells[0]]


def test_feeds_check_lists_each_feed_with_its_last_fetch(newsroom: Site, tmp_path: Path) -> None:
    warehouse = tmp_path / "warehouse.duckdb"
    policy = IngestPolicy(allow_private_networks=True, host_interval_seconds=0)
    _, report = poll_feed(Feed("Courier", f"{newsroom.base}/rss.xml"), set(), policy)
    with connect(warehouse) as con:
        record_fetches(con, [report])

    done = CliRunner().invoke(
        app, ["feeds", "check", str(feeds_file(tmp_path, newsroom)), "--warehouse", str(warehouse)]
    )

    assert done.exit_code == 0, done.output
    lines = done.output.splitlines()
    assert "  allow_private_networks: True" in lines
    rows = {cells[0]: cells for cells in table_rows(lines)}
    # feed, url, robots.txt, last fetch, status, entries, new pages (long cells fold onto the
    # lines below; their first line is on the feed's).
    assert rows["Courier"][2] == "obeyed"
    assert rows["Courier"][4:] == ["200", "2", "2"]
    assert rows["Later"][2:] == ["ignored", "never", "", "", ""]


def test_feeds_check_names_every_mistake(tmp_path: Path) -> None:
    path = tmp_path / "feeds.yaml"
    path.write_text("feeds:\n  - name: No URL\n  - url: file:///etc/passwd\n", encoding="utf-8")
    done = CliRunner().invoke(app, ["feeds", "check", str(path)])
    assert done.exit_code == 1
    assert "feed 1: url is missing" in done.output
    assert "feed 2: url file:///etc/passwd is not http or https" in done.output


def test_run_with_feeds_ingests_them_without_the_ui(newsroom: Site, tmp_path: Path) -> None:
    warehouse, empty = tmp_path / "warehouse.duckdb", tmp_path / "nothing"
    empty.mkdir()
    feeds = feeds_file(tmp_path, newsroom)
    done = CliRunner().invoke(
        app,
        ["run", str(empty), "--feeds", "--feeds-file", str(feeds), "--warehouse", str(warehouse)],
    )
    assert done.exit_code == 0, done.output
    with duckdb.connect(str(warehouse), read_only=True) as con:
        titles = con.execute("select title from dim_article order by 1").fetchall()
        state = con.execute(
            "select feed_name, http_status, new_pages from feed_state order by 1"
        ).fetchall()
    assert titles == [
        ("Council approves new homes by the river",),
        ("Port reopens after a week of storms",),
    ]
    assert state == [("Courier", 200, 2), ("Later", 404, 0)]
