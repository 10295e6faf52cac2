"""Tone by VADER: each sentence's and quotation's scores, and the article's GDELT-style shares
of positive and negative words, verbs and pronouns, with GCAM's VADER dimension.

Expected values are worked by hand from VADER's lexicon (`vader_lexicon.txt`: good 1.9,
great 3.1, love 3.2, hate -2.7, war -2.9, terrible -2.1; "the", "is", "was", "plan", "we",
"they", "but" are not in it) and its documented scoring: a sentence's compound score
is the sum of its words' valences s normalised as s / sqrt(s² + 15); its positive share is
the sum of (valence + 1) over positive words, over that plus the negative words' sum of
(|valence| + 1) and the count of neutral words.
"""

from __future__ import annotations

import math

import pytest
from spacy.language import Language

from orchestration.extract.document import extract_article
from orchestration.extract.tone_scores import ToneCounts, article_tone, merge_tones
from tests.unit.extract.conftest import Extract


def normalised(total: float) -> float:
    """VADER's compound score of a sum of valences, rounded as VADER rounds it."""
    return round(total / math.sqrt(total * total + 15), 4)


def test_article_shares_are_percentages_of_the_words() -> None:
    counts = ToneCounts(
        words=200, positive=6, negative=10, active=30, self_group=4, lexicon_words=20,
        valence_sum=-5.0,
    )  # fmt: skip
    assert article_tone(counts) == {
        "tone": -2.0,
        "positive_score": 3.0,
        "negative_score": 5.0,
        "polarity": 8.0,
        "activity_density": 15.0,
        "self_group_density": 2.0,
        "word_count": 200,
        "gcam_vader_words": 20,
        "gcam_vader_valence": -0.25,
    }


def test_no_words_give_zero_shares_and_no_valence() -> None:
    tone = article_tone(ToneCounts(0, 0, 0, 0, 0, 0, 0.0))
    assert tone["tone"] == tone["polarity"] == 0.0
    assert tone["word_count"] == tone["gcam_vader_words"] == 0
    assert tone["gcam_vader_valence"] is None


def test_sections_merge_to_the_tone_of_their_words_together() -> None:
    first = ToneCounts(100, 3, 1, 12, 2, 6, 4.5)
    second = ToneCounts(300, 3, 9, 45, 0, 14, -21.0)
    whole = ToneCounts(400, 6, 10, 57, 2, 20, -16.5)
    merged = merge_tones([article_tone(first), article_tone(second)])
    expected = article_tone(whole)
    assert merged.keys() == expected.keys()
    for name, value in expected.items():
        assert merged[name] == pytest.approx(value), name
    assert merged["tone"] == pytest.approx(-1.0)  # (6 - 10) of 400 words
    assert merged["gcam_vader_valence"] == pytest.approx(-0.825)


def test_article_counts_words_of_vaders_lexicon(extract: Extract) -> None:
    article = extract("We love the great plan, but they hate the war.")["article"]
    # Ten words; love and great are positive, hate and war negative.
    assert article["word_count"] == 10
    assert article["positive_score"] == pytest.approx(20.0)
    assert article["negative_score"] == pytest.approx(20.0)
    assert article["tone"] == pytest.approx(0.0)
    assert article["polarity"] == pytest.approx(40.0)
    assert article["gcam_vader_words"] == 4
    assert article["gcam_vader_valence"] == pytest.approx((3.2 + 3.1 - 2.7 - 2.9) / 4)
    # Verbs: love, hate; personal pronouns: We, they.
    assert article["activity_density"] == pytest.approx(20.0)
    assert article["self_group_density"] == pytest.approx(20.0)


def test_lexicon_words_match_in_any_case_without_their_punctuation(extract: Extract) -> None:
    article = extract("GOOD. Good, good! The plan is good.")["article"]
    assert article["word_count"] == 7
    assert article["gcam_vader_words"] == 4
    assert article["gcam_vader_valence"] == pytest.approx(1.9)
    assert article["positive_score"] == pytest.approx(400 / 7)
    assert article["negative_score"] == 0.0


def test_each_sentence_gets_vaders_scores_and_offsets(extract: Extract) -> None:
    body = "The plan is good. The war was terrible."
    tones = extract(body)["sentence_tones"]
    assert [(t["sentence"], body[t["start"] : t["end"]]) for t in tones] == [
        (0, "The plan is good."),
        (1, "The war was terrible."),
    ]
    good, bad = tones
    assert good["compound"] == normalised(1.9)
    # (1.9 + 1) against three neutral words.
    assert good["positive"] == round(2.9 / 5.9, 3)
    assert good["neutral"] == round(3 / 5.9, 3)
    assert good["negative"] == 0.0
    assert bad["compound"] == normalised(-2.9 - 2.1)
    assert bad["negative"] == round(7.0 / 9.0, 3)
    assert bad["neutral"] == round(2 / 9.0, 3)
    assert all(t["field"] == "body" for t in tones)


def test_negation_turns_a_sentence_but_not_its_words(extract: Extract) -> None:
    result = extract("The plan is not good.")
    [sentence] = result["sentence_tones"]
    # VADER scales a negated word by -0.74: its sentence reads negative.
    assert sentence["compound"] == normalised(1.9 * -0.74)
    # Bag of words, as GCAM and GDELT count: "good" is still a positive word.
    assert result["article"]["positive_score"] == pytest.approx(20.0)


def test_a_quotation_carries_its_own_tone(extract: Extract) -> None:
    body = "Officials met on Monday.\n\n“We love the great plan,” Maria Lindqvist said."
    [quote] = extract(body)["quotes"]
    assert quote["text"].startswith("We love the great plan")
    assert quote["tone"] == normalised(3.2 + 3.1)


def test_the_title_has_sentence_tones_of_its_own(nlp: Language) -> None:
    result = extract_article(nlp, "The plan is good.", title="War was terrible")
    assert [(t["field"], t["sentence"]) for t in result["sentence_tones"]] == [
        ("title", 0),
        ("body", 0),
    ]
    assert result["sentence_tones"][0]["compound"] == normalised(-2.9 - 2.1)
    # The article's tone is its body's, as the GKG record's offsets are.
    assert result["article"]["word_count"] == 4


def test_a_sectioned_article_counts_the_words_of_the_whole_body(nlp: Language) -> None:
    paragraph = "The plan is good. The war was terrible. They hate it."
    body = "\n\n".join([paragraph] * 40)
    whole = extract_article(nlp, body)
    cut = extract_article(nlp, body, section_chars=300)
    # Eleven words a paragraph, four of them in the lexicon: good, war, terrible, hate.
    assert cut["article"]["word_count"] == whole["article"]["word_count"] == 11 * 40
    assert cut["article"]["gcam_vader_words"] == whole["article"]["gcam_vader_words"] == 4 * 40
    for name in ("tone", "positive_score", "negative_score", "polarity", "gcam_vader_valence"):
        assert cut["article"][name] == pytest.approx(whole["article"][name])
    assert len(cut["sentence_tones"]) == len(whole["sentence_tones"]) == 3 * 40
    assert [t["start"] for t in cut["sentence_tones"]] == [
        t["start"] for t in whole["sentence_tones"]
    ]
