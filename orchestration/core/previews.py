"""Markdown previews for asset metadata: the first rows of what a run did, never all of them."""

from typing import Any

import pandas as pd

# Rows a preview shows; a run of thousands of articles gets a note of how many were left out.
PREVIEW_ROWS = 50


def preview_markdown(rows: list[dict[str, Any]], total: int, what: str = "articles") -> str:
    """The first PREVIEW_ROWS of `rows` as a Markdown table, noting how many of `total` were
    left out; "none" when there are no rows."""
    if not rows:
        return "none"
    table = pd.DataFrame(rows[:PREVIEW_ROWS]).to_markdown(index=False)
    if total > PREVIEW_ROWS:
        table += f"\n\nfirst {PREVIEW_ROWS} of {total} {what}"
    return table
