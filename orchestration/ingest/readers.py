"""Reading input files into articles, or into rejections with a reason."""

import hashlib
from collections.abc import Callable, Iterable
from pathlib import Path

from orchestration.ingest.articles import ReadResult, Rejection, word_count
from orchestration.ingest.formats import read_json, read_jsonl, read_markdown, read_txt
from orchestration.ingest.html import read_html
from orchestration.ingest.policy import DEFAULT_POLICY, IngestPolicy
from orchestration.ingest.text import UnreadableInput

Reader = Callable[[str, bytes], ReadResult]

READERS: dict[str, Reader] = {
    ".txt": read_txt,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".json": read_json,
    ".jsonl": read_jsonl,
    ".html": read_html,
    ".htm": read_html,
}


def discover(paths: Iterable[Path]) -> list[Path]:
    """Expand folders into the files they hold (hidden ones aside), in a stable order.

    Unsupported files are kept so that reading them records a rejection instead of a silent skip.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
            )
        elif path.exists():
            found.append(path)
    return found


def apply_policy(result: ReadResult, policy: IngestPolicy) -> ReadResult:
    """Move articles too short to be news into the rejections."""
    admitted = ReadResult(rejections=list(result.rejections))
    for article in result.articles:
        words = word_count(article.body)
        if words < policy.min_words:
            admitted.rejections.append(
                Rejection.of(
                    article.source,
                    f"body too short to be an article: {words} words (minimum {policy.min_words})",
                    article.body.encode("utf-8"),
                )
            )
        else:
            admitted.articles.append(article)
    return admitted


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def read_path(path: Path, policy: IngestPolicy = DEFAULT_POLICY) -> ReadResult:
    """Read one file into its articles; whatever cannot be read becomes a Rejection."""
    source = str(path)
    size = path.stat().st_size
    if size > policy.max_bytes:
        reason = f"file too large: {size} bytes (limit {policy.max_bytes})"
        return ReadResult(rejections=[Rejection(source, reason, size, _file_sha256(path))])
    data = path.read_bytes()
    reader = READERS.get(path.suffix.lower())
    try:
        if reader is None:
            raise UnreadableInput(f"unsupported file type {path.suffix or '(none)'}")
        return apply_policy(reader(source, data), policy)
    except UnreadableInput as error:
        return ReadResult(rejections=[Rejection.of(source, str(error), data)])


def read_paths(paths: Iterable[Path], policy: IngestPolicy = DEFAULT_POLICY) -> ReadResult:
    """Read every file under `paths`."""
    result = ReadResult()
    for path in discover(paths):
        result.extend(read_path(path, policy))
    return result
