"""The code location loads in Dagster's own tools, and the UI serves its asset graph."""

import subprocess

from tests.e2e.dagster_server import BIN, ROOT, dagster_dev, wait_for_assets


def test_definitions_validate() -> None:
    done = subprocess.run(
        [str(BIN / "dagster"), "definitions", "validate", "-m", "orchestration.definitions"],
        capture_output=True, text=True, timeout=300, cwd=ROOT, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


def test_dagster_dev_lists_assets_by_stage(tmp_path) -> None:
    with dagster_dev(tmp_path / "home") as base:
        nodes = wait_for_assets(base)
    groups = {"/".join(n["assetKey"]["path"]): n["groupName"] for n in nodes}
    assert groups["raw_articles"] == "ingest"
    assert groups["extractions"] == "extract"
    assert groups["stg_figures"] == "quality"
    assert groups["fct_figure"] == "warehouse"
