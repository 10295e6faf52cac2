"""The memory benchmark's verdicts: memory within 10% of the baseline's, throughput no lower."""

from benchmarks.memory import ratios

BASELINE = {"articles": 2000, "articles_per_second": 15.0, "peak_rss_mib": 1000,
            "peak_process_rss_mib": 600, "peak_pss_mib": 800}  # fmt: skip


def size(rss: int, process: int, pss: int, speed: float) -> dict:
    return {"articles": 20000, "articles_per_second": speed, "peak_rss_mib": rss,
            "peak_process_rss_mib": process, "peak_pss_mib": pss}  # fmt: skip


def test_flat_memory_and_no_slower_meets_both_targets() -> None:
    verdict = ratios(BASELINE, size(1099, 659, 879, 15.0))
    assert verdict["memory_target_met"] and verdict["throughput_target_met"]
    assert verdict["peak_rss_ratio"] == 1.099
    assert verdict["peak_pss_ratio"] == 1.099


def test_memory_grown_past_a_tenth_in_the_tree_the_run_process_or_the_pss_misses() -> None:
    assert not ratios(BASELINE, size(1101, 600, 800, 15.0))["memory_target_met"]
    assert not ratios(BASELINE, size(1000, 661, 800, 15.0))["memory_target_met"]
    assert not ratios(BASELINE, size(1000, 600, 881, 15.0))["memory_target_met"]


def test_a_slower_large_run_misses_the_throughput_target() -> None:
    assert not ratios(BASELINE, size(1000, 600, 800, 14.9))["throughput_target_met"]
