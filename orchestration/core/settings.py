"""Project paths and defaults shared by the CLI, the resources and the assets."""

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent.parent
# The SQL files: the project's sql/, which the package links to (orchestration/sql) so that
# they ship inside it.
SQL_DIR = PACKAGE_DIR / "sql"


def project_root() -> Path:
    """Where data/ and feeds.yaml live: $NEWSLEDGER_HOME when set; else the source checkout
    the package runs from (its parent holds pyproject.toml); else, for an installed package,
    the current directory."""
    if home := os.environ.get("NEWSLEDGER_HOME"):
        return Path(home).resolve()
    if (PACKAGE_DIR.parent / "pyproject.toml").is_file():
        return PACKAGE_DIR.parent
    return Path.cwd()


PROJECT_ROOT = project_root()
DATA_DIR = PROJECT_ROOT / "data"
INBOX_DIR = DATA_DIR / "inbox"
# The embedded warehouse, unless the deployment (core/deployment.py) names another.
DEFAULT_WAREHOUSE = DATA_DIR / "warehouse.duckdb"
DEFAULT_SOURCES = (DATA_DIR / "articles", INBOX_DIR)
FEEDS_FILE = PROJECT_ROOT / "feeds.yaml"
DUCKDB_POOL = "duckdb"
# How long a command or stage waits for another process's lock on the warehouse file.
DEFAULT_LOCK_WAIT_SECONDS = 120.0
# `newsledger sql`: how long its statements may run together, and the longest input it parses:
# 50,000 characters, six times the longest shipped query (sql/marts/gkg_export.sql), parse and
# check in under half a second whatever their shape.
DEFAULT_SQL_TIMEOUT_SECONDS = 30.0
DEFAULT_SQL_MAX_QUERY_CHARS = 50_000
# `newsledger sql --format table`: the rows it shows, about two screens; CSV and JSON hold all.
DEFAULT_SQL_MAX_ROWS = 50
