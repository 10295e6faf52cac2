"""A query result as a table for a person at a terminal: `newsledger sql --format table`.

Each row takes one line and the table fits the terminal: a cell too long for its column ends in
an ellipsis, and only the widest columns are narrowed, so a long text does not squeeze the others
into slivers. DATE values read as dates, NULL as an empty cell, and numbers are right-aligned.
"""

import numpy as np
import pandas as pd
from rich.cells import cell_len
from rich.table import Column, Table
from rich.text import Text

from orchestration.warehouse.query import QueryResult

# What a rich table of n columns adds to their widths: a space either side of each cell, and
# n + 1 borders.
BORDER_CELLS_PER_COLUMN = 3


def cell_text(value: object, duckdb_type: str) -> str:
    """`value` of a column of `duckdb_type` as one line: "" for NULL, a DATE without its
    midnight, a list as a list."""
    if isinstance(value, np.ndarray):
        value = value.tolist()
    elif pd.isna(value):  # None, NaN, NaT and pandas' NA
        return ""
    elif duckdb_type == "DATE" and isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    return " ".join(str(value).splitlines())


def column_widths(natural: list[int], room: int) -> list[int]:
    """The width of each column whose content is `natural` cells wide, within `room` cells
    together: every column whole when they fit, else the narrow ones whole and the wider ones
    cut to an equal share of what is left (at least one cell each)."""
    widths = list(natural)
    left = room
    order = sorted(range(len(natural)), key=natural.__getitem__)
    for rank, column in enumerate(order):
        share = max(left // (len(order) - rank), 1)
        widths[column] = min(natural[column], share)
        left -= widths[column]
    return widths


def result_table(result: QueryResult, width: int, max_rows: int) -> Table:
    """The first `max_rows` rows of `result` (all of them when 0) as a table at most `width`
    cells wide."""
    frame = result.frame
    shown = frame.head(max_rows) if max_rows else frame
    rows = [
        [cell_text(value, kind) for value, kind in zip(row, result.types, strict=True)]
        for row in shown.itertuples(index=False, name=None)
    ]
    names = [str(name) for name in frame.columns]
    natural = [
        max([cell_len(name)] + [cell_len(row[i]) for row in rows]) for i, name in enumerate(names)
    ]
    room = width - BORDER_CELLS_PER_COLUMN * len(names) - 1
    columns = [
        Column(
            Text(name),
            justify="right" if is_number(frame.iloc[:, i]) else "left",
            no_wrap=True,
            overflow="ellipsis",
            max_width=column_width,
        )
        for i, (name, column_width) in enumerate(
            zip(names, column_widths(natural, room), strict=True)
        )
    ]
    table = Table(*columns)
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))
    return table


def is_number(column: pd.Series) -> bool:
    """Whether `column` holds numbers (booleans are not)."""
    return pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column)
