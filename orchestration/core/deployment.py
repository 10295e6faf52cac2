"""Which deployment this installation runs as: the one place the CLI, the UI and the workers
read it from.

The embedded default needs no server: one DuckDB file, steps in one process, extraction spread
over this machine's cores. A scaled deployment keeps its warehouse on DuckLake (catalog in
PostgreSQL, data as Parquet under a data path) and hands extraction steps to Celery workers on
any number of machines. It is chosen by `newsledger.yaml` in the project folder (or the file
named by $NEWSLEDGER_CONFIG); environment variables override single keys, so a worker machine
can point at the same services with no file of its own. Dagster's own storage is configured
where Dagster reads it, `dagster.yaml` in $DAGSTER_HOME (see docs/deploy.md).
"""

import os
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Literal

import yaml

from orchestration.core.settings import DEFAULT_WAREHOUSE, PROJECT_ROOT

Executor = Literal["in_process", "celery"]
EXECUTORS: tuple[Executor, ...] = ("in_process", "celery")
# A warehouse location that starts so is a DuckLake catalog, not a DuckDB file.
LAKE_PREFIX = "ducklake:"
# Articles staged, checked and loaded together: each batch is one checked, atomic load, so a
# run's memory does not grow with the backlog.
DEFAULT_BATCH_ARTICLES = 2000
# Articles per extraction step when a Celery executor spreads the steps over workers.
DEFAULT_EXTRACT_CHUNK_ARTICLES = 100


class DeploymentError(ValueError):
    """newsledger.yaml, or an environment variable overriding it, says something unusable."""


@dataclass(frozen=True)
class Deployment:
    """Where the warehouse lives, what runs the steps, and how big a batch is."""

    # A DuckDB file, or a DuckLake catalog: "ducklake:postgres:dbname=… host=…".
    warehouse: str = str(DEFAULT_WAREHOUSE)
    # Where a DuckLake warehouse keeps its Parquet files (a folder every machine sees).
    lake_data_path: str | None = None
    executor: Executor = "in_process"
    # The Celery broker and result backend (Redis), with the celery executor.
    celery_broker: str | None = None
    celery_backend: str | None = None
    batch_articles: int = DEFAULT_BATCH_ARTICLES
    extract_chunk_articles: int = DEFAULT_EXTRACT_CHUNK_ARTICLES

    @property
    def is_lake(self) -> bool:
        """Whether the warehouse is a DuckLake catalog."""
        return self.warehouse.startswith(LAKE_PREFIX)

    @property
    def is_scaled(self) -> bool:
        """Whether any part of this deployment needs a server."""
        return self.is_lake or self.executor != "in_process"


def config_path() -> Path:
    """$NEWSLEDGER_CONFIG when set, else newsledger.yaml in the project folder."""
    return Path(os.environ.get("NEWSLEDGER_CONFIG") or PROJECT_ROOT / "newsledger.yaml")


def _environment() -> dict[str, str]:
    # NEWSLEDGER_WAREHOUSE, NEWSLEDGER_EXECUTOR, ...: one variable per key.
    keys = (f.name for f in fields(Deployment))
    return {k: v for k in keys if (v := os.environ.get(f"NEWSLEDGER_{k.upper()}"))}


def _validated(values: dict[str, Any], source: str) -> Deployment:
    known = {f.name: f.type for f in fields(Deployment)}
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise DeploymentError(f"{source}: unknown keys {', '.join(unknown)}")
    for key in ("batch_articles", "extract_chunk_articles"):
        if key in values:
            try:
                values[key] = int(values[key])
            except (TypeError, ValueError) as error:
                raise DeploymentError(f"{source}: {key} must be a whole number") from error
            if values[key] < 1:
                raise DeploymentError(f"{source}: {key} must be at least 1")
    deployment = Deployment(**{k: str(v) if k == "warehouse" else v for k, v in values.items()})
    if deployment.executor not in EXECUTORS:
        raise DeploymentError(f"{source}: executor must be one of {', '.join(EXECUTORS)}")
    if deployment.executor == "celery" and not deployment.celery_broker:
        raise DeploymentError(f"{source}: the celery executor needs celery_broker")
    if deployment.is_lake and not deployment.lake_data_path:
        raise DeploymentError(f"{source}: a DuckLake warehouse needs lake_data_path")
    return deployment


def load_deployment(path: Path | None = None) -> Deployment:
    """The deployment `path` (default: config_path()) describes, with environment overrides;
    the embedded default when there is no such file."""
    path = path or config_path()
    values: dict[str, Any] = {}
    if path.is_file():
        loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
        if loaded is not None and not isinstance(loaded, dict):
            raise DeploymentError(f"{path}: expected a mapping of keys to values")
        values.update(loaded or {})
    values.update(_environment())
    return _validated(values, str(path))


DEPLOYMENT = load_deployment()
