"""Read the word lists and tables shipped in the extract package's data folder."""

from __future__ import annotations

from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"


def data_rows(name: str) -> list[list[str]]:
    """Tab-separated rows of a data file, skipping blank lines and "#" comment lines."""
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
