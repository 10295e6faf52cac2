"""Dagster resources: the DuckDB warehouse and the spaCy pipeline."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb
from spacy.language import Language

from orchestration.extract.document import load_pipeline
from orchestration.settings import DEFAULT_WAREHOUSE
from orchestration.warehouse.connection import connect


class WarehouseResource(dg.ConfigurableResource):
    """The DuckDB file that holds raw articles, staging frames and the star schema."""

    path: str = str(DEFAULT_WAREHOUSE)
    lock_wait_seconds: float = 120.0

    @contextmanager
    def connect(self, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        """A short-lived connection, closed even when the body raises."""
        with connect(Path(self.path), read_only, self.lock_wait_seconds) as con:
            yield con


class NlpResource(dg.ConfigurableResource):
    """The spaCy pipeline with newsledger's components, loaded once per process."""

    def pipeline(self) -> Language:
        """Return the loaded pipeline."""
        return load_pipeline()
