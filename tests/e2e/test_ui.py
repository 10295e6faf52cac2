"""A person's path through the UI, in headless Chromium: open the graph, Materialize all."""

import contextlib
import os
import time
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from tests.e2e.browser import CHROMIUM, CHROMIUM_ARGS
from tests.e2e.dagster_server import dagster_dev, graphql, wait_for_assets
from tests.gold import load_gold

playwright = pytest.importorskip("playwright.sync_api")
RUNS = "{ runsOrError { ... on Runs { results { runId status } } } }"


def wait_for_run(base: str, timeout: float = 300) -> tuple[str, str]:
    """The id and final status of the latest run, once it has ended."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        runs = graphql(base, RUNS)["runsOrError"]["results"]
        if runs and runs[0]["status"] in ("SUCCESS", "FAILURE", "CANCELED"):
            return runs[0]["runId"], runs[0]["status"]
        time.sleep(1)
    raise TimeoutError("the run did not finish in time")


def step_processes(home: Path, run_id: str) -> set[int]:
    """The processes the run's steps started in, from the instance's event log."""
    with dg.DagsterInstance.from_config(str(home)) as instance:
        records = instance.get_records_for_run(run_id, of_type=dg.DagsterEventType.STEP_START)
        return {record.event_log_entry.dagster_event.pid for record in records.records}


@pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CI"),
    reason="needs Debian's chromium (.ci/run installs it)",
)
def test_materialize_all_from_the_asset_graph(tmp_path: Path) -> None:
    warehouse = tmp_path / "warehouse.duckdb"
    home = tmp_path / "home"
    with dagster_dev(home, {"NEWSLEDGER_WAREHOUSE": str(warehouse)}) as base:
        wait_for_assets(base)
        with playwright.sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(f"{base}/asset-groups", wait_until="networkidle")
            with contextlib.suppress(playwright.TimeoutError):  # Dagster's newsletter prompt
                page.get_by_role("button", name="Skip").click(timeout=5000)
            page.get_by_role("button", name="Materialize all").click()
            page.get_by_text("Launched run").wait_for(timeout=30000)
            run_id, status = wait_for_run(base)
            page.goto(f"{base}/runs", wait_until="networkidle")
            page.get_by_text("Success").first.wait_for(timeout=30000)
            page.screenshot(path=str(tmp_path / "runs.png"), full_page=True)
            browser.close()
    assert status == "SUCCESS"
    assert len(step_processes(home, run_id)) == 1  # each step in a process would import again
    assert (tmp_path / "runs.png").stat().st_size > 0
    with duckdb.connect(str(warehouse), read_only=True) as con:
        quotes = con.execute(
            """select count(*) from fct_quote join raw_articles using (article_id)
               where source like '%tokayev-visits-south-korea.txt'"""
        ).fetchone()[0]
        assert quotes == len(load_gold("tokayev-visits-south-korea")["quotes"])
        assert con.execute("select count(*) from dq_results").fetchone()[0] > 0
