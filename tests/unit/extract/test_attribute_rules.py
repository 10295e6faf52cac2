"""The indexed attribute rules give every token what the model's attribute ruler gives it."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from orchestration.extract.attribute_rules import MODEL_RULER, AttributeRules, RuleIndex
from orchestration.extract.nlp import load_model
from tests.unit.extract.conftest import corpus_texts


@pytest.fixture(scope="module")
def model() -> Language:
    return load_model()


def token_attributes(doc: Doc) -> list[tuple[str, str, str, str, str]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_) for t in doc]


def test_same_matches_and_attributes_as_the_model_ruler_on_real_articles(model: Language) -> None:
    ruler = model.get_pipe(MODEL_RULER)
    rules = AttributeRules(ruler)
    assert rules.index is not None, "the model's rules should all be indexable"
    before_ruler = [n for n in model.pipe_names if n not in (MODEL_RULER, "lemmatizer", "ner")]
    bodies = [t.body for t in corpus_texts()]
    with model.select_pipes(enable=before_ruler):
        docs = list(model.pipe(bodies))
        copies = list(model.pipe(bodies))
    for doc, copy in zip(docs, copies, strict=True):
        assert rules.index.matches(doc) == ruler.match(doc)
        ruler(doc)
        rules(copy)
        assert token_attributes(copy) == token_attributes(doc)
    assert len(docs) == len(bodies) >= 40


def ruler_with(patterns: list[dict]) -> AttributeRuler:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(patterns)
    return ruler


def hand_tagged(ruler: AttributeRuler, words: list[str], tags: list[str], deps: list[str]) -> Doc:
    spaces = [True] * len(words)
    return Doc(ruler.vocab, words=words, spaces=spaces, tags=tags, deps=deps,
               heads=list(range(len(words))))  # fmt: skip


def test_every_predicate_kind_matches_as_the_matcher_does() -> None:
    ruler = ruler_with(
        [
            {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}},
            {"patterns": [[{"LOWER": "ran", "TAG": "VBD"}]], "attrs": {"LEMMA": "run"}},
            {
                "patterns": [[{"TAG": {"IN": ["DT", "WDT"]}, "DEP": {"NOT_IN": ["det", ""]}}]],
                "attrs": {"POS": "PRON"},
            },
            {"patterns": [[{"LOWER": {"REGEX": "^n[ou]thin'?$"}}]], "attrs": {"LEMMA": "nothing"}},
            {
                "patterns": [[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "was"]}}]],
                "attrs": {"POS": "VERB"},
                "index": 1,
            },
            {"patterns": [[{"text": "Gets"}], [{"LOWER": "gets"}]], "attrs": {"LEMMA": "get"}},
            {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE"}},
        ]
    )
    words = ["There", "was", "nuthin'", "that", "ran", "Gets", "the", "dog", "\n", "that"]
    tags = ["EX", "VBD", "NN", "WDT", "VBD", "VBZ", "DT", "NN", "_SP", "DT"]
    deps = ["expl", "ROOT", "attr", "nsubj", "relcl", "dep", "det", "dobj", "dep", "det"]
    doc = hand_tagged(ruler, words, tags, deps)
    index = RuleIndex(ruler)
    found = index.matches(doc)
    assert found == ruler.match(doc)
    assert {(rule, start) for rule, _, start, _ in found} == {
        (0, 2), (0, 7), (1, 4), (2, 3), (3, 2), (4, 0), (5, 5), (6, 8),
    }  # fmt: skip


@pytest.mark.parametrize(
    "pattern",
    [[{"TAG": "NN", "OP": "+"}], [{}, {"TAG": "NN"}]],
    ids=["operator", "wildcard token"],
)
def test_a_ruler_the_index_cannot_read_runs_as_it_is(pattern: list[dict]) -> None:
    ruler = ruler_with([{"patterns": [pattern], "attrs": {"POS": "NOUN"}, "index": -1}])
    rules = AttributeRules(ruler)
    assert rules.index is None
    doc = hand_tagged(ruler, ["big", "dog", "house"], ["JJ", "NN", "NN"], ["amod", "ROOT", "dep"])
    assert [t.pos_ for t in rules(doc)] == ["", "NOUN", "NOUN"]
