"""The benchmark's figures: a stage measured several times reports its median and every run."""

from benchmarks.measure import Elapsed
from benchmarks.pipeline import _add_ratios, _throughput


def test_a_repeated_stage_reports_the_median_of_its_runs() -> None:
    runs = [Elapsed(50.0, 99.0), Elapsed(40.0, 80.0), Elapsed(44.0, 90.0)]
    stage = _throughput("bare spaCy", 2, runs, tokens=440_000)
    assert (stage["seconds"], stage["cpu_seconds"]) == (44.0, 90.0)
    assert stage["tokens_per_second"] == 10_000
    assert stage["runs_seconds"] == [50.0, 40.0, 44.0]


def test_a_stage_measured_once_lists_no_runs_and_ratios_compare_medians() -> None:
    bare = _throughput("bare spaCy", 2, [Elapsed(40.0, 80.0), Elapsed(44.0, 88.0)], 440_000)
    full = _throughput("full pipeline", 2, [Elapsed(55.0, 100.0)], 440_000)
    assert "runs_seconds" not in full
    _add_ratios([bare, full])
    assert bare["seconds"] == 42.0 and bare["tokens_per_second"] == 10_476
    assert (full["ratio_to_bare"], full["cpu_ratio_to_bare"]) == (0.76, 0.84)
