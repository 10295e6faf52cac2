"""What a run comes to, in a form that crosses processes, and running until nothing awaits."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

Outcome = TypeVar("Outcome")


@dataclass(frozen=True)
class RunSummary:
    """A run's id and outcome, the batch it loaded and its checks: what `newsledger run` hears
    from the process that ran the job (see run_processes)."""

    run_id: str
    success: bool
    extracted: int  # articles the run extracted, or failed to
    loaded: int  # articles the run loaded
    awaiting: int  # articles still awaiting extraction or load after it
    checks_passed: int
    checks_failed: int

    @property
    def more_to_load(self) -> bool:
        """Whether another run should take the next batch: this one succeeded, extracted or
        loaded some articles, and left some awaiting."""
        return self.success and (self.extracted > 0 or self.loaded > 0) and self.awaiting > 0


def until_loaded(
    run: Callable[[bool], Outcome],
    summary: Callable[[Outcome], RunSummary],
    on_run: Callable[[Outcome], None] | None = None,
) -> list[Outcome]:
    """`run(first)` once, then again for as long as articles await loading and each run took
    some on: every run extracts, stages, checks and loads one batch (see
    WarehouseResource.batch_articles),
    so a backlog of any size loads in bounded memory. `first` is True for the first run only,
    the one that takes new input.

    Stops at the first run that failed (a blocking check, say: the backlog waits for a person).
    `on_run` hears of each run as it ends.
    """
    outcomes: list[Outcome] = []
    while True:
        outcome = run(not outcomes)
        outcomes.append(outcome)
        if on_run is not None:
            on_run(outcome)
        if not summary(outcome).more_to_load:
            return outcomes
