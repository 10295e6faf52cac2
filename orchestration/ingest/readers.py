"""Reading input files into articles, or into rejections with a reason.

Listing and reading are two steps. Listing looks at each entry without opening it (lstat), so a
FIFO, socket or device is refused before anything can block on it, and a symbolic link is
followed only while its target stays inside the folder being read. Reading opens the listed
file without following links and without blocking, checks that it is still the regular file
that was listed, and reads at most one byte more than the size limit. Nothing one input holds
or does can raise out of `read_path` or `read_paths`.
"""

import dataclasses
import errno
import hashlib
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Protocol

from orchestration.ingest.articles import ArticleInput, ReadResult, Rejection, word_count
from orchestration.ingest.formats import read_json, read_jsonl, read_markdown, read_txt
from orchestration.ingest.html import read_html
from orchestration.ingest.policy import DEFAULT_POLICY, IngestPolicy
from orchestration.ingest.text import UnreadableInput, valid_text


class Reader(Protocol):
    """Turns one input's bytes into articles; raises UnreadableInput with the reason."""

    def __call__(self, source: str, data: bytes, *, policy: IngestPolicy) -> ReadResult: ...


READERS: dict[str, Reader] = {
    ".txt": read_txt,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".json": read_json,
    ".jsonl": read_jsonl,
    ".html": read_html,
    ".htm": read_html,
}

# Open without blocking (a FIFO swapped in after listing), without becoming the controlling
# terminal (a device) and without leaking into child processes.
OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC
CHUNK_BYTES = 1 << 20
SPECIAL_FILES = [
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISLNK, "a symbolic link"),
]


@dataclass(frozen=True)
class ListedFile:
    """A regular file found by listing, and what it was then.

    `target` is what is opened: the path itself, or the resolved target of a symbolic link that
    stays inside its folder. `follow` is true only for a path named explicitly, whose last
    component may be a link. `listed` is the target's stat at listing, to tell a file that
    changed or was replaced before it was read.
    """

    path: Path
    target: Path
    follow: bool
    listed: os.stat_result


@dataclass
class Listing:
    """The files to read, and the entries refused without being opened."""

    files: list[ListedFile] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)


def source_of(path: Path) -> str:
    """The path as stored text; bytes that are not UTF-8 in a name are shown escaped."""
    return os.fsencode(path).decode("utf-8", errors="backslashreplace")


def _refuse(listing: Listing, path: Path, reason: str, content: bytes = b"") -> None:
    listing.rejections.append(Rejection.of(source_of(path), valid_text(reason), content))


def file_kind(mode: int) -> str:
    """What a stat mode describes, for reasons: 'a regular file', 'a FIFO (named pipe)', ..."""
    return next((name for test, name in SPECIAL_FILES if test(mode)), "a regular file")


def _list_link(path: Path, root: Path, listing: Listing) -> None:
    """A link is read only when it resolves to a regular file inside `root`; a refused link is
    recorded with its target as its content."""
    content = os.fsencode(os.readlink(path))
    target = Path(os.path.realpath(path))
    shown = source_of(target)
    if not target.is_relative_to(root):
        reason = f"symbolic link to {shown}, outside {source_of(root)}: not followed"
        return _refuse(listing, path, reason, content)
    try:
        found = os.lstat(target)
    except FileNotFoundError:
        return _refuse(listing, path, f"dangling symbolic link to {shown}", content)
    if stat.S_ISREG(found.st_mode):
        return listing.files.append(ListedFile(path, target, follow=False, listed=found))
    if stat.S_ISLNK(found.st_mode):
        return _refuse(listing, path, f"symbolic link loop, not followed: {shown}", content)
    reason = f"symbolic link to {file_kind(found.st_mode)}, not followed: {shown}"
    return _refuse(listing, path, reason, content)


