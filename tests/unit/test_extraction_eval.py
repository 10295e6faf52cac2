"""The evaluation table reads the figures the external scorers print (captured outputs)."""

from pathlib import Path

import pytest

from benchmarks.extraction_eval import Ratio, parse_conll, parse_polnear, parse_te3

OUTPUTS = Path(__file__).parent.parent / "fixtures" / "eval"


def test_conll_scores_per_type_and_together() -> None:
    scores = parse_conll((OUTPUTS / "conll_ner.out").read_text())
    assert scores == {"PER": 0.798, "LOC": 0.836, "ORG": 0.483, "PER+LOC+ORG": 0.740}


def test_te3_end_to_end_counts_add_up_across_collections() -> None:
    dates = parse_te3((OUTPUTS / "te3_dates.out").read_text())
    assert dates == Ratio(320, 410)
    assert str(dates + Ratio(484, 634)) == "0.770 (804/1044)"


def test_polnear_quote_recall_and_named_speaker() -> None:
    quotes = parse_polnear((OUTPUTS / "polnear_quotes.out").read_text())
    assert quotes["quote_recall"] == Ratio(4732, 5181)
    assert quotes["speaker_named"] == Ratio(2445, 3145)


def test_an_output_without_the_figure_is_an_error() -> None:
    with pytest.raises(ValueError, match="quote_recall"):
        parse_polnear("docs=0\n")
