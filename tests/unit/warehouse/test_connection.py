"""Warehouse connections: schema on open, old storage version, bounded waits on a lock."""

import time
import uuid
from pathlib import Path

import pytest

from orchestration.core.connection import WarehouseBusyError, connect, transactions
from tests.processes import writer_holding


def test_writable_connection_creates_every_table(warehouse_path: Path) -> None:
    with connect(warehouse_path) as con:
        tables = {r[0] for r in con.execute("select table_name from duckdb_tables()").fetchall()}
    assert {"raw_articles", "rejected_inputs", "dim_entity", "fct_figure", "dq_results"} <= tables


def test_file_uses_a_storage_version_older_clis_read(warehouse_path: Path) -> None:
    with connect(warehouse_path) as con:
        version = con.execute(
            "select tags['storage_version'] from duckdb_databases() "
            "where database_name = current_database()"
        ).fetchone()[0]
    assert version is not None and version.startswith("v1.")


def test_lock_held_by_another_process_gives_a_clear_error(warehouse_path: Path) -> None:
    with connect(warehouse_path):
        pass
    with writer_holding(warehouse_path):
        started = time.monotonic()
        with (
            pytest.raises(WarehouseBusyError, match="locked by another process"),
            connect(warehouse_path, wait_seconds=1.0),
        ):
            pass
        assert time.monotonic() - started < 10


def test_transaction_rolls_back_when_the_body_raises(warehouse_path: Path) -> None:
    with connect(warehouse_path) as con:
        with pytest.raises(RuntimeError):
            for attempt in transactions(con):
                with attempt:
                    con.execute("insert into dim_source values ('s1', 'Gazette')")
                    raise RuntimeError("interrupted")
        assert con.execute("select count(*) from dim_source").fetchone()[0] == 0
        for attempt in transactions(con):
            with attempt:
                con.execute("insert into dim_source values ('s1', 'Gazette')")
        assert con.execute("select count(*) from dim_source").fetchone()[0] == 1


def test_schema_is_created_once_per_version(warehouse_path: Path) -> None:
    for _ in range(3):
        with connect(warehouse_path) as con:
            con.execute("insert into dim_source values (?, 'Yonhap')", [str(uuid.uuid4())])
    with connect(warehouse_path, read_only=True) as con:
        assert con.execute("select count(*) from schema_version").fetchone() == (1,)
        assert con.execute("select count(*) from dim_source").fetchone() == (3,)


def test_a_warehouse_of_another_schema_version_gets_the_current_ddl(warehouse_path: Path) -> None:
    with connect(warehouse_path) as con:
        con.execute("drop table failed_extractions")
        con.execute("update schema_version set version = 'an older schema'")
    with connect(warehouse_path) as con:
        tables = {r[0] for r in con.execute("select table_name from duckdb_tables()").fetchall()}
        versions = con.execute("select count(*) from schema_version").fetchone()[0]
    assert "failed_extractions" in tables
    assert versions == 2


def test_a_conflicting_transaction_is_tried_again(warehouse_path: Path) -> None:
    with connect(warehouse_path) as con, connect(warehouse_path) as other:
        con.execute("insert into dim_source values ('s1', 'Gazette')")
        tries = 0
        for attempt in transactions(con):
            with attempt:
                tries += 1
                con.execute("update dim_source set name = 'Herald' where source_id = 's1'")
                if tries == 1:  # another writer changes the same row before this one commits
                    other.execute("update dim_source set name = 'Courier' where source_id = 's1'")
        assert tries == 2
        assert con.execute("select name from dim_source").fetchone() == ("Herald",)