def _list_entry(path: Path, root: Path, listing: Listing) -> bool:
    """List one entry of a folder; True when it is a folder to walk in turn."""
    try:
        found = os.lstat(path)
    except FileNotFoundError:
        _refuse(listing, path, "file vanished while its folder was listed")
        return False
    if stat.S_ISDIR(found.st_mode):
        if path.suffix.lower() in READERS:
            _refuse(listing, path, "a directory, not a file: its files are read on their own")
        return True
    if stat.S_ISLNK(found.st_mode):
        _list_link(path, root, listing)
    elif stat.S_ISREG(found.st_mode):
        listing.files.append(ListedFile(path, path, follow=False, listed=found))
    else:
        _refuse(listing, path, f"not a regular file: {file_kind(found.st_mode)}")
    return False


def _entries(folder: Path, listing: Listing) -> list[Path]:
    try:
        with os.scandir(folder) as scan:
            names = sorted(e.name for e in scan if not e.name.startswith("."))
    except OSError as error:
        _refuse(listing, folder, f"folder cannot be listed: {error.strerror}")
        return []
    return [folder / name for name in names]


def _list_folder(folder: Path, listing: Listing) -> None:
    """Walk `folder` depth first in name order, without recursion, however deep it goes."""
    root = Path(os.path.realpath(folder))
    pending = _entries(folder, listing)[::-1]
    while pending:
        path = pending.pop()
        try:
            is_folder = _list_entry(path, root, listing)
        except Exception as error:  # one entry must not stop the listing
            _refuse(listing, path, f"unexpected {type(error).__name__}: {error}")
            continue
        if is_folder:
            pending.extend(_entries(path, listing)[::-1])


def _list_named(path: Path, listing: Listing) -> None:
    try:
        found = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            target = os.readlink(path)
            reason = f"dangling symbolic link to {os.fsdecode(target)}"
            return _refuse(listing, path, reason, os.fsencode(target))
        return _refuse(listing, path, "no such file or folder")
    except OSError as error:
        return _refuse(listing, path, f"cannot be examined: {error.strerror}")
    if stat.S_ISDIR(found.st_mode):
        return _list_folder(path, listing)
    if stat.S_ISREG(found.st_mode):
        return listing.files.append(ListedFile(path, path, follow=True, listed=found))
    return _refuse(listing, path, f"not a regular file: {file_kind(found.st_mode)}")


def list_inputs(paths: Iterable[Path]) -> Listing:
    """The files to read under `paths`, in a stable order, and the entries refused unopened.

    Folders are walked (hidden entries aside) without following links to folders; a link is
    followed only to a regular file inside the folder named. A path named explicitly may be a
    link. FIFOs, sockets, devices, dangling links and folders named like articles are refused
    with a reason, so that nothing is skipped silently.
    """
    listing = Listing()
    for path in paths:
        try:
            _list_named(Path(path), listing)
        except Exception as error:  # one entry must not stop the listing
            _refuse(listing, Path(path), f"unexpected {type(error).__name__}: {error}")
    return listing


def discover(paths: Iterable[Path]) -> list[Path]:
    """The files that reading `paths` would open, in a stable order.

    Unsupported files are kept so that reading them records a rejection instead of a silent skip.
    """
    return [listed.path for listed in list_inputs(paths).files]


def within_window(article: ArticleInput, earliest: date, latest: date) -> ArticleInput:
    """The article, without a publication date outside [earliest, latest]; the source says why."""
    published = article.published_date
    if published is None or earliest <= published <= latest:
        return article
    reason = (
        f"rejected: {published.isoformat()} is before the earliest accepted date {earliest}"
        if published < earliest
        else f"rejected: {published.isoformat()} is after the latest accepted date {latest}"
    )
    return dataclasses.replace(article, published_date=None, published_date_source=reason)


def apply_policy(result: ReadResult, policy: IngestPolicy, today: date | None = None) -> ReadResult:
    """Move articles too short or too long to be news into the rejections, and drop publication
    dates outside the accepted window (counted from `today`, by default the current date).
    """
    admitted = ReadResult(rejections=list(result.rejections))
    latest = policy.latest_published(today)
    for article in result.articles:
        words = word_count(article.body)
        if words < policy.min_words:
            reason = f"body too short to be an article: {words} words (minimum {policy.min_words})"
        elif words > policy.max_words:
            reason = f"body too long to be an article: {words} words (maximum {policy.max_words})"
        else:
            admitted.articles.append(within_window(article, policy.earliest_published, latest))
            continue
        admitted.rejections.append(Rejection.of(article.source, reason, article.body.encode()))
    return admitted


