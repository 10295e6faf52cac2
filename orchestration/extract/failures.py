"""Articles extraction could not handle: what went wrong, as a row of failed_extractions.

A failure belongs to one article and one extractor version. It is recorded instead of the
article's extraction, so the run goes on with the other articles, and the article is tried
again only by another extractor version. This module does not import spaCy.
"""

from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from orchestration.extract.version import EXTRACTOR_VERSION

# Longest error message kept: a message may quote the input it choked on.
MESSAGE_CHARS = 1000
# What a failure of a known kind means, by exception class.
KNOWN_CAUSES = {
    BrokenProcessPool: "the worker process extracting this article died (killed, or out of memory)",
    MemoryError: "ran out of memory extracting this article",
    RecursionError: "the text nests too deeply to extract (recursion limit reached)",
}


@dataclass(frozen=True)
class FailedExtraction:
    """An article whose extraction raised, with the error's class and message."""

    article_id: str
    extractor_version: str
    error_class: str
    error_message: str

    @property
    def summary(self) -> str:
        """The error as one line, "ErrorClass: message", for logs and previews."""
        return f"{self.error_class}: {self.error_message}"


def failure(article_id: str, error: BaseException) -> FailedExtraction:
    """The failure of `article_id` with `error`: a plain explanation for known causes, else
    the exception's own message (its class name when it has none), cut to MESSAGE_CHARS."""
    known = next((text for kind, text in KNOWN_CAUSES.items() if isinstance(error, kind)), None)
    message = known or str(error).strip() or type(error).__name__
    if len(message) > MESSAGE_CHARS:
        message = message[: MESSAGE_CHARS - 1] + "…"
    return FailedExtraction(article_id, EXTRACTOR_VERSION, type(error).__name__, message)
