"""The read-only door: refused statements, allowed queries, no files beyond the warehouse,
bounded input and running time."""

import time
from pathlib import Path

import duckdb
import pytest

from orchestration.core.connection import connect
from orchestration.warehouse.query import (
    LOCKED_DOWN,
    QueryTimeout,
    QueryTooLong,
    ReadOnlyViolation,
    check_read_only,
    run_read_only,
)

SOURCES = [("s1", "Yonhap"), ("s2", "Kazinform")]

# (SQL, the kind named in the refusal): one case per statement form that could change state.
REFUSED = [
    ("insert into dim_source values ('s3', 'Reuters')", "INSERT"),
    ("insert or replace into dim_source values ('s1', 'Reuters')", "INSERT"),
    ("with n as (select 's3', 'Reuters') insert into dim_source from n", "INSERT"),
    ("update dim_source set name = 'Reuters'", "UPDATE"),
    ("delete from dim_source", "DELETE"),
    ("with n as (select 1) delete from dim_source", "DELETE"),
    ("merge into dim_source using (select 's1' as source_id) using (source_id) "
     "when matched then delete", "MERGE"),
    ("drop table dim_source", "DROP"),
    ("create table copied as from dim_source", "CREATE"),
    ("create temp table scratch as select 1 as one", "CREATE"),
    ("create view sources as from dim_source", "CREATE"),
    ("create or replace macro twice(x) as x * 2", "CREATE"),
    ("create schema scratch", "CREATE"),
    ("create secret (type s3, key_id 'k', secret 's')", "CREATE"),
    ("create sequence counter", "CREATE"),
    ("alter table dim_source add column country varchar", "ALTER"),
    ("copy dim_source to 'sources.csv'", "COPY"),
    ("copy (from dim_source) to 'sources.parquet' (format parquet)", "COPY"),
    ("copy dim_source from 'sources.csv'", "COPY"),
    ("copy from database warehouse to other", "COPY"),
    ("attach 'other.duckdb' as other", "ATTACH"),
    ("detach warehouse", "DETACH"),
    ("install httpfs", "INSTALL"),
    ("force install httpfs", "FORCE INSTALL"),
    ("load json", "LOAD"),
    ("update extensions", "UPDATE EXTENSIONS"),
    ("export database 'dump'", "EXPORT"),
    ("import database 'dump'", "IMPORT"),
    ("checkpoint", "CHECKPOINT"),
    ("force checkpoint", "FORCE CHECKPOINT"),
    ("vacuum", "VACUUM"),
    ("analyze dim_source", "ANALYZE"),
    ("set threads = 1", "SET"),
    ("set enable_external_access = true", "SET"),
    ("set variable answer = 42", "SET"),
    ("reset threads", "RESET"),
    ("use memory", "USE"),
    ("pragma threads = 1", "PRAGMA"),
    ("pragma enable_profiling", "PRAGMA"),
    ("call checkpoint()", "CALL"),
    ("begin transaction", "BEGIN"),
    ("commit", "COMMIT"),
    ("prepare count_sources as select count(*) from dim_source", "PREPARE"),
    ("execute count_sources", "EXECUTE"),
    ("explain analyze delete from dim_source", "EXPLAIN DELETE"),
    ("explain (format json) insert into dim_source values ('s3', 'Reuters')", "EXPLAIN INSERT"),
]  # fmt: skip

ALLOWED = [
    "select name from dim_source order by source_id",
    "with s as (select * from dim_source) select name from s order by source_id",
    "from dim_source select name order by source_id",
    "values ('Yonhap'), ('Kazinform')",
    "pivot dim_source on name using count(*)",
    "describe dim_source",
    "show tables",
    "summarize dim_source",
    "explain select * from dim_source",
    "explain analyze select * from dim_source",
    "explain (format json) select * from dim_source",
    "pragma table_info('dim_source')",
    "pragma show_tables",
    "pragma version",
    "pragma database_size",
]

OUTSIDE_READS = [
    "select * from read_csv('{outside}')",
    "select * from read_text('{outside}')",
    "select * from read_blob('{outside}')",
    "select * from read_parquet('{outside}')",
    "select * from glob('{outside}')",
    "select * from sniff_csv('{outside}')",
    "select * from read_csv('/etc/passwd')",
]


@pytest.fixture
def warehouse(warehouse_path: Path) -> Path:
    """A warehouse holding two sources."""
    with connect(warehouse_path) as con:
        con.executemany("insert into dim_source values (?, ?)", SOURCES)
    return warehouse_path


def sources(path: Path) -> list[tuple]:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute("select * from dim_source order by source_id").fetchall()


