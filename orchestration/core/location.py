"""Where the warehouse is: a DuckDB file, or a DuckLake catalog, and the folders that go with it.

Commands and resources take either; each asks this module what it needs to know of a file
(whether it exists, what folder holds it) rather than treating every warehouse as a path. It
imports no DuckDB, so the CLI can parse its options without it; core/lake.py opens a lake.
"""

from dataclasses import dataclass
from pathlib import Path

from orchestration.core.deployment import DEPLOYMENT, LAKE_PREFIX
from orchestration.core.settings import DATA_DIR

# The folders written beside the warehouse: the HTML reports and Great Expectations' Data Docs.
REPORTS_FOLDER = "reports"
QUALITY_DOCS_FOLDER = "quality_docs"


@dataclass(frozen=True)
class LakeLocation:
    """A DuckLake warehouse: its catalog ("ducklake:postgres:dbname=… host=…") and the folder
    its Parquet files go to. A lake records its data path when it is created, so opening an
    existing one needs none."""

    catalog: str
    data_path: str | None = None

    def __post_init__(self) -> None:
        if not self.catalog.startswith(LAKE_PREFIX):
            raise ValueError(f"a DuckLake catalog starts with {LAKE_PREFIX!r}: {self.catalog!r}")

    def __str__(self) -> str:
        return self.catalog

    def exists(self) -> bool:
        """Whether there is a warehouse to open: a lake's catalog is asked when it is opened,
        which says plainly when it cannot be reached."""
        return True

    @property
    def parent(self) -> Path:
        """The folder that holds the lake's data path, as the folder that holds a DuckDB file:
        the reports and Data Docs go there. The project's data/ when the data path is not a
        local folder (s3://…) or not known."""
        if self.data_path is None or "://" in self.data_path:
            return DATA_DIR
        return Path(self.data_path).absolute().parent


Warehouse = Path | LakeLocation


def warehouse_location(text: str | Path, data_path: str | None = None) -> Warehouse:
    """The warehouse `text` names: a DuckLake catalog when it starts with "ducklake:" (its
    Parquet files under `data_path`, else the deployment's lake_data_path), else a DuckDB file."""
    if str(text).startswith(LAKE_PREFIX):
        return LakeLocation(str(text), data_path or DEPLOYMENT.lake_data_path)
    return Path(text)


def beside(warehouse: Warehouse, folder: str) -> Path:
    """The folder `folder` beside the warehouse: next to a DuckDB file (data/reports/ for
    data/warehouse.duckdb), or next to a lake's data path (data/reports/ for data/lake/)."""
    return warehouse.parent / folder


DEFAULT_LOCATION = warehouse_location(DEPLOYMENT.warehouse)
