"""A failure in a few articles quarantines them; a widespread one blocks the load."""

import pandas as pd

from orchestration.quality.quarantine import decide
from orchestration.quality.suites import SUITES
from orchestration.quality.validation import validate_frame


def figures(
    articles: list[str], ends: list[int], units: list[str | None] | None = None
) -> pd.DataFrame:
    n = len(articles)
    return pd.DataFrame(
        {
            "figure_id": [f"{a}:{i}" for i, a in enumerate(articles)],
            "article_id": articles,
            "kind": ["count"] * n,
            "value": [1.0] * n,
            "unit": units or ["things"] * n,
            "currency": [None] * n,
            "qualifier": [None] * n,
            "start_char": [0] * n,
            "end_char": ends,
            "text_length": [100] * n,
            "field": ["body"] * n,
            "low_value": [1.0] * n,
            "high_value": [1.0] * n,
        }
    )


def verdict(frame: pd.DataFrame, staged: int, share: float = 0.2):
    outcomes, _ = validate_frame("stg_figures", SUITES["stg_figures"](), frame)
    return decide(outcomes, staged, share)


def test_one_bad_article_in_ten_is_quarantined() -> None:
    articles = [f"a{i}" for i in range(10)]
    result = verdict(figures(articles, [5] * 9 + [500]), staged=10)
    assert not result.blocking
    assert result.quarantine == {"a9": ["expect_column_pair_values_a_to_be_greater_than_b"]}


def test_failures_in_more_than_the_share_block() -> None:
    articles = [f"a{i}" for i in range(10)]
    result = verdict(figures(articles, [500] * 3 + [5] * 7), staged=10)
    assert result.blocking
    assert result.quarantine == {}
    assert "3 of 10 articles failed" in result.reason


def test_share_is_configurable() -> None:
    articles = [f"a{i}" for i in range(10)]
    assert not verdict(figures(articles, [500] * 3 + [5] * 7), staged=10, share=0.5).blocking


def test_warnings_never_quarantine() -> None:
    articles = [f"a{i}" for i in range(4)]
    result = verdict(figures(articles, [5] * 4, units=[None] * 4), staged=4)
    assert (result.blocking, result.quarantine) == (False, {})


def test_failure_without_an_article_is_systemic() -> None:
    frame = figures(["a0", "a1"], [5, 5])
    frame.loc[1, "article_id"] = None
    frame.loc[1, "end_char"] = 500
    assert verdict(frame, staged=10).blocking
