"""The `newsledger` command and the DuckDB CLI, run as a user runs them."""

import csv
import io
import json
import shutil
import subprocess
from pathlib import Path

import click
import duckdb
import pytest
import typer

from orchestration.cli import app
from orchestration.core.workers import available_cores
from tests.conftest import FIXTURES
from tests.processes import BIN, newsledger


@pytest.fixture(scope="module")
def cli_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A warehouse written by `newsledger run`."""
    path = tmp_path_factory.mktemp("cli") / "warehouse.duckdb"
    done = newsledger("run", str(FIXTURES / "articles"), "--warehouse", str(path))
    assert done.returncode == 0, done.stderr
    assert "checks passed" in done.stdout
    if available_cores() > 1:
        # The worker started with the command extracted; the command loaded no model itself.
        assert "worker processes" in done.stderr
    return path


def test_sql_prints_csv_and_json(cli_warehouse: Path) -> None:
    query = "select canonical_name from dim_entity where country_code = 'KAZ' order by 1"
    as_csv = newsledger("sql", query, "--warehouse", str(cli_warehouse), "--format", "csv")
    assert as_csv.returncode == 0, as_csv.stderr
    names = [row["canonical_name"] for row in csv.DictReader(io.StringIO(as_csv.stdout))]
    assert "Kazakhstan" in names
    as_json = newsledger("sql", query, "--warehouse", str(cli_warehouse), "--format", "json")
    assert {"canonical_name": "Kazakhstan"} in json.loads(as_json.stdout)


def test_sql_refuses_writes(cli_warehouse: Path) -> None:
    done = newsledger("sql", "delete from dim_entity", "--warehouse", str(cli_warehouse))
    assert done.returncode == 1
    assert "read-only" in done.stderr.lower()


def test_duckdb_cli_opens_the_warehouse(cli_warehouse: Path) -> None:
    duckdb_cli = shutil.which("duckdb", path=str(BIN))
    assert duckdb_cli, "duckdb-cli is installed with newsledger"
    done = subprocess.run(
        [duckdb_cli, "-readonly", "-csv", str(cli_warehouse), "-c",
         "select count(*) from fct_quote"],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert int(done.stdout.splitlines()[-1]) >= 6


def test_extract_prints_design_json() -> None:
    done = newsledger(
        "extract", str(FIXTURES / "articles" / "harbour-reopens.json"), "--format", "jsonl"
    )
    assert done.returncode == 0, done.stderr
    [record] = [json.loads(line) for line in done.stdout.splitlines()]
    assert set(record) >= {"article", "entities", "figures", "dates", "quotes", "extractor"}
    texts = {"title": record["article"]["title"], "body": record["article"]["body"]}
    for item in [*record["figures"], *record["dates"], *record["quotes"]]:
        assert texts[item["field"]][item["start"] : item["end"]] == item["text"]
    assert record["article"]["published_date"] == "2024-03-05"


def test_extract_reports_unreadable_input(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{oops", encoding="utf-8")
    done = newsledger("extract", str(bad))
    assert done.returncode == 1
    assert "invalid JSON" in done.stderr


def test_run_names_a_path_that_does_not_exist_and_does_nothing(tmp_path: Path) -> None:
    warehouse = tmp_path / "warehouse.duckdb"
    missing = tmp_path / "no" / "such" / "folder"
    done = newsledger(
        "run", str(FIXTURES / "articles"), str(missing), "--warehouse", str(warehouse)
    )
    assert done.returncode == 2
    assert f"no such file or folder: {missing}" in done.stderr
    assert "worker processes" not in done.stderr
    assert not warehouse.exists()


def test_extract_names_a_path_that_does_not_exist(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-article.md"
    done = newsledger("extract", str(missing))
    assert done.returncode == 2
    assert f"no such file or folder: {missing}" in done.stderr
    assert done.stdout == ""


def test_sql_names_a_query_file_that_does_not_exist(cli_warehouse: Path, tmp_path: Path) -> None:
    missing = tmp_path / "no-such-query.sql"
    done = newsledger("sql", "-f", str(missing), "--warehouse", str(cli_warehouse))
    assert done.returncode == 2
    assert f"no such file or folder: {missing}" in done.stderr


def test_help_shows_the_defaults_of_the_bounds() -> None:
    done = newsledger("sql", "--help")
    assert done.returncode == 0
    text = " ".join(done.stdout.split())
    for default in ["[default: 30.0]", "[default: 50000]", "[default: 120.0]",
                    "NEWSLEDGER_SQL_TIMEOUT"]:  # fmt: skip
        assert default in text


def help_screens(command: click.Command, words: tuple[str, ...] = ()) -> list[list[str]]:
    """The words of every command and group of the CLI, the top level first."""
    found = [list(words)]
    for name, sub in getattr(command, "commands", {}).items():
        found.extend(help_screens(sub, (*words, name)))
    return found


HELP_SCREENS = help_screens(typer.main.get_command(app))


@pytest.mark.parametrize("command", HELP_SCREENS, ids=lambda words: " ".join(words) or "top")
def test_help_names_values_not_python_types(command: list[str]) -> None:
    done = newsledger(*command, "--help")
    assert done.returncode == 0, done.stderr
    for python_type in ["<bool>", "<str>", "<path>", "<int>", "<float>", "<list["]:
        assert python_type not in done.stdout


def test_run_help_lists_the_log_levels_and_refuses_others(tmp_path: Path) -> None:
    done = newsledger("run", "--help")
    assert "DEBUG, INFO, WARNING, ERROR, CRITICAL" in " ".join(done.stdout.replace("│", "").split())
    missing = str(tmp_path / "missing")
    accepted = newsledger("run", missing, "--log-level", "debug")  # then stops at the path
    assert accepted.returncode == 2
    assert "no such file or folder" in accepted.stderr
    refused = newsledger("run", missing, "--log-level", "loud")
    assert refused.returncode == 2
    assert "'loud' is not one of" in refused.stderr
    assert "no such file or folder" not in refused.stderr


@pytest.fixture
def scratch_warehouse(tmp_path: Path) -> Path:
    """An empty DuckDB file, enough for queries that read no table."""
    path = tmp_path / "scratch.duckdb"
    duckdb.connect(str(path)).close()
    return path


def test_sql_table_fits_the_terminal(
    scratch_warehouse: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    query = """
        select repeat('x', 500) as long_text, date '2021-08-16' as day,
               timestamp '2021-08-16 10:30:00' as moment, null::varchar as nothing, n
        from (values (5), (12345)) as t(n) order by n
    """
    done = newsledger("sql", query, "--warehouse", str(scratch_warehouse))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    rows = [line for line in lines if "xxx" in line]
    assert len(rows) == 2
    for row in rows:
        long_text, day, moment, nothing, _ = (cell.strip() for cell in row.split("│")[1:-1])
        assert long_text.endswith("xx…")
        assert (day, moment, nothing) == ("2021-08-16", "2021-08-16 10:30:00", "")
    # Numbers are right-aligned: 5 ends where 12345 ends.
    assert rows[0].rindex("5") == rows[1].rindex("12345") + 4


def test_sql_table_shows_at_most_max_rows(scratch_warehouse: Path) -> None:
    query = "select range as n from range(10)"
    done = newsledger("sql", query, "--warehouse", str(scratch_warehouse), "--max-rows", "3")
    assert done.returncode == 0, done.stderr
    numbers = [line.strip("│ ") for line in done.stdout.splitlines()]
    assert [n for n in numbers if n.isdigit()] == ["0", "1", "2"]
    assert "showing 3 of 10 rows (--max-rows)" in done.stderr
    everything = newsledger("sql", query, "--warehouse", str(scratch_warehouse), "--max-rows", "0")
    assert "showing" not in everything.stderr
    assert [line.strip("│ ") for line in everything.stdout.splitlines()].count("9") == 1
    as_csv = newsledger("sql", query, "--warehouse", str(scratch_warehouse), "--max-rows", "3",
                        "--format", "csv")  # fmt: skip
    assert as_csv.stdout.splitlines() == ["n", *map(str, range(10))]
