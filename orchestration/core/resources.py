"""The resources every stage shares: the warehouse and the run's worker processes."""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import dagster as dg
import duckdb

from orchestration.core.connection import connect
from orchestration.core.deployment import DEPLOYMENT
from orchestration.core.location import Warehouse, warehouse_location
from orchestration.core.settings import DEFAULT_LOCK_WAIT_SECONDS
from orchestration.core.workers import MAX_PROCESSES, WorkerPool, available_cores, spawn_pool


class WarehouseResource(dg.ConfigurableResource):
    """The warehouse that holds raw articles, staging frames and the star schema: a DuckDB file,
    or a DuckLake catalog ("ducklake:postgres:…") with the folder of its Parquet files.

    A run writes what it reads, then extracts, stages, checks and loads what awaits loading in
    a batch of at most `batch_articles` articles, its load one transaction; a backlog larger
    than one batch is extracted and loaded by further runs (see `run_until_loaded` and
    `backlog_sensor`), so memory does not grow with the backlog.
    """

    path: str = DEPLOYMENT.warehouse
    lake_data_path: str | None = DEPLOYMENT.lake_data_path
    lock_wait_seconds: float = DEFAULT_LOCK_WAIT_SECONDS
    batch_articles: int = DEPLOYMENT.batch_articles

    @property
    def location(self) -> Warehouse:
        """The DuckDB file or the lake `path` names."""
        return warehouse_location(self.path, self.lake_data_path)

    @contextmanager
    def connect(self, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        """A short-lived connection, closed even when the body raises."""
        with connect(self.location, read_only, self.lock_wait_seconds) as con:
            yield con


@dataclass(frozen=True)
class Workers:
    """The worker processes a stage hands its work to; a resource of plain Python (given to
    assets as `dg.ResourceParam[Workers]`), since a started pool is no configuration.

    A run may be given workers started ahead of it (`newsledger run` starts them while it
    imports the job), which every stage then uses; otherwise a stage starts its own for as long
    as it needs them, when it has enough work to repay their start-up. Either way the stages
    ask this resource, so they behave alike in the UI and the CLI.
    """

    started: WorkerPool | None = None
    max_processes: int = MAX_PROCESSES

    def shared(self) -> WorkerPool | None:
        """The run's workers, when it was given some and they still take tasks."""
        started = self.started
        return started if started is not None and started.usable() else None

    @contextmanager
    def pool(self, start_up: str, processes: int) -> Iterator[WorkerPool | None]:
        """Workers whose start-up function is `start_up`: the run's own when they have that
        one; else, when `processes` is 2 or more, up to that many started now (at most one per
        core and `max_processes`) and shut down on leaving; else None, to work in this process.
        """
        shared = self.shared()
        if shared is not None and shared.start_up == start_up:
            yield shared
            return
        processes = min(processes, available_cores(), self.max_processes)
        if processes < 2:
            yield None
            return
        pool = spawn_pool(processes, start_up)
        try:
            yield pool
        finally:
            pool.executor.shutdown(cancel_futures=True)
