"""Access to the SQL files under sql/, so no SQL lives in Python strings."""

from functools import cache
from pathlib import Path

from orchestration.core.settings import SQL_DIR


@cache
def read_sql(relative_path: str) -> str:
    """Return the text of `sql/<relative_path>`."""
    return (SQL_DIR / relative_path).read_text(encoding="utf-8")


def sql_files(folder: str, prefix: str = "") -> list[Path]:
    """List the `.sql` files of `sql/<folder>` whose names start with `prefix`, sorted by name."""
    return sorted((SQL_DIR / folder).glob(f"{prefix}*.sql"))
