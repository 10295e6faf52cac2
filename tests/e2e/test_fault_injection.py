"""Fault injection: hostile inputs, each run beside a good article, as a user runs newsledger.

The runs follow one another into one warehouse, as a user's would: the inputs read or refused
cheaply share a run, inputs costly to extract have runs of their own (see Case.run), and a last
run reads only a good file. Every run exits 0 within the time and memory bounds, opens nothing
outside its input folder and loads its good article, whatever the warehouse already holds from
the runs before it. Every hostile input is loaded or rejected with a reason naming the cause
(never skipped silently), and every offset stored for it slices its body to the reported text.
"""

import contextlib
import os
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from tests.conftest import FIXTURES
from tests.e2e.fault_cases import CANARY, CASES, Case
from tests.processes import NEWSLEDGER

pytestmark = pytest.mark.e2e

AUDIT = Path(__file__).parent / "open_audit"
LATER = FIXTURES / "corpus" / "amsterdam-housing-waiting-list.txt"
# A different good article beside each run: one already loaded would prove nothing of the run.
GOOD = sorted(p for p in (FIXTURES / "corpus").glob("*.txt") if p != LATER)
TIME_LIMIT_SECONDS = 60
MEMORY_LIMIT_BYTES = 1 << 30
PAGE = os.sysconf("SC_PAGE_SIZE")

# Each fact table and the text it reports, whose offsets must slice the stored body.
OFFSET_TABLES = {
    "fct_entity_mention": "surface",
    "fct_figure": "surface",
    "fct_date_reference": "surface",
}


@dataclass
class Run:
    """A finished `newsledger run`: its exit code, output, time and peak memory."""

    returncode: int
    output: str
    seconds: float
    peak_process_bytes: int
    peak_tree_bytes: int


def descendants(pid: int) -> set[int]:
    """The pids of every living descendant of `pid`; a process that ends while they are read
    has none."""
    found, todo = set(), [pid]
    while todo:
        parent = todo.pop()
        try:
            lists = list(Path(f"/proc/{parent}/task").glob("*/children"))
        except OSError:
            continue
        for children in lists:
            try:
                kids = {int(c) for c in children.read_text().split()}
            except OSError:
                continue
            todo.extend(kids - found)
            found |= kids
    return found


def resident_bytes(pid: int) -> int:
    """Resident memory of `pid` now; 0 once it has gone."""
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
    except (OSError, IndexError):
        return 0


def newsledger_run(paths: list[Path], warehouse: Path, audit_root: Path, log: Path) -> Run:
    """Run `newsledger run` on `paths`, sampling the memory of its process tree until it ends."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(AUDIT), os.environ.get("PYTHONPATH")])),
        "NEWSLEDGER_AUDIT_ROOT": str(audit_root),
        "NEWSLEDGER_AUDIT_LOG": str(log),
    }
    command = [str(NEWSLEDGER), "run", *map(str, paths), "--warehouse", str(warehouse)]
    started = time.monotonic()
    # Output goes to a file: a pipe would stay open as long as any process the run left behind.
    with (log.parent / "run-output.txt").open("w+", encoding="utf-8") as out:
        process = subprocess.Popen(
            command, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
        peaks = {"process": 0, "tree": 0}
        finished = threading.Event()

        def sample() -> None:
            while not finished.wait(0.05):
                sizes = [resident_bytes(p) for p in {process.pid, *descendants(process.pid)}]
                peaks["process"] = max(peaks["process"], *sizes)
                peaks["tree"] = max(peaks["tree"], sum(sizes))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        try:
            process.wait(timeout=TIME_LIMIT_SECONDS * 3)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        finally:
            finished.set()
            sampler.join()
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)  # whatever the run left behind
        seconds = time.monotonic() - started
        out.seek(0)
        output = out.read()
    return Run(process.returncode, output, seconds, peaks["process"], peaks["tree"])


def within_bounds(run: Run) -> None:
    """The run succeeded within the time and memory bounds."""
    assert run.returncode == 0, run.output[-3000:]
    assert run.seconds < TIME_LIMIT_SECONDS, f"took {run.seconds:.1f}s"
    assert run.peak_process_bytes < MEMORY_LIMIT_BYTES, f"{run.peak_process_bytes >> 20} MiB"


def loaded_sources(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Sources of the articles loaded into the star schema."""
    query = "select r.source from dim_article join raw_articles r using (article_id)"
    return [row[0] for row in con.execute(query).fetchall()]


def offsets_slice_bodies(con: duckdb.DuckDBPyConnection, article_ids: list[str]) -> None:
    """Every stored offset of these articles slices the body to the text reported for it."""
    for table, text in OFFSET_TABLES.items():
        wrong = con.execute(
            f"""select f.start_char, f.end_char, f.{text}
                from {table} f join raw_articles r using (article_id)
                where f.article_id in (select unnest($ids))
                  and substr(r.body, f.start_char + 1, f.end_char - f.start_char) <> f.{text}
                limit 3""",
            {"ids": article_ids},
        ).fetchall()
        assert not wrong, f"{table}: {wrong}"


