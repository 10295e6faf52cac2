"""Analysts holding the warehouse open, and runs started together, cost waiting, never work."""

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest

from tests.conftest import FIXTURES, write_articles

BIN = Path(sys.executable).parent


def newsledger_run(folder: Path, warehouse: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [str(BIN / "newsledger"), "run", str(folder), "--warehouse", str(warehouse)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip


def counts(warehouse: Path) -> dict[str, int]:
    tables = ["raw_articles", "dim_article", "fct_entity_mention", "fct_figure", "fct_quote"]
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in tables}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    write_articles(folder, 0, 10)
    shutil.copy(FIXTURES / "articles" / "tokayev-visits-south-korea.txt", folder)
    return folder


def test_run_waits_for_an_analyst_holding_the_file(corpus: Path, tmp_path: Path) -> None:
    warehouse = tmp_path / "warehouse.duckdb"
    write_articles(tmp_path / "first", 100, 2)
    assert newsledger_run(tmp_path / "first", warehouse).wait(timeout=300) == 0
    analyst = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import duckdb, sys
            con = duckdb.connect({str(warehouse)!r}, read_only=True)
            con.execute("select count(*) from dim_article").fetchall()
            print("holding", flush=True)
            sys.stdin.readline()
        """)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert analyst.stdout.readline().strip() == "holding"
    run = newsledger_run(corpus, warehouse)
    seen = []
    for line in run.stdout:  # the analyst lets go once the run says it waits for the file
        seen.append(line)
        if "is locked by another process; waiting" in line:
            break
    analyst.communicate("done\n", timeout=30)
    rest, _ = run.communicate(timeout=300)
    output = "".join(seen) + rest
    assert run.returncode == 0, output
    assert "is locked by another process; waiting" in output
    assert counts(warehouse)["dim_article"] == 13


def test_two_runs_started_at_once_both_finish_without_duplicates(
    corpus: Path, tmp_path: Path
) -> None:
    reference = tmp_path / "reference.duckdb"
    assert newsledger_run(corpus, reference).wait(timeout=300) == 0
    warehouse = tmp_path / "warehouse.duckdb"
    runs = [newsledger_run(corpus, warehouse) for _ in range(2)]
    outputs = [run.communicate(timeout=600)[0] for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    assert counts(warehouse) == counts(reference)


def test_sql_waits_for_a_writer_then_answers(tmp_path: Path) -> None:
    warehouse = tmp_path / "warehouse.duckdb"
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import duckdb, sys
            con = duckdb.connect({str(warehouse)!r})
            con.execute("create table held (n integer)")
            con.execute("insert into held values (7)")
            print("locked", flush=True)
            sys.stdin.readline()
            print("still holding", flush=True)
            sys.stdin.readline()
            con.close()
            print("released", flush=True)
        """)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "locked"
        query = subprocess.Popen(
            [str(BIN / "newsledger"), "sql", "select n from held", "--warehouse", str(warehouse),
             "--format", "csv"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        waiting = query.stderr.readline()
        assert "is locked by another process; waiting up to 120 s" in waiting
        holder.stdin.write("are you holding?\n")
        holder.stdin.flush()
        assert holder.stdout.readline().strip() == "still holding"
        assert query.poll() is None  # the query waits, and has not failed, while the lock is held
        holder.stdin.write("release\n")
        holder.stdin.flush()
        assert holder.stdout.readline().strip() == "released"
        output, rest = query.communicate(timeout=60)
    finally:
        holder.kill()
        holder.wait()
    assert query.returncode == 0, waiting + rest
    assert output.splitlines() == ["n", "7"]
