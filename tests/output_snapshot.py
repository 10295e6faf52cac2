"""What newsledger makes of the seed article, as data: its extraction JSON and the rows of
every warehouse table and view after `newsledger run`, in a canonical order, without the
values that differ between runs (timestamps, run ids) and with the input folder's path
replaced. A change meant to keep behaviour keeps this snapshot.

`python -m tests.output_snapshot OUT.json` writes it with the newsledger on PATH.
"""

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import duckdb

SEED = Path(__file__).parent / "fixtures" / "articles" / "tokayev-visits-south-korea.txt"
FOLDER = "<input>"
# Columns whose values belong to the run, not to the article: when it happened and which run
# (GKG's record id is the export time and a row number).
VOLATILE_TYPES = ("TIMESTAMP", "TIMESTAMP WITH TIME ZONE")
VOLATILE_NAMES = {"GKGRECORDID"}


def _plain(value: Any, folder: str) -> Any:
    # JSON-ready, the input folder's path replaced: the snapshot is made in a temporary one.
    if isinstance(value, str):
        return value.replace(folder, FOLDER)
    if isinstance(value, (int, float, bool)) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return [_plain(v, folder) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v, folder) for k, v in value.items()}
    return str(value)


def stable(column: str, kind: str) -> bool:
    """Whether a column's values are the article's, the same in every run."""
    return not (
        column in VOLATILE_NAMES or column.endswith("run_id") or kind.startswith(VOLATILE_TYPES)
    )


def table_rows(warehouse: Path, folder: str) -> dict[str, list[dict[str, Any]]]:
    """Every table's and view's rows, sorted, less the run's own columns."""
    found: dict[str, list[dict[str, Any]]] = {}
    with duckdb.connect(str(warehouse), read_only=True) as con:
        names = [n for (n,) in con.execute(
            "select table_name from information_schema.tables order by table_name"
        ).fetchall()]  # fmt: skip
        for name in names:
            cursor = con.execute(f'select * from "{name}"')
            columns = [d[0] for d in cursor.description]
            kinds = [str(d[1]) for d in cursor.description]
            kept = [i for i, (c, k) in enumerate(zip(columns, kinds, strict=True)) if stable(c, k)]
            rows = [{columns[i]: _plain(row[i], folder) for i in kept} for row in cursor.fetchall()]
            found[name] = sorted(rows, key=lambda r: json.dumps(r, sort_keys=True, default=str))
    return found


def snapshot(newsledger: list[str]) -> dict[str, Any]:
    """The seed's extraction JSON and warehouse rows, made by the `newsledger` command given."""
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work) / "in"
        folder.mkdir()
        article = Path(shutil.copy(SEED, folder))
        warehouse = Path(work) / "out" / "warehouse.duckdb"
        extracted = subprocess.run(
            [*newsledger, "extract", str(article), "--format", "json"],
            capture_output=True, text=True, check=True, timeout=300,
        )  # fmt: skip
        subprocess.run(
            [*newsledger, "run", str(folder), "--warehouse", str(warehouse)],
            capture_output=True, text=True, check=True, timeout=600,
        )  # fmt: skip
        return {
            "extraction": _plain(json.loads(extracted.stdout), str(folder)),
            "tables": table_rows(warehouse, str(folder)),
        }


if __name__ == "__main__":
    made = snapshot([str(Path(sys.executable).parent / "newsledger")])
    Path(sys.argv[1]).write_text(json.dumps(made, indent=1, sort_keys=True) + "\n")
