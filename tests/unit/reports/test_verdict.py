"""The data-quality verdict of a load, in the words mart_articles uses."""

from orchestration.reports.verdict import verdict


def check(expectation: str, severity: str = "error", success: bool = True) -> dict:
    return {
        "run_id": "run1",
        "suite": "stg_figures",
        "expectation": expectation,
        "column_name": "value",
        "severity": severity,
        "success": success,
        "unexpected_count": 0 if success else 2,
        "validated_at": "2024-05-02 11:30:00",
    }


def test_every_expectation_met_is_a_pass() -> None:
    result = verdict([check("a"), check("b", "warn")], [])
    assert (result.label, result.tone, result.checked, result.run_id) == ("passed", "ok", 2, "run1")
    assert result.summary == "Passed: all 2 expectations met."
    assert result.failures == []


def test_failed_warnings_are_recorded_but_pass() -> None:
    result = verdict([check("a"), check("b", "warn", success=False)], [])
    assert (result.label, result.tone) == ("warnings", "warn")
    assert [f["expectation"] for f in result.failures] == ["b"]


def test_errors_of_a_loading_run_belong_to_held_back_articles() -> None:
    result = verdict([check("a", success=False), check("b")], [])
    assert (result.label, result.tone) == ("passed", "ok")
    assert "1 error-level failure(s) concerned rows of other articles" in result.summary


def test_earlier_quarantines_are_told() -> None:
    quarantine = {"run_id": "run0", "suite": "stg_figures", "expectation": "a",
                  "quarantined_at": "2024-05-01 10:00:00"}  # fmt: skip
    result = verdict([check("a")], [quarantine])
    assert "Held back from 1 load(s)" in result.summary
    assert result.quarantines == [quarantine]


def test_a_load_without_validation_says_so() -> None:
    result = verdict([], [])
    assert (result.label, result.tone) == ("not recorded", "warn")
