"""Tone with VADER: each sentence's and each quotation's, and the article's as GDELT's V1.5TONE
and GCAM's VADER dimension measure it.

A sentence or quotation gets VADER's own scores (`polarity_scores`: the compound score in
[-1, 1] and the shares of positive, negative and neutral intensity), negation, boosters and
"but" included. The article's tone counts words, as GDELT's does: VADER's words (whitespace-
separated, outer punctuation stripped), each looked up in VADER's lexicon on its own, GCAM's
"bag of words" mode; its verbs and personal pronouns stand in for GDELT's "active" words and
self/group references (`tone_scores`).
"""

from __future__ import annotations

import functools

from spacy.attrs import POS, TAG
from spacy.symbols import VERB
from spacy.tokens import Doc
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer, SentiText

from orchestration.extract.records import doc_text, sentence_bounds, token_chars
from orchestration.extract.schema import SentenceTone
from orchestration.extract.tone_scores import ToneCounts

# Penn Treebank tags of personal and possessive pronouns ("we", "our", "they", "my"): the
# self and group references of GDELT's fifth tone field.
PRONOUN_TAGS = ("PRP", "PRP$")


@functools.cache
def analyzer() -> SentimentIntensityAnalyzer:
    """VADER's analyzer with its lexicon, loaded once per process."""
    return SentimentIntensityAnalyzer()


def compound(text: str) -> float:
    """VADER's compound score of a text, from -1 (most negative) to 1 (most positive)."""
    return analyzer().polarity_scores(text)["compound"]


def sentence_tones(doc: Doc) -> list[SentenceTone]:
    """VADER's scores of each of the doc's sentences, with its offsets (outer whitespace left
    out); a sentence of whitespace alone has none."""
    text = doc_text(doc)
    starts, ends = token_chars(doc)
    bounds = sentence_bounds(doc)
    tones = []
    for k, (first, last) in enumerate(zip(bounds.token_starts, bounds.token_ends, strict=True)):
        start, end = starts[first], ends[last - 1]
        sentence = text[start:end]
        stripped = sentence.strip()
        if not stripped:
            continue
        start += len(sentence) - len(sentence.lstrip())
        scores = analyzer().polarity_scores(stripped)
        tones.append(
            SentenceTone(
                start=start,
                end=start + len(stripped),
                sentence=k,
                compound=scores["compound"],
                positive=scores["pos"],
                negative=scores["neg"],
                neutral=scores["neu"],
            )
        )
    return tones


def tone_counts(doc: Doc) -> ToneCounts:
    """The counts the article's tone is computed from (see `tone_scores.ToneCounts`)."""
    lexicon = analyzer().lexicon
    words = SentiText(doc_text(doc)).words_and_emoticons
    valences = [v for v in (lexicon.get(word.lower()) for word in words) if v is not None]
    tags = doc.to_array([POS, TAG])
    pronouns = [doc.vocab.strings[tag] for tag in PRONOUN_TAGS]
    return ToneCounts(
        words=len(words),
        positive=sum(v > 0 for v in valences),
        negative=sum(v < 0 for v in valences),
        active=int((tags[:, 0] == VERB).sum()) if len(doc) else 0,
        self_group=int(sum((tags[:, 1] == p).sum() for p in pronouns)) if len(doc) else 0,
        lexicon_words=len(valences),
        valence_sum=sum(valences),
    )
