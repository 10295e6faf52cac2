"""When `newsledger run` starts another run: while the last one succeeded, took some articles
on, and left some awaiting."""

from orchestration.core.run_summary import RunSummary, until_loaded


def summary(success: bool = True, extracted: int = 0, loaded: int = 0, awaiting: int = 0):
    return RunSummary("run", success, extracted, loaded, awaiting, 0, 0)


def drain(outcomes: list[RunSummary]) -> list[bool]:
    """The `first` flags of the runs until_loaded starts, given what each run comes to."""
    firsts: list[bool] = []

    def run(first: bool) -> RunSummary:
        firsts.append(first)
        return outcomes[len(firsts) - 1]

    until_loaded(run, lambda outcome: outcome)
    return firsts


def test_runs_go_on_while_each_takes_a_batch_and_some_await() -> None:
    runs = [summary(extracted=2, loaded=2, awaiting=3), summary(extracted=2, loaded=2, awaiting=1)]
    assert drain([*runs, summary(extracted=1, loaded=1)]) == [True, False, False]


def test_a_batch_whose_every_extraction_failed_does_not_stop_the_drain() -> None:
    # Nothing loaded, but the run took a batch on: the next batch is still to be extracted.
    runs = [summary(extracted=2, loaded=0, awaiting=3), summary(extracted=3, loaded=3)]
    assert drain(runs) == [True, False]


def test_a_failed_run_stops_the_drain() -> None:
    assert drain([summary(success=False, extracted=2, awaiting=3)]) == [True]


def test_a_run_that_took_nothing_on_stops_the_drain() -> None:
    # What awaits is held back (quarantined, say): another run would do the same nothing.
    assert drain([summary(awaiting=3)]) == [True]
