"""`newsledger sql`'s table: cells as people read them, columns cut to fit the terminal."""

import numpy as np
import pandas as pd
from rich.console import Console

from orchestration.result_table import cell_text, column_widths, result_table
from orchestration.warehouse.query import QueryResult


def test_cells_read_as_people_write_them() -> None:
    midnight = pd.Timestamp("2021-08-16 00:00:00")
    assert cell_text(midnight, "DATE") == "2021-08-16"
    assert cell_text(midnight, "TIMESTAMP") == "2021-08-16 00:00:00"
    for null in [None, np.nan, pd.NA, pd.NaT]:
        assert cell_text(null, "VARCHAR") == ""
    assert cell_text(np.array([1, 2]), "INTEGER[]") == "[1, 2]"
    assert cell_text("two\nlines", "VARCHAR") == "two lines"


def test_columns_that_fit_keep_their_width() -> None:
    assert column_widths([10, 19, 7], 40) == [10, 19, 7]


def test_only_the_widest_columns_are_cut() -> None:
    assert column_widths([500, 10, 19, 7, 5], 64) == [23, 10, 19, 7, 5]
    assert column_widths([300, 5, 200], 45) == [20, 5, 20]


def test_the_table_shows_text_as_it_is() -> None:
    frame = pd.DataFrame([["[bold]x[/bold]", 1]], columns=["a", "a"])
    console = Console(width=40, record=True)
    console.print(result_table(QueryResult(frame, ["VARCHAR", "INTEGER"]), 40, 0))
    assert "[bold]x[/bold]" in console.export_text()
