"""docs/deploy.md shows the files and the worker command the distributed tests run, verbatim."""

import shlex

import pytest
import yaml

from tests.distributed.cluster import DEPLOY, PROJECT, worker_command

pytestmark = pytest.mark.distributed

GUIDE = (PROJECT / "docs" / "deploy.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["dagster.yaml", "newsledger.yaml", "celery.yaml"])
def test_the_guide_quotes_each_deployment_file_whole(name: str) -> None:
    text = (DEPLOY / name).read_text(encoding="utf-8")
    assert f"`deploy/{name}`:\n\n```yaml\n{text}```\n" in GUIDE


def test_the_guide_starts_workers_as_the_test_does() -> None:
    assert f"```bash\n{shlex.join(worker_command('w1'))}\n```" in GUIDE


def test_the_guide_attaches_the_lake_the_deployment_names() -> None:
    deployment = yaml.safe_load((DEPLOY / "newsledger.yaml").read_text(encoding="utf-8"))
    catalog, data_path = deployment["warehouse"], deployment["lake_data_path"]
    assert f"ATTACH '{catalog}'\n    AS lake (DATA_PATH '{data_path}');" in GUIDE
