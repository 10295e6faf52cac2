"""An analyst's path through the reports in headless Chromium: index, article page, dashboard."""

import os
from pathlib import Path

import duckdb
import pytest

from orchestration.runner import reported, run_job
from tests.conftest import FIXTURES
from tests.e2e.browser import CHROMIUM, CHROMIUM_ARGS

playwright = pytest.importorskip("playwright.sync_api")
SEED_TITLE = "tokayev-visits-south-korea.txt"
CHARTS = ["mentions", "money", "cooccurrence"]


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The reports folder written by one run of the whole job on the fixture articles."""
    warehouse = tmp_path_factory.mktemp("reports") / "warehouse.duckdb"
    result = run_job([FIXTURES / "articles"], warehouse)
    assert result.success
    assert reported(result, "article_reports", "pages_written") == 2
    assert reported(result, "corpus_dashboard", "rewritten") is True
    return warehouse.parent / "reports"


def test_reports_are_written_beside_the_warehouse(reports: Path) -> None:
    with duckdb.connect(str(reports.parent / "warehouse.duckdb"), read_only=True) as con:
        ids = {r[0] for r in con.execute("select article_id from dim_article").fetchall()}
    assert {p.stem for p in (reports / "articles").glob("*.html")} == ids
    assert (reports / "index.html").exists() and (reports / "dashboard.html").exists()


@pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CI"),
    reason="needs Debian's chromium (.ci/run installs it)",
)
def test_index_article_page_and_dashboard_in_a_browser(reports: Path, tmp_path: Path) -> None:
    messages: list[str] = []
    requests: list[str] = []
    with playwright.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.on("console", lambda m: messages.append(f"{m.type}: {m.text}"))
        page.on("pageerror", lambda e: messages.append(f"pageerror: {e}"))
        page.on("request", lambda r: requests.append(r.url))

        page.goto((reports / "index.html").as_uri())
        page.screenshot(path=str(tmp_path / "index.png"), full_page=True)
        page.get_by_role("link", name=SEED_TITLE).click()
        page.wait_for_load_state()
        article = page.inner_text("main")
        page.screenshot(path=str(tmp_path / "article.png"), full_page=True)
        tooltips = page.locator("mark.entity").evaluate_all("ms => ms.map(m => m.title)")

        page.get_by_role("link", name="Corpus dashboard").click()
        page.wait_for_load_state()
        marks = {}
        for chart in CHARTS:  # the points, dots and cells each chart draws as SVG paths
            drawn = page.locator(f"#chart-{chart} svg :is(g.mark-symbol, g.mark-rect) path")
            drawn.first.wait_for(timeout=30000)
            marks[chart] = drawn.count()
        page.screenshot(path=str(tmp_path / "dashboard.png"), full_page=True)
        browser.close()

    assert messages == []
    assert all(url.startswith("file://") for url in requests), requests
    for name in ["Kassym-Jomart Tokayev", "Moon Jae-in", "Kazakhstan", "South Korea"]:
        assert name in article
        assert any(t.startswith(f"{name} · ") for t in tooltips), name
    assert "more than $6 billion" in article and "6,000,000,000" in article
    assert "550 companies" in article
    assert "Data quality: Passed" in article
    assert all(count > 0 for count in marks.values()), marks
    for shot in ["index.png", "article.png", "dashboard.png"]:
        assert (tmp_path / shot).stat().st_size > 0
