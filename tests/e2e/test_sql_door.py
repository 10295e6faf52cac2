"""`newsledger sql` refuses writes before they run, as a user sees it."""

import subprocess
import sys
from pathlib import Path

from orchestration.warehouse.connection import connect

NEWSLEDGER = Path(sys.executable).parent / "newsledger"


def test_sql_refuses_delete_and_copy_to(warehouse_path: Path, tmp_path: Path) -> None:
    with connect(warehouse_path) as con:
        con.execute("insert into dim_source values ('s1', 'Yonhap')")
    target = tmp_path / "sources.csv"
    for sql, kind in [
        ("delete from dim_source", "DELETE"),
        (f"copy dim_source to '{target}'", "COPY"),
    ]:
        done = subprocess.run(
            [str(NEWSLEDGER), "sql", sql, "--warehouse", str(warehouse_path)],
            capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
        assert done.returncode == 1
        assert (
            f"newsledger sql is read-only: refused a {kind} statement (statement 1)" in done.stderr
        )
    assert not target.exists()
    with connect(warehouse_path, read_only=True) as con:
        assert con.execute("select count(*) from dim_source").fetchone() == (1,)
