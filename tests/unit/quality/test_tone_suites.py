"""The tone expectations: VADER's scores in their ranges, sentence tones keyed and in the text."""

import pandas as pd

from orchestration.quality.suites import SUITES
from orchestration.quality.validation import ERROR, validate_frame


def sentence_tones(**overrides: list) -> pd.DataFrame:
    columns = {
        "sentence_tone_id": ["a:0", "a:title:0"],
        "article_id": ["a", "a"],
        "sentence_index": [0, 0],
        "start_char": [0, 0],
        "end_char": [17, 16],
        "compound": [0.4404, -0.7906],
        "positive": [0.492, 0.0],
        "negative": [0.0, 0.778],
        "neutral": [0.508, 0.222],
        "field": ["body", "title"],
        "text_length": [40, 16],
    }
    return pd.DataFrame({**columns, **overrides})


def failed(frame: pd.DataFrame, suite: str) -> set[tuple[str, str | None, str]]:
    return {
        (o.expectation, o.column_name, o.severity)
        for o in validate_frame(suite, SUITES[suite](), frame)[0]
        if not o.success
    }


def test_clean_sentence_tones_pass() -> None:
    assert failed(sentence_tones(), "stg_sentence_tones") == set()


def test_scores_out_of_range_and_duplicate_sentences_are_errors() -> None:
    problems = failed(
        sentence_tones(sentence_tone_id=["a:0", "a:0"], compound=[1.5, 0.0], neutral=[0.5, -0.1]),
        "stg_sentence_tones",
    )
    assert problems == {
        ("expect_column_values_to_be_unique", "sentence_tone_id", ERROR),
        ("expect_column_values_to_be_between", "compound", ERROR),
        ("expect_column_values_to_be_between", "neutral", ERROR),
    }


def test_a_missing_score_is_an_error() -> None:
    assert failed(sentence_tones(compound=[None, 0.1]), "stg_sentence_tones") == {
        ("expect_column_values_to_not_be_null", "compound", ERROR)
    }


def test_quote_tone_outside_vaders_range_is_an_error() -> None:
    quotes = pd.DataFrame(
        {
            "quote_id": ["a:0:5", "a:9:20"],
            "article_id": ["a", "a"],
            "quote_text": ["Great", "Terrible news"],
            "speaker_name": ["Lee", "Kim"],
            "start_char": [0, 9],
            "end_char": [5, 20],
            "text_length": [30, 30],
            "field": ["body", "body"],
            "tone": [0.6249, -1.2],
        }
    )
    assert failed(quotes, "stg_quotes") == {("expect_column_values_to_be_between", "tone", ERROR)}
