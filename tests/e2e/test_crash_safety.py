"""SIGKILL in any step of a run leaves the warehouse consistent, and the next run ends it.

The runs follow one another into one warehouse, each killed in the next step, as a user whose
runs keep dying would see them; the last is left to finish. Each run killed in a step has come
through the steps before it, whatever the runs killed before it left."""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from orchestration.quality.suites import SUITES
from tests.conftest import write_articles

BIN = Path(sys.executable).parent
STEPS = [
    "raw_articles",
    # The extraction asset's steps: planning its chunks, the one chunk of a run in one
    # process, and the report of its totals.
    "extractions.plan_extraction_chunks",
    "extractions.extract_chunk[all]",
    "extractions.summarize_extractions",
    "staging",
    *(f"{table}_great_expectations" for table in SUITES),
    "warehouse_tables",
]
FACT_KEYS = {
    "fct_entity_mention": "mention_id",
    "fct_figure": "figure_id",
    "fct_quote": "quote_id",
    "fct_date_reference": "date_reference_id",
}
CONSISTENCY = {
    "duplicate facts": " union all ".join(
        f"select count(*) - count(distinct {key}) from {table}" for table, key in FACT_KEYS.items()
    ),
    "facts without their article": " union all ".join(
        f"select count(*) from {table} where article_id not in (select article_id from dim_article)"
        for table in FACT_KEYS
    ),
    "mentions without their entity": """select count(*) from fct_entity_mention
        where entity_id not in (select entity_id from dim_entity)""",
    "articles without raw text": """select count(*) from dim_article
        where article_id not in (select article_id from raw_articles)""",
}
LOADED = ["dim_article", "dim_entity", *FACT_KEYS]


def newsledger_run(folders: list[Path], warehouse: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [str(BIN / "newsledger"), "run", *map(str, folders), "--warehouse", str(warehouse),
         "--log-level", "DEBUG"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )  # fmt: skip


def group_alive(group: int) -> bool:
    """Whether a process of process group `group` still runs: one of its threads is neither a
    zombie nor dead (a process whose main thread has ended, its others still ending, holds its
    files yet)."""
    for stat in Path("/proc").glob("[0-9]*/task/*/stat"):
        try:
            text = stat.read_text()
        except OSError:  # it ended while we looked
            continue
        state, _, process_group = text[text.rindex(")") + 2 :].split()[:3]
        if int(process_group) == group and state not in "ZX":
            return True
    return False


def kill_when_step_starts(run: subprocess.Popen, step: str, delay: float = 0.1) -> None:
    """SIGKILL the run's process group just after `step` starts, and wait for every process of
    it to end (the run's own process holds the warehouse, not `newsledger run`); fail if the
    step never starts."""
    marker = f'Started execution of step "{step}"'
    seen = []
    for line in run.stderr:
        seen.append(line)
        if marker in line:
            time.sleep(delay)
            break
    os.killpg(run.pid, signal.SIGKILL)
    run.wait(timeout=60)
    deadline = time.monotonic() + 60
    while group_alive(run.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert marker in seen[-1], "".join(seen[-20:])


def inconsistencies(warehouse: Path) -> dict[str, int]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        found = {
            name: sum(r[0] for r in con.execute(sql).fetchall())
            for name, sql in CONSISTENCY.items()
        }
    return {name: n for name, n in found.items() if n}


def loaded_counts(warehouse: Path) -> dict[str, int]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in LOADED}


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """A warehouse holding 8 articles, 8 more to add, and the counts before and after."""
    root = tmp_path_factory.mktemp("crash")
    first, second = root / "first", root / "second"
    write_articles(first, 0, 8)
    write_articles(second, 8, 8)
    base = root / "base.duckdb"
    assert newsledger_run([first], base).wait(timeout=300) == 0
    after = root / "after.duckdb"
    shutil.copy(base, after)
    assert newsledger_run([first, second], after).wait(timeout=300) == 0
    return {
        "folders": [first, second],
        "base": base,
        "before": loaded_counts(base),
        "after": loaded_counts(after),
    }


def test_sigkill_in_each_step_in_turn_leaves_before_or_after(
    scenario: dict, tmp_path: Path
) -> None:
    warehouse = tmp_path / "warehouse.duckdb"
    shutil.copy(scenario["base"], warehouse)
    for step in STEPS:
        kill_when_step_starts(newsledger_run(scenario["folders"], warehouse), step)
        assert inconsistencies(warehouse) == {}, f"killed in {step}"
        assert loaded_counts(warehouse) in (scenario["before"], scenario["after"]), step

    assert newsledger_run(scenario["folders"], warehouse).wait(timeout=300) == 0
    assert inconsistencies(warehouse) == {}
    assert loaded_counts(warehouse) == scenario["after"]
    assert scenario["after"]["dim_article"] == 16
