"""No article stops the others: one whose extraction raises, or whose worker dies, fails alone
and the rest are extracted as usual, in order."""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Iterator, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from orchestration.core.workers import spawn_pool
from orchestration.extract.chunks import (
    ArticleText,
    StoredRecord,
    failed_article,
    stored_chunks,
    stored_outcomes,
)
from orchestration.extract.failures import FailedExtraction
from orchestration.extract.nlp import build_pipeline
from orchestration.extract.worker_chunks import WorkerChunks
from tests.unit.extract.conftest import corpus_texts

MARKER = "REFUSED-BY-TEST-COMPONENT"
POISON = "poison"


@Language.component("newsledger_test_refuse_marker")
def refuse_marker(doc: Doc) -> Doc:
    """Raise on a doc holding MARKER, as a component that meets text it cannot handle."""
    if MARKER in doc.text:
        raise ValueError(f"cannot handle {MARKER}")
    return doc


def test_an_article_that_raises_fails_alone_with_its_error(nlp: Language) -> None:
    good = corpus_texts()[:5]
    bad = ArticleText("bad", "bad.txt", None, f"{good[0].body}\n\n{MARKER}", None)
    refusing = build_pipeline()
    refusing.add_pipe("newsledger_test_refuse_marker", last=True)
    [outcomes] = stored_chunks([[*good[:2], bad, *good[2:]]], nlp=refusing)
    [expected] = stored_chunks([good], nlp=nlp)
    assert [o.article_id for o in outcomes] == [*(g.article_id for g in good[:2]), "bad",
                                                *(g.article_id for g in good[2:])]  # fmt: skip
    failure = outcomes.pop(2)
    assert isinstance(failure, FailedExtraction)
    assert (failure.error_class, failure.error_message) == ("ValueError", f"cannot handle {MARKER}")
    assert failure.summary == f"ValueError: cannot handle {MARKER}"
    assert outcomes == expected


def upper_unless_poisoned(chunk: Sequence[str]) -> list[str]:
    """Each text upper-cased; the worker kills itself on POISON, as one dying of a text."""
    if POISON in chunk:
        os.kill(os.getpid(), signal.SIGKILL)
    return [text.upper() for text in chunk]


def text_failed(text: str, error: BaseException) -> str:
    """The outcome of a text whose task raised: its error class."""
    return f"{text}: {type(error).__name__}"


def test_a_worker_dying_of_one_item_fails_that_item_alone() -> None:
    chunks = [["a", "b"], ["c", POISON], ["d"], ["e", "f"], ["g"]]
    with WorkerChunks(spawn_pool(2), upper_unless_poisoned, text_failed) as workers:
        outcomes = list(workers.outcomes(chunks))
        assert outcomes == [["A", "B"], ["C", "poison: BrokenProcessPool"], ["D"], ["E", "F"],
                            ["G"]]  # fmt: skip
        assert workers.replacements == 2


def test_a_worker_killed_mid_run_has_its_articles_extracted_again(nlp: Language) -> None:
    texts = corpus_texts()[:16]
    chunks = [texts[start : start + 2] for start in range(0, len(texts), 2)]
    [expected] = stored_chunks([texts], nlp=nlp)
    pool = spawn_pool(2)
    killed: list[int] = []

    def killing_after_first_result() -> Iterator[list[ArticleText]]:
        # Asked for a fifth chunk, the loop has the first's outcomes: the workers are busy with
        # the next ones.
        for number, chunk in enumerate(chunks):
            if number == 4:
                worker = multiprocessing.active_children()[0]
                os.kill(worker.pid, signal.SIGKILL)
                killed.append(worker.pid)
            yield chunk

    with WorkerChunks(pool, stored_outcomes, failed_article) as workers:
        outcomes = [o for chunk in workers.outcomes(killing_after_first_result()) for o in chunk]
        assert workers.replacements == 1
    pool.executor.shutdown()
    assert killed
    assert all(isinstance(o, StoredRecord) for o in outcomes)
    assert outcomes == expected
