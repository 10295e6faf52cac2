"""The extraction JSON of articles: printed by `newsledger extract`, stored in extractions."""

import gc
from collections.abc import Sequence
from typing import Any

from spacy.language import Language

from orchestration.extract.article_text import ArticleFields, ArticleText
from orchestration.extract.document import (
    doc_record,
    extract_article,
    load_pipeline,
    prepare_doc,
    section_length,
    sectioned_record,
    with_titles,
)
from orchestration.extract.failures import FailedExtraction, failure
from orchestration.extract.geo import gazetteer
from orchestration.extract.languages import is_extracted, unextracted_record
from orchestration.extract.nlp import model_name
from orchestration.extract.sections import SECTION_CHARS

# Docs per nlp.pipe batch. The model's working memory grows with the batch: 16 keeps a
# worker near 430 MB where 64 takes it past 700 MB, at the same speed.
PIPE_BATCH_SIZE = 16


def with_article_fields(
    result: dict[str, Any], article_id: str, source: str, title: str | None, body: str
) -> dict[str, Any]:
    """Add the article's own fields to an extraction result."""
    article = {"id": article_id, "source": source, "title": title, "body": body}
    return {**result, "article": {**article, **result["article"]}}


def with_language(result: dict[str, Any], language: str | None) -> dict[str, Any]:
    """An extraction result whose article object names the article's language."""
    return {**result, "article": {**result["article"], "language": language}}


def extraction_record(nlp: Language, article: ArticleFields) -> dict[str, Any]:
    """Extract one article and shape the result as DESIGN's extraction JSON; an article in a
    language the model does not read gets an empty record (see `languages`)."""
    if is_extracted(article.language):
        found = extract_article(
            nlp, article.body, title=article.title, published_date=article.published_date
        )
        result = with_language(found, article.language)
    else:
        result = unextracted_record(model_name(nlp), article.language, article.published_date)
    return with_article_fields(
        result, article.article_id, article.source, article.title, article.body
    )


def chunk_results(
    articles: Sequence[ArticleText],
    nlp: Language | None = None,
    section_chars: int = SECTION_CHARS,
) -> list[dict[str, Any]]:
    """What extraction found in each article, without the article's own fields (see
    chunks.stored_records). Articles in a language the model does not read get an empty
    record (see `languages`); the others go through the model, as `model_results` says."""
    nlp = nlp or load_pipeline()
    readable = [a for a in articles if is_extracted(a.language)]
    read = iter(model_results(readable, nlp, section_chars))
    return [
        with_language(next(read), a.language)
        if is_extracted(a.language)
        else unextracted_record(model_name(nlp), a.language, a.published_date)
        for a in articles
    ]


def model_results(
    articles: Sequence[ArticleText], nlp: Language, section_chars: int
) -> list[dict[str, Any]]:
    """What the model and the components find in each article.

    Articles of at most `section_chars` characters (or `nlp.max_length`, when lower) go through
    `nlp.pipe` together; longer ones are extracted alone, in sections. The titles then go
    through `nlp.pipe` together.
    """
    section_chars = section_length(nlp, section_chars)
    prepared = (
        prepare_doc(nlp, a.body, title=a.title, published_date=a.published_date)
        for a in articles
        if len(a.body) <= section_chars
    )
    docs = nlp.pipe(prepared, batch_size=PIPE_BATCH_SIZE)
    records = [
        doc_record(nlp, next(docs))
        if len(a.body) <= section_chars
        else sectioned_record(nlp, a.body, a.title, a.published_date, section_chars)
        for a in articles
    ]
    return with_titles(nlp, [a.title for a in articles], records)


def chunk_outcomes(
    articles: Sequence[ArticleText], nlp: Language | None = None
) -> list[dict[str, Any] | FailedExtraction]:
    """Each article's results as `chunk_results` gives them, or its failure.

    When extracting the chunk raises, its articles are extracted again one at a time, so
    only the article that raises fails.
    """
    nlp = nlp or load_pipeline()
    try:
        return list(chunk_results(articles, nlp))
    except Exception:
        return [_article_outcome(article, nlp) for article in articles]


def _article_outcome(article: ArticleText, nlp: Language) -> dict[str, Any] | FailedExtraction:
    try:
        [result] = chunk_results([article], nlp)
    except Exception as error:
        return failure(article.article_id, error)
    return result


def load_worker_state() -> None:
    """Load what extraction uses, then exempt it from garbage collection: the model and the
    gazetteer live as long as the worker, and every full collection would walk them again."""
    load_pipeline()
    gazetteer()
    gc.freeze()