@pytest.mark.parametrize(("sql", "kind"), REFUSED, ids=[sql for sql, _ in REFUSED])
def test_statements_that_change_state_are_refused(sql: str, kind: str) -> None:
    with pytest.raises(ReadOnlyViolation, match=rf"^refused an? {kind} statement \(statement 1\)$"):
        check_read_only(sql)


def test_one_refused_statement_refuses_the_whole_input() -> None:
    with pytest.raises(ReadOnlyViolation, match=r"refused a DELETE statement \(statement 2\)"):
        check_read_only("select 1; delete from dim_source; select 2")


def test_refusal_comes_before_anything_runs(warehouse: Path, tmp_path: Path) -> None:
    target = tmp_path / "sources.csv"
    for sql in ["delete from dim_source", f"select 1; copy dim_source to '{target}'"]:
        with pytest.raises(ReadOnlyViolation):
            run_read_only(warehouse, sql)
    assert sources(warehouse) == SOURCES
    assert not target.exists()
    with pytest.raises(ReadOnlyViolation):  # not even opened: the file does not exist
        run_read_only(tmp_path / "absent.duckdb", "select 1; drop table dim_source")


@pytest.mark.parametrize("sql", ALLOWED)
def test_read_only_forms_run(warehouse: Path, sql: str) -> None:
    assert not run_read_only(warehouse, sql).frame.empty


def test_the_last_statement_gives_the_result(warehouse: Path) -> None:
    result = run_read_only(warehouse, "select 1 as one; select name from dim_source order by 1")
    assert result.frame["name"].tolist() == ["Kazinform", "Yonhap"]
    assert result.types == ["VARCHAR"]


def test_input_without_statements_runs_nothing(warehouse: Path) -> None:
    assert run_read_only(warehouse, "/* nothing */").frame.empty


def test_syntax_errors_are_duckdb_errors(warehouse: Path) -> None:
    with pytest.raises(duckdb.ParserException):
        run_read_only(warehouse, "selec 1")


@pytest.mark.parametrize("template", OUTSIDE_READS)
def test_files_beyond_the_warehouse_cannot_be_read(
    warehouse: Path, tmp_path: Path, template: str
) -> None:
    outside = tmp_path / "outside.csv"
    outside.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ReadOnlyViolation, match="Cannot access file"):
        run_read_only(warehouse, template.format(outside=outside))


def test_the_connection_itself_refuses_writes_and_other_files(
    warehouse: Path, tmp_path: Path
) -> None:
    target = tmp_path / "sources.csv"
    with duckdb.connect(str(warehouse), read_only=True, config=LOCKED_DOWN) as con:
        with pytest.raises(duckdb.InvalidInputException, match="locked"):
            con.execute("set enable_external_access = true")
        with pytest.raises(duckdb.PermissionException):
            con.execute(f"copy dim_source to '{target}'")
        with pytest.raises(duckdb.PermissionException):
            con.execute(f"attach '{tmp_path / 'other.duckdb'}' as other")
        with pytest.raises(duckdb.PermissionException):
            con.execute("install httpfs")
        with pytest.raises(duckdb.InvalidInputException, match="read-only"):
            con.execute("delete from dim_source")
    assert not target.exists()


def test_input_over_the_length_limit_is_refused_before_parsing(warehouse: Path) -> None:
    with pytest.raises(
        QueryTooLong, match="the query is 1,001 characters long; the limit is 1,000"
    ):
        run_read_only(warehouse, "select" + " " * 995, max_chars=1000)
    assert (
        run_read_only(warehouse, "select 1 as one" + " " * 985, max_chars=1000).frame["one"][0] == 1
    )


def test_many_explain_statements_are_checked_in_one_parse_session() -> None:
    started = time.monotonic()
    assert len(check_read_only("explain select 1;" * 2000)) == 2000
    # One in-memory database per EXPLAIN took about 30 ms each, a minute for this input.
    assert time.monotonic() - started < 10


@pytest.mark.parametrize(
    "sql",
    [
        "select count(*) from range(10000000000000)",
        "select 1; select count(*) from range(100000) a, range(1000000) b",
    ],
)
def test_statements_running_past_the_timeout_are_stopped(warehouse: Path, sql: str) -> None:
    started = time.monotonic()
    with pytest.raises(QueryTimeout, match=r"^query stopped after 0\.5 s$"):
        run_read_only(warehouse, sql, timeout_seconds=0.5)
    assert time.monotonic() - started < 10


def test_a_query_within_its_timeout_returns_its_rows(warehouse: Path) -> None:
    result = run_read_only(warehouse, "select count(*) as n from range(1000)", timeout_seconds=5)
    assert result.frame["n"][0] == 1000
