"""Report files: beside the warehouse, written whole, and rewritten only when stale."""

from pathlib import Path

from orchestration.reports.files import (
    digest,
    read_manifest,
    reports_dir,
    stale_articles,
    write_atomic,
    write_manifest,
)


def test_reports_live_beside_the_warehouse(tmp_path: Path) -> None:
    assert reports_dir(tmp_path / "warehouse.duckdb") == tmp_path / "reports"


def test_atomic_writes_leave_only_the_file(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "page.html"
    write_atomic(target, "<p>one</p>")
    write_atomic(target, "<p>two</p>")
    assert target.read_text() == "<p>two</p>"
    assert [p.name for p in target.parent.iterdir()] == ["page.html"]
    assert target.stat().st_mode & 0o777 == 0o644


def test_manifest_round_trips_and_defaults_to_empty(tmp_path: Path) -> None:
    path = tmp_path / "manifest.json"
    assert read_manifest(path) == {}
    write_manifest(path, {"a1": {"loaded_at": "2024-05-02 12:00:00"}})
    assert read_manifest(path) == {"a1": {"loaded_at": "2024-05-02 12:00:00"}}
    path.write_text("{not json")
    assert read_manifest(path) == {}


def test_stale_articles_are_new_reloaded_or_missing_their_page(tmp_path: Path) -> None:
    for article_id in ["same", "reloaded"]:
        (tmp_path / f"{article_id}.html").write_text("page")
    loaded = {"same": "t1", "reloaded": "t2", "new": "t1", "deleted": "t1"}
    manifest = {"same": {"loaded_at": "t1"}, "reloaded": {"loaded_at": "t1"},
                "deleted": {"loaded_at": "t1"}}  # fmt: skip
    assert stale_articles(loaded, manifest, tmp_path) == ["reloaded", "new", "deleted"]


def test_digest_changes_with_the_data() -> None:
    assert digest({"a": [1, 2]}) == digest({"a": [1, 2]})
    assert digest({"a": [1, 2]}) != digest({"a": [1, 3]})
