"""Shared fixtures: the shipped test articles and a scratch warehouse."""

import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "articles" / "tokayev-visits-south-korea.txt"


@pytest.fixture
def articles_dir(tmp_path: Path) -> Path:
    """A folder holding copies of the fixture articles."""
    target = tmp_path / "articles"
    shutil.copytree(FIXTURES / "articles", target)
    return target


@pytest.fixture
def warehouse_path(tmp_path: Path) -> Path:
    """Where a test's warehouse file goes."""
    return tmp_path / "warehouse.duckdb"
