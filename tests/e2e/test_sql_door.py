"""`newsledger sql` refuses writes before they run and stays bounded, as a user sees it."""

import subprocess
import time
from pathlib import Path

from orchestration.core.connection import connect
from tests.processes import NEWSLEDGER, newsledger, writer_holding


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


def newsledger_sql(*args: str) -> subprocess.CompletedProcess[str]:
    return newsledger("sql", *args, timeout=120)


def test_sql_stops_a_query_that_runs_past_its_timeout(warehouse_path: Path) -> None:
    with connect(warehouse_path):
        pass
    started = time.monotonic()
    done = newsledger_sql(
        "select count(*) from range(10000000000000)",
        "--warehouse", str(warehouse_path), "--timeout", "1",
    )  # fmt: skip
    assert time.monotonic() - started < 10
    assert done.returncode == 1
    assert "query stopped after 1 s (--timeout)" in done.stderr


def test_sql_refuses_a_query_longer_than_the_cap_before_parsing(
    warehouse_path: Path, tmp_path: Path
) -> None:
    with connect(warehouse_path):
        pass
    at_cap = tmp_path / "at_cap.sql"
    at_cap.write_text("select 42 as answer" + " " * (1000 - 19), encoding="utf-8")
    done = newsledger_sql("-f", str(at_cap), "--warehouse", str(warehouse_path),
                          "--max-query-chars", "1000", "--format", "csv")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["answer", "42"]
    over = tmp_path / "over.sql"
    over.write_text("select 1;" * 20_000, encoding="utf-8")
    done = newsledger_sql("-f", str(over), "--warehouse", str(warehouse_path))
    assert done.returncode == 2
    assert "query refused: it is longer than 50,000 characters (--max-query-chars)" in done.stderr


def test_sql_gives_up_on_a_writer_lock_after_lock_wait(warehouse_path: Path) -> None:
    with connect(warehouse_path):
        pass
    with writer_holding(warehouse_path):
        done = newsledger_sql("select 1", "--warehouse", str(warehouse_path), "--lock-wait", "1")
    assert done.returncode == 1
    assert "warehouse busy:" in done.stderr
    assert "is locked by another process (waited 1s)" in done.stderr
    assert "--lock-wait" in done.stderr
