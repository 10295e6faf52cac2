"""The report assets as plain functions: pages beside the warehouse, rewritten only when stale."""

import shutil
from pathlib import Path

import dagster as dg
import pytest

from orchestration.core.connection import connect
from orchestration.core.resources import WarehouseResource, Workers
from orchestration.core.workers import WorkerPool, available_cores, started_workers
from orchestration.reports.assets import article_reports, corpus_dashboard


def materialize(
    asset: dg.AssetsDefinition, warehouse: Path, workers: WorkerPool | None = None
) -> dict:
    resources = {"warehouse": WarehouseResource(path=str(warehouse))}
    if "workers" in asset.required_resource_keys:
        resources["workers"] = Workers(workers)
    with dg.build_asset_context() as context:
        result = asset(context, **resources)
    return {key: getattr(value, "value", value) for key, value in result.metadata.items()}


def test_pages_and_index_are_written_once_per_load(small_warehouse: Path) -> None:
    reports = small_warehouse.parent / "reports"
    first = materialize(article_reports, small_warehouse)
    assert (first["pages_written"], first["pages_total"], first["held_back"]) == (2, 2, 0)
    assert first["index"] == (reports / "index.html").resolve().as_uri()
    assert "a1.txt" in first["preview"] and "Port reopens" in first["preview"]
    assert sorted(p.name for p in (reports / "articles").glob("*.html")) == ["a1.html", "a2.html"]
    assert materialize(article_reports, small_warehouse)["pages_written"] == 0

    with connect(small_warehouse) as con:
        con.execute("update dim_article set loaded_at = loaded_at + interval 1 hour "
                    "where article_id = 'a2'")  # fmt: skip
    again = materialize(article_reports, small_warehouse)
    assert again["pages_written"] == 1 and "Port reopens" in again["preview"]


def written_files(reports: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in reports.rglob("*.html")}


@pytest.mark.skipif(available_cores() < 2, reason="workers are started only beside a core")
def test_the_run_workers_write_the_pages_this_process_writes(small_warehouse: Path) -> None:
    reports = small_warehouse.parent / "reports"
    here = materialize(article_reports, small_warehouse)
    expected = written_files(reports)
    shutil.rmtree(reports)
    with started_workers("") as pool:
        assert pool is not None
        by_workers = materialize(article_reports, small_warehouse, pool)
    assert by_workers["pages_written"] == here["pages_written"] == 2
    assert written_files(reports) == expected
    assert sorted(expected) == ["a1.html", "a2.html", "index.html"]


def test_dashboard_is_rewritten_only_when_its_data_changes(small_warehouse: Path) -> None:
    page = small_warehouse.parent / "reports" / "dashboard.html"
    first = materialize(corpus_dashboard, small_warehouse)
    assert first["rewritten"] and page.exists()
    assert (first["entities_charted"], first["country_pairs"]) == (6, 2)
    assert "| articles | 2 |" in first["summary"]
    assert not materialize(corpus_dashboard, small_warehouse)["rewritten"]

    with connect(small_warehouse) as con:
        con.execute("delete from fct_figure where figure_id = 'f1'")
    assert materialize(corpus_dashboard, small_warehouse)["rewritten"]
