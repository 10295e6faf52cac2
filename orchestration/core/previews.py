"""Markdown previews for asset metadata: the first rows of what a run did, never all of them.

A preview has to fit the UI's metadata panel, so long cells are shortened: a source (a path
or URL) keeps its end, where the file name is; any other text keeps its start.
"""

from typing import Any

import pandas as pd

# Rows a preview shows; a run of thousands of articles gets a note of how many were left out.
PREVIEW_ROWS = 50
# Characters a cell shows at most; the counts beside it stay in view in the UI's panel.
CELL_CHARS = 36
TAIL_COLUMNS = frozenset({"source"})
ELLIPSIS = "…"


def shortened(value: Any, keep_end: bool) -> Any:
    """`value` cut to CELL_CHARS with an ellipsis where text was left out; other values as
    they are."""
    if not isinstance(value, str) or len(value) <= CELL_CHARS:
        return value
    kept = CELL_CHARS - len(ELLIPSIS)
    return ELLIPSIS + value[-kept:] if keep_end else value[:kept] + ELLIPSIS


def preview_markdown(rows: list[dict[str, Any]], total: int, what: str = "articles") -> str:
    """The first PREVIEW_ROWS of `rows` as a Markdown table of shortened cells, noting how many
    of `total` were left out; "none" when there are no rows."""
    if not rows:
        return "none"
    shown = [
        {column: shortened(value, column in TAIL_COLUMNS) for column, value in row.items()}
        for row in rows[:PREVIEW_ROWS]
    ]
    table = pd.DataFrame(shown).to_markdown(index=False)
    if total > PREVIEW_ROWS:
        table += f"\n\nfirst {PREVIEW_ROWS} of {total} {what}"
    return table
