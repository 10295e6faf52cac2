"""Read-only queries against the warehouse: the door behind `newsledger sql`.

Two layers keep a query from changing anything or reaching beyond the warehouse file:

1. Before anything runs, the input is cut into statements at each `;` DuckDB's tokenizer finds
   and each one is checked against an allow-list of read-only forms; one refused statement
   refuses the input. A statement that DuckDB reads files to parse (IMPORT DATABASE) is refused
   by its first word; the others are parsed on an in-memory database locked down like the
   warehouse, so parsing cannot read a file either. What runs is the checked text, unchanged.
2. The warehouse is opened read-only, with external access disabled and the configuration
   locked, so a statement that passes the first layer still cannot write, read other files,
   load extensions or switch these protections off.

Three bounds keep a query from holding the command forever: input longer than a number of
characters is refused before it is parsed, the statements together run for at most a number
of seconds, and a writer's lock on the file is waited for only so long.
"""

import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import duckdb
import pandas as pd

from orchestration.core.connection import open_with_retry
from orchestration.core.location import Warehouse
from orchestration.core.settings import (
    DEFAULT_LOCK_WAIT_SECONDS,
    DEFAULT_SQL_MAX_QUERY_CHARS,
    DEFAULT_SQL_TIMEOUT_SECONDS,
)

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


# Statements that DuckDB's parser expands by reading files (IMPORT DATABASE reads the dump's
# schema.sql and load.sql), refused by their first word before they are parsed.
READ_WHEN_PARSED = frozenset({"IMPORT"})

# The first words of a PIVOT statement, which DuckDB expands into several when its ON values
# come from a query.
PIVOTS = frozenset({"PIVOT", "PIVOT_WIDER"})

# A token's text: a double-quoted name, or its first character and what follows up to a blank
# or a comment.
WORD = re.compile(r'"(?:[^"]|"")*"|\S(?:(?!--|/\*)\S)*')

# After the deadline, the statements' connection is interrupted this often until they stop:
# an interrupt that lands between two statements would otherwise be lost.
INTERRUPT_EVERY_SECONDS = 0.1


@dataclass(frozen=True)
class QueryResult:
    """The result of a query: its rows, and the DuckDB type of each column ("DATE", "VARCHAR",
    "DECIMAL(5,2)", ...), which the frame alone does not tell: DATE and TIMESTAMP columns both
    arrive in pandas as datetime64."""

    frame: pd.DataFrame = field(default_factory=pd.DataFrame)
    types: list[str] = field(default_factory=list)


class ReadOnlyViolation(Exception):
    """The query would change state or reach beyond the warehouse file, so it was stopped."""


class QueryTooLong(Exception):
    """The input is longer than the door parses; nothing was parsed or run."""

    def __init__(self, length: int, limit: int) -> None:
        super().__init__(f"the query is {length:,} characters long; the limit is {limit:,}")