def _change(listed: os.stat_result, opened: os.stat_result) -> str | None:
    if (opened.st_dev, opened.st_ino) != (listed.st_dev, listed.st_ino):
        return "file replaced between listing and reading"
    if opened.st_size != listed.st_size:
        return (
            f"file changed between listing and reading: {listed.st_size} bytes when listed, "
            f"{opened.st_size} when opened"
        )
    if opened.st_mtime_ns != listed.st_mtime_ns:
        return "file changed between listing and reading: modified after it was listed"
    return None


def _read_at_most(fd: int, limit: int) -> bytes:
    chunks, left = [], limit
    while left > 0:
        chunk = os.read(fd, min(left, CHUNK_BYTES))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


class Refused(Exception):
    """A file refused while it was opened or read; the message is the reason."""

    def __init__(self, reason: str, size: int = 0, data: bytes = b"") -> None:
        super().__init__(reason)
        self.size, self.data = size, data


def _open(listed: ListedFile) -> int:
    flags = OPEN_FLAGS | (0 if listed.follow else os.O_NOFOLLOW)
    try:
        return os.open(listed.target, flags)
    except FileNotFoundError as error:
        raise Refused("file vanished before it was read") from error
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise Refused("file became a symbolic link before it was read") from error
        raise Refused(f"file cannot be opened: {error.strerror}") from error


def read_bytes(listed: ListedFile, policy: IngestPolicy) -> bytes:
    """The bytes of a listed file, at most `policy.max_bytes`; Refused when it is no longer the
    regular file that was listed, or when it is over the size limit.
    """
    fd = _open(listed)
    try:
        opened = os.fstat(fd)
        if not stat.S_ISREG(opened.st_mode):
            raise Refused(f"not a regular file when opened: {file_kind(opened.st_mode)}")
        change = _change(listed.listed, opened)
        if change:
            raise Refused(change, opened.st_size)
        data = _read_at_most(fd, policy.max_bytes + 1)
    finally:
        os.close(fd)
    if len(data) > policy.max_bytes:
        limit = policy.max_bytes
        if opened.st_size > limit:
            raise Refused(
                f"file too large: {opened.st_size} bytes (limit {limit})", opened.st_size, data
            )
        raise Refused(
            f"file too large: grew past {limit} bytes while read (limit {limit})", len(data), data
        )
    return data


def read_file(listed: ListedFile, policy: IngestPolicy = DEFAULT_POLICY) -> ReadResult:
    """Read one listed file into its articles; whatever cannot be read becomes a Rejection.

    Never raises: an unforeseen error is a rejection naming the exception.
    """
    source, data = source_of(listed.path), b""
    try:
        data = read_bytes(listed, policy)
        reader = READERS.get(listed.path.suffix.lower())
        if reader is None:
            raise UnreadableInput(f"unsupported file type {listed.path.suffix or '(none)'}")
        return apply_policy(reader(source, data, policy=policy), policy)
    except Refused as refused:
        digest = hashlib.sha256(refused.data).hexdigest()
        return ReadResult(rejections=[Rejection(source, str(refused), refused.size, digest)])
    except UnreadableInput as error:
        return ReadResult(rejections=[Rejection.of(source, valid_text(str(error)), data)])
    except Exception as error:  # one input must never stop the others
        reason = valid_text(f"unexpected {type(error).__name__}: {error}")
        return ReadResult(rejections=[Rejection.of(source, reason, data)])


def read_paths(paths: Iterable[Path], policy: IngestPolicy = DEFAULT_POLICY) -> ReadResult:
    """Read every file under `paths`; every entry not read as an article is a rejection."""
    listing = list_inputs(paths)
    result = ReadResult(rejections=list(listing.rejections))
    for listed in listing.files:
        result.extend(read_file(listed, policy))
    return result


def read_path(path: Path, policy: IngestPolicy = DEFAULT_POLICY) -> ReadResult:
    """Read one file (or every file of one folder); whatever cannot be read is a Rejection."""
    return read_paths([path], policy)
