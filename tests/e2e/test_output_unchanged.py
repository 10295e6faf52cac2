"""The seed article's extraction JSON and every warehouse table and view after a run match the
snapshot taken before the package's structure changed (tests/fixtures/unchanged): changes of
structure change no output. An intended change of output updates the snapshot with
`python -m tests.output_snapshot tests/fixtures/unchanged/seed_output.json`, in the same commit."""

import json
import sys
from pathlib import Path

import pytest

from tests.output_snapshot import snapshot

SNAPSHOT = Path(__file__).parents[1] / "fixtures" / "unchanged" / "seed_output.json"
NEWSLEDGER = Path(sys.executable).parent / "newsledger"


@pytest.fixture(scope="module")
def made() -> dict:
    return json.loads(json.dumps(snapshot([str(NEWSLEDGER)]), sort_keys=True))


@pytest.fixture(scope="module")
def expected() -> dict:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def test_the_extraction_json_is_unchanged(made: dict, expected: dict) -> None:
    assert made["extraction"] == expected["extraction"]


def test_every_table_and_view_is_unchanged(made: dict, expected: dict) -> None:
    assert sorted(made["tables"]) == sorted(expected["tables"])
    for name, rows in expected["tables"].items():
        assert made["tables"][name] == rows, name