class QueryTimeout(Exception):
    """The statements ran longer than allowed and were interrupted."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"query stopped after {seconds:g} s")
        self.seconds = seconds


def _split(sql: str) -> list[str]:
    """The statements of `sql` as texts, cut at each `;` that DuckDB's tokenizer finds.

    The door splits the input itself rather than taking the statements DuckDB's parser returns:
    that parser expands some statements into several (PIVOT, COPY FROM DATABASE) whose texts are
    empty, and IMPORT DATABASE reads files while it is parsed. A `;` inside a string or a quoted
    name belongs to that token, so it splits nothing. Pieces without any token (blank, only
    comments) are left out.
    """
    pieces: list[str] = []
    start = 0
    for offset, kind in duckdb.tokenize(sql):
        if kind == duckdb.token_type.operator and sql[offset] == ";":
            pieces.append(sql[start:offset])
            start = offset + 1
    pieces.append(sql[start:])
    return [piece for piece in pieces if duckdb.tokenize(piece)]


def _words(sql: str) -> list[tuple[int, str]]:
    """The offset and text of each token of `sql` (DuckDB's tokenizer, which leaves comments out).

    A token's text ends where the next token starts, or earlier at a blank or a comment (a
    double-quoted name keeps its blanks): so `import /* c */ database` starts with the word
    IMPORT. The text of a string constant may be cut short at a blank; it is never compared.
    """
    tokens = duckdb.tokenize(sql)
    ends = [start for start, _ in tokens[1:]] + [len(sql)]
    words: list[tuple[int, str]] = []
    for (start, _), end in zip(tokens, ends, strict=True):
        word = WORD.match(sql, start, end)
        assert word is not None  # a token starts with a character that is not blank
        words.append((start, word.group()))
    return words


def _kind(statement: duckdb.Statement) -> str:
    """The name of the type of `statement` ("SELECT", "PRAGMA", ...), "???" for one the Python
    enum does not know (such as UPDATE EXTENSIONS)."""
    return statement.type.name


def _explained(sql: str, words: list[tuple[int, str]], parser: duckdb.DuckDBPyConnection) -> str:
    """The text of the statement that `EXPLAIN [ANALYZE] [(options)] statement` explains."""
    rest = words[1:]
    if rest[0][1].upper() in {"ANALYZE", "ANALYSE"}:
        rest = rest[1:]
    if rest[0][1] == "(":
        try:
            parser.extract_statements(sql[rest[0][0] :])
        except duckdb.ParserException:  # "(FORMAT json, ...)" options, not a parenthesized query
            rest = rest[[text for _, text in rest].index(")") + 1 :]
    return sql[rest[0][0] :]


def _is_pivot(first: str, statements: list[duckdb.Statement]) -> bool:
    """Whether `statements` are DuckDB's expansion of a PIVOT: the ENUM types of the ON values,
    which come from a query, then the query itself."""
    kinds = [_kind(statement) for statement in statements]
    return first in PIVOTS and kinds[-1] == "SELECT" and set(kinds[:-1]) == {"CREATE"}


def _refused_single(statement: duckdb.Statement, words: list[tuple[int, str]]) -> str | None:
    """The kind of the single `statement` whose tokens are `words` (e.g. "COPY") when it is not
    read-only, None when it is."""
    first = words[0][1].upper()
    kind = _kind(statement)
    if kind == "???":
        return " ".join(text.upper() for _, text in words[:2])
    if kind == "SELECT":  # also WITH, FROM-first, DESCRIBE, SHOW, SUMMARIZE, PIVOT with IN lists
        return None
    pragma = words[1][1].strip('"').lower() if first == "PRAGMA" else None
    if kind == "PRAGMA" and pragma in READ_ONLY_PRAGMAS:
        return None
    if first == "WITH":
        return kind
    if first == "FORCE":
        return f"FORCE {words[1][1].upper()}"
    return first


def _refused_kind(sql: str, parser: duckdb.DuckDBPyConnection) -> str | None:
    """The kind of the statement `sql` (e.g. "COPY") when it is not read-only, None when it is.

    A statement that DuckDB reads files to parse is refused by its first word, unparsed; the
    others are parsed on `parser`, which is locked down so that parsing cannot reach a file.
    """
    words = _words(sql)
    first = words[0][1].upper()
    if first in READ_WHEN_PARSED:
        return first
    try:
        statements = parser.extract_statements(sql)
    except duckdb.PermissionException:  # parsing reached for a file, and was stopped
        return first
    if first == "EXPLAIN":
        inner = _refused_kind(_explained(sql, words, parser), parser)
        return None if inner is None else f"EXPLAIN {inner}"
    if len(statements) > 1:  # DuckDB expanded the statement into several
        return None if _is_pivot(first, statements) else first
    return _refused_single(statements[0], words)


def check_read_only(sql: str) -> list[str]:
    """Return the statements of `sql` as texts, or raise ReadOnlyViolation if any of them is not
    read-only.

    Allowed: queries (SELECT, WITH ... SELECT, FROM-first, VALUES, PIVOT, DESCRIBE, SHOW,
    SUMMARIZE), EXPLAIN [ANALYZE] of those, and the PRAGMAs in READ_ONLY_PRAGMAS. Everything
    else is refused, CALL, SET, USE, IMPORT and transactions included. One parser serves all the
    statements: an in-memory database costs some 30 ms to open, too much to open one each.
    """
    statements = _split(sql)
    with duckdb.connect(config=LOCKED_DOWN) as parser:
        for number, statement in enumerate(statements, start=1):
            kind = _refused_kind(statement, parser)
            if kind is not None:
                article = "an" if kind[0] in "AEIO" or kind.startswith("UPDATE") else "a"
                raise ReadOnlyViolation(f"refused {article} {kind} statement (statement {number})")
    return statements


def check_length(sql: str, max_chars: int = DEFAULT_SQL_MAX_QUERY_CHARS) -> None:
    """Raise QueryTooLong when `sql` has more than `max_chars` characters.

    Checked before parsing: the parse and the read-only check take time in proportion to the
    input, and planning and running what they accept more than that.
    """
    if len(sql) > max_chars:
        raise QueryTooLong(len(sql), max_chars)


@contextmanager
def time_limit(con: duckdb.DuckDBPyConnection, seconds: float) -> Iterator[threading.Event]:
    """Interrupt what runs on `con` once the body has run `seconds` (0: no limit).

    Yields the event that is set when the limit was reached, so the caller can tell DuckDB's
    InterruptException for the limit from one for another reason.
    """
    expired = threading.Event()
    finished = threading.Event()

    def interrupt() -> None:
        expired.set()
        while True:
            con.interrupt()
            if finished.wait(INTERRUPT_EVERY_SECONDS):
                return

    timer = threading.Timer(seconds, interrupt)
    timer.daemon = True
    if seconds > 0:
        timer.start()
    try:
        yield expired
    finally:
        finished.set()
        timer.cancel()
        if seconds > 0:
            timer.join()


def run_read_only(
    path: Warehouse,
    sql: str,
    timeout_seconds: float = DEFAULT_SQL_TIMEOUT_SECONDS,
    max_chars: int = DEFAULT_SQL_MAX_QUERY_CHARS,
    lock_wait_seconds: float = DEFAULT_LOCK_WAIT_SECONDS,
    on_first_wait: Callable[[str], None] | None = None,
) -> QueryResult:
    """Run `sql` against the warehouse at `path` and return the result of its last statement.

    Input without any statement (empty, only comments) runs nothing and returns an empty result.
    Raises, before anything runs, QueryTooLong when the input has more than `max_chars`
    characters and ReadOnlyViolation when a statement is not read-only. Waits up to
    `lock_wait_seconds` while a writer holds the file (telling `on_first_wait`), then raises
    WarehouseBusyError. Raises QueryTimeout when the statements and the fetch of the result take
    more than `timeout_seconds` together (0: no limit), ReadOnlyViolation in place of DuckDB's
    permission error when a statement tries to reach a file other than the warehouse, and
    duckdb.Error when a query fails otherwise.
    """
    check_length(sql, max_chars)
    statements = check_read_only(sql)
    con = open_with_retry(path, True, lock_wait_seconds, LOCKED_DOWN, on_first_wait)
    with con, time_limit(con, timeout_seconds) as expired:
        try:
            for statement in statements:
                con.execute(statement)
            if not statements:
                return QueryResult()
            frame = con.df()
            return QueryResult(frame, [str(column[1]) for column in con.description])
        except duckdb.InterruptException as error:
            if expired.is_set():
                raise QueryTimeout(timeout_seconds) from error
            raise
        except duckdb.PermissionException as error:
            raise ReadOnlyViolation(
                f"refused to reach beyond the warehouse file: {error}"
            ) from error
