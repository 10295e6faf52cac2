"""newsledger.yaml and NEWSLEDGER_* variables choose the deployment; mistakes are refused."""

from pathlib import Path

import pytest

from orchestration.core.deployment import (
    DEFAULT_BATCH_ARTICLES,
    DeploymentError,
    load_deployment,
)

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"


@pytest.fixture(autouse=True)
def no_overrides(monkeypatch: pytest.MonkeyPatch) -> None:
    for key in ("WAREHOUSE", "LAKE_DATA_PATH", "EXECUTOR", "CELERY_BROKER", "BATCH_ARTICLES"):
        monkeypatch.delenv(f"NEWSLEDGER_{key}", raising=False)


def test_without_a_file_the_deployment_is_embedded(tmp_path: Path) -> None:
    deployment = load_deployment(tmp_path / "newsledger.yaml")
    assert deployment.executor == "in_process"
    assert not deployment.is_lake and not deployment.is_scaled
    assert deployment.batch_articles == DEFAULT_BATCH_ARTICLES


def test_the_shipped_scaled_file_names_a_lake_and_celery() -> None:
    deployment = load_deployment(DEPLOY / "newsledger.yaml")
    assert deployment.is_lake and deployment.executor == "celery"
    assert deployment.lake_data_path and deployment.celery_broker


def test_a_variable_overrides_its_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "newsledger.yaml"
    config.write_text("batch_articles: 500\n", encoding="utf-8")
    assert load_deployment(config).batch_articles == 500
    monkeypatch.setenv("NEWSLEDGER_BATCH_ARTICLES", "50")
    assert load_deployment(config).batch_articles == 50


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("batch_size: 10\n", "unknown keys batch_size"),
        ("batch_articles: 0\n", "batch_articles must be at least 1"),
        ("batch_articles: many\n", "batch_articles must be a whole number"),
        ("executor: dask\n", "executor must be one of in_process, celery"),
        ("executor: celery\n", "the celery executor needs celery_broker"),
        ("warehouse: 'ducklake:postgres:dbname=x'\n", "needs lake_data_path"),
        ("- a list\n", "expected a mapping"),
    ],
)
def test_an_unusable_file_is_refused(tmp_path: Path, text: str, reason: str) -> None:
    config = tmp_path / "newsledger.yaml"
    config.write_text(text, encoding="utf-8")
    with pytest.raises(DeploymentError, match=reason):
        load_deployment(config)
