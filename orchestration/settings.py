"""Project paths and defaults shared by the CLI, the resources and the assets."""

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SQL_DIR = PROJECT_ROOT / "sql"
DATA_DIR = PROJECT_ROOT / "data"
DEFAULT_WAREHOUSE = Path(os.environ.get("NEWSLEDGER_WAREHOUSE", DATA_DIR / "warehouse.duckdb"))
DEFAULT_SOURCES = (DATA_DIR / "articles", DATA_DIR / "inbox")
DUCKDB_POOL = "duckdb"
