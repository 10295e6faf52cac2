"""Warehouse connections: schema on open, old storage version, bounded waits on a lock."""

import time
import uuid
from pathlib import Path

import duckdb
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


def keyed(con, table: str) -> bool:
    """Whether `table` has a primary key."""
    return con.execute(
        "select count(*) from duckdb_constraints() "
        "where table_name = ? and constraint_type = 'PRIMARY KEY'",
        [table],
    ).fetchone() == (1,)


def test_a_wide_table_an_older_schema_keyed_loses_the_key_and_keeps_its_rows(
    warehouse_path: Path,
) -> None:
    with duckdb.connect(str(warehouse_path)) as con:
        con.execute(
            """create table extractions (article_id varchar primary key,
               extractor_version varchar not null, model varchar not null,
               extracted_at timestamp not null, payload json not null)"""
        )
        con.execute("insert into extractions values ('a1', '0.1.0', 'm', now(), '{\"n\": 1}')")
        con.execute("create table analyst_notes (note_id integer primary key, note varchar)")
        con.execute("insert into analyst_notes values (1, 'kept as it was')")
    with connect(warehouse_path) as con:
        assert not keyed(con, "extractions")
        assert con.execute("select article_id, payload->>'n' from extractions").fetchall() == [
            ("a1", "1")
        ]
        assert keyed(con, "dim_article")  # narrow tables keep their keys
        assert keyed(con, "analyst_notes")  # tables the schema does not make are left alone
        assert con.execute("select note from analyst_notes").fetchall() == [("kept as it was",)]
        tables = {r[0] for r in con.execute("select table_name from duckdb_tables()").fetchall()}
    assert not {t for t in tables if t.endswith("_keyed")}


def stored_blocks(warehouse: Path, table: str, column: str) -> list[int]:
    """The storage blocks that hold `column` of `table`, in row order."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute(
            """select block_id from pragma_storage_info(?)
               where column_name = ? and block_id >= 0 order by row_group_id, segment_id""",
            [table, column],
        ).fetchall()
    return [block for (block,) in rows]


@pytest.mark.parametrize(
    ("table", "column", "insert"),
    [
        (
            "extractions",
            "payload",
            """insert into extractions select 'a' || i, '0.3.0', 'm', now(),
               to_json(repeat('x', 20000) || i) from range(?, ?) r(i)""",
        ),
        (
            "raw_articles",
            "body",
            """insert into raw_articles (article_id, source, body, ingested_at)
               select 'a' || i, 'feed', repeat('x', 20000) || i, now() from range(?, ?) r(i)""",
        ),
    ],
)
def test_a_batch_written_to_a_wide_table_leaves_the_stored_rows_where_they_are(
    warehouse_path: Path, table: str, column: str, insert: str
) -> None:
    """Writing a batch to the tables of article texts and records writes the batch, not the
    table again: the cost of a batch does not grow with the rows stored before it."""
    with connect(warehouse_path) as con:
        con.execute(insert, [0, 3000])
    before = stored_blocks(warehouse_path, table, column)
    with connect(warehouse_path) as con:
        con.execute(insert, [3000, 3100])
    after = stored_blocks(warehouse_path, table, column)
    assert after[: len(before)] == before
    assert len(after) > len(before)