def hostile_outcome(con: duckdb.DuckDBPyConnection, case: Case) -> None:
    """The hostile input was rejected with a reason naming its cause, or taken in."""
    like = f"%{case.marker}%"
    reasons = [
        row[0]
        for row in con.execute(
            "select reason from rejected_inputs where source like $like", {"like": like}
        ).fetchall()
    ]
    taken = con.execute(
        "select article_id, dq_verdict from mart_articles where source like $like", {"like": like}
    ).fetchall()
    if case.rejected is not None:
        assert reasons, f"{case.marker} was neither rejected nor reported"
        assert any(case.rejected in reason.lower() for reason in reasons), reasons
        return
    assert taken, f"{case.marker} was not taken in as an article; rejected: {reasons}"
    assert all(verdict != "pending" for _, verdict in taken), taken
    offsets_slice_bodies(con, [article_id for article_id, _ in taken])
    if case.date_refused:
        dates = con.execute(
            "select published_date, published_date_source from raw_articles"
            " where source like $like",
            {"like": like},
        ).fetchall()
        assert all(day is None and why and why != "given" for day, why in dates), dates


@dataclass(frozen=True)
class Outing:
    """One run of the sequence: its name, the hostile inputs beside its good article, where its
    input folder was, what the run did and which files outside the folder it opened."""

    name: str
    cases: tuple[Case, ...]
    folder: Path
    good: str
    run: Run
    opened: str


def outings() -> Iterator[tuple[str, tuple[Case, ...]]]:
    """The runs, in order, and the hostile inputs each reads; a run with only a good file last."""
    runs: dict[str, list[Case]] = {}
    for case in CASES:
        runs.setdefault(case.run, []).append(case)
    for name, cases in runs.items():
        yield name, tuple(cases)
    yield "only a good file", ()


OUTINGS = dict(outings())


def start_outing(
    index: int, name: str, cases: tuple[Case, ...], root: Path, outside: Path, warehouse: Path
) -> Outing:
    """Write the outing's input folder (its good article and hostile inputs) and run on it."""
    work = root / f"outing-{index:02d}"
    folder = work / "inbox"
    folder.mkdir(parents=True)
    good = GOOD[index] if cases else LATER
    shutil.copy(good, folder / good.name)
    extra = [path for case in cases for path in case.build(folder, outside)]
    log = work / "opened-outside.log"
    run = newsledger_run([folder, *extra], warehouse, outside, log)
    opened = log.read_text(encoding="utf-8") if log.exists() else ""
    return Outing(name, cases, folder, good.name, run, opened)


@pytest.fixture(scope="module")
def sequence(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Outing]]:
    """The warehouse after every outing's run, and the outings by name."""
    root = tmp_path_factory.mktemp("faults")
    outside = root / "outside"
    (outside / "folder").mkdir(parents=True)
    canary = f"{CANARY}. " + "Secret words stay out of the warehouse. " * 10
    (outside / "secret.txt").write_text(canary, encoding="utf-8")
    (outside / "folder" / "secret.txt").write_text(canary, encoding="utf-8")
    warehouse = root / "warehouse.duckdb"
    done = {
        name: start_outing(index, name, cases, root, outside, warehouse)
        for index, (name, cases) in enumerate(OUTINGS.items())
    }
    return warehouse, done


def test_every_case_has_a_marker_no_other_input_holds() -> None:
    names = [c.marker for c in CASES] + [p.name for p in [*GOOD, LATER]]
    for case in CASES:
        assert [n for n in names if case.marker in n] == [case.marker], case.name
    assert len(GOOD) >= len(OUTINGS)


@pytest.mark.parametrize("name", OUTINGS)
def test_each_run_keeps_within_bounds_and_loads_its_good_article(
    name: str,
    sequence: tuple[Path, dict[str, Outing]],
    record_property: Callable[[str, object], None],
) -> None:
    warehouse, done = sequence
    outing = done[name]
    record_property("seconds", round(outing.run.seconds, 1))
    record_property("peak_process_mib", outing.run.peak_process_bytes >> 20)
    record_property("peak_tree_mib", outing.run.peak_tree_bytes >> 20)
    within_bounds(outing.run)
    assert not outing.opened, f"read outside the input folder:\n{outing.opened}"
    with duckdb.connect(str(warehouse), read_only=True) as con:
        good = str(outing.folder / outing.good)
        assert good in loaded_sources(con), f"{good} was not loaded"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_input_is_rejected_with_its_cause_or_taken_in(
    case: Case, sequence: tuple[Path, dict[str, Outing]]
) -> None:
    warehouse, _ = sequence
    with duckdb.connect(str(warehouse), read_only=True) as con:
        hostile_outcome(con, case)


def test_nothing_from_outside_the_input_folders_is_stored(
    sequence: tuple[Path, dict[str, Outing]],
) -> None:
    warehouse, _ = sequence
    with duckdb.connect(str(warehouse), read_only=True) as con:
        leaked = con.execute(
            "select count(*) from raw_articles where body like $canary", {"canary": f"%{CANARY}%"}
        ).fetchone()[0]
        assert leaked == 0
        assert not con.execute(
            "select source from raw_articles where body like '%root:x:0:0%'"
        ).fetchall()
