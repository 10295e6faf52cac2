"""Read-only queries against the warehouse: the door behind `newsledger sql`.

Two layers keep a query from changing anything or reaching beyond the warehouse file:

1. Before anything runs, DuckDB's own parser splits the input into statements and each one is
   checked against an allow-list of read-only forms; one refused statement refuses the input.
2. The warehouse is opened read-only, with external access disabled and the configuration
   locked, so a statement that passes the first layer still cannot write, read other files,
   load extensions or switch these protections off.
"""

from pathlib import Path

import duckdb
import pandas as pd

# The second layer: no file but the warehouse (and its WAL and temp files), and no SET to undo it.
LOCKED_DOWN: dict[str, bool] = {"enable_external_access": False, "lock_configuration": True}

# PRAGMAs that only report; every other one (threads=, enable_profiling, ...) changes the session.
READ_ONLY_PRAGMAS = frozenset(
    {
        "collations",
        "database_list",
        "database_size",
        "functions",
        "platform",
        "show",
        "show_databases",
        "show_tables",
        "show_tables_expanded",
        "storage_info",
        "table_info",
        "version",
    }
)


class ReadOnlyViolation(Exception):
    """The query would change state or reach beyond the warehouse file, so it was stopped."""


def _statements(sql: str) -> list[duckdb.Statement]:
    """The statements of `sql`, as DuckDB's parser splits them."""
    with duckdb.connect() as con:
        return con.extract_statements(sql)


def _words(sql: str) -> list[tuple[int, str]]:
    """The offset and text of each token of `sql` (DuckDB's tokenizer), comments left out."""
    tokens = duckdb.tokenize(sql)
    ends = [start for start, _ in tokens[1:]] + [len(sql)]
    return [
        (start, sql[start:end].strip())
        for (start, kind), end in zip(tokens, ends, strict=True)
        if kind != duckdb.token_type.comment
    ]


def _explained(sql: str, words: list[tuple[int, str]]) -> duckdb.Statement:
    """The statement that `EXPLAIN [ANALYZE] [(options)] statement` explains."""
    rest = words[1:]
    if rest[0][1].upper() in {"ANALYZE", "ANALYSE"}:
        rest = rest[1:]
    try:
        (statement,) = _statements(sql[rest[0][0] :])
    except duckdb.ParserException:  # "(FORMAT json, ...)" options, not a parenthesized query
        rest = rest[[text for _, text in rest].index(")") + 1 :]
        (statement,) = _statements(sql[rest[0][0] :])
    return statement


def _refused_kind(statement: duckdb.Statement) -> str | None:
    """The kind of `statement` (e.g. "COPY") when it is not read-only, None when it is."""
    words = _words(statement.query)
    first = words[0][1].upper()
    try:
        kind = statement.type
    except ValueError:  # a type the Python enum does not know yet, such as UPDATE EXTENSIONS
        return " ".join(text.upper() for _, text in words[:2])
    if kind is duckdb.StatementType.SELECT:  # also WITH, FROM-first, DESCRIBE, SHOW, SUMMARIZE
        return None
    if kind is duckdb.StatementType.MULTI and first == "PIVOT":  # its ON values come from a query
        return None
    pragma = words[1][1].strip('"').lower() if first == "PRAGMA" else None
    if kind is duckdb.StatementType.PRAGMA and pragma in READ_ONLY_PRAGMAS:
        return None
    if kind is duckdb.StatementType.EXPLAIN:
        inner = _refused_kind(_explained(statement.query, words))
        return None if inner is None else f"EXPLAIN {inner}"
    if first == "WITH":
        return kind.name
    if first == "FORCE":
        return f"FORCE {words[1][1].upper()}"
    return first


def check_read_only(sql: str) -> list[duckdb.Statement]:
    """Return the statements of `sql`, or raise ReadOnlyViolation if any of them is not read-only.

    Allowed: queries (SELECT, WITH ... SELECT, FROM-first, VALUES, PIVOT, DESCRIBE, SHOW,
    SUMMARIZE), EXPLAIN [ANALYZE] of those, and the PRAGMAs in READ_ONLY_PRAGMAS. Everything
    else is refused, CALL, SET, USE and transactions included.
    """
    statements = _statements(sql)
    for number, statement in enumerate(statements, start=1):
        kind = _refused_kind(statement)
        if kind is not None:
            article = "an" if kind[0] in "AEIO" or kind.startswith("UPDATE") else "a"
            raise ReadOnlyViolation(f"refused {article} {kind} statement (statement {number})")
    return statements


def run_read_only(path: Path, sql: str) -> pd.DataFrame:
    """Run `sql` against the warehouse at `path` and return the result of its last statement.

    Input without any statement (empty, only comments) runs nothing and returns an empty frame.
    Raises ReadOnlyViolation before anything runs when a statement is not read-only, and in
    place of DuckDB's permission error when a statement tries to reach a file other than the
    warehouse; raises duckdb.Error when a query fails otherwise.
    """
    statements = check_read_only(sql)
    with duckdb.connect(str(path), read_only=True, config=LOCKED_DOWN) as con:
        try:
            for statement in statements:
                con.execute(statement)
        except duckdb.PermissionException as error:
            raise ReadOnlyViolation(
                f"refused to reach beyond the warehouse file: {error}"
            ) from error
        return con.df() if statements else pd.DataFrame()
