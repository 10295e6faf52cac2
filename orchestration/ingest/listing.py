"""Listing inputs: which files to read under the paths given, and which entries to refuse.

Listing looks at each entry without opening it (lstat), so a FIFO, socket or device is refused
before anything can block on it, and a symbolic link is followed only while its target stays
inside the folder being read. Every entry not listed as a file gets a rejection with a reason,
so nothing is skipped silently.
"""

import os
import stat
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from orchestration.ingest.articles import Rejection
from orchestration.ingest.text import valid_text

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
    changed or was replaced before it was read. `folder` is the folder it was read from: the
    folder named that it was found under, or, for a file named itself, the folder holding it.
    """

    path: Path
    target: Path
    follow: bool
    listed: os.stat_result
    folder: Path

    @property
    def relative_path(self) -> str:
        """The path from `folder` to the file, the same on any machine the folder is copied to."""
        return source_of(self.path.relative_to(self.folder))


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


def _list_link(path: Path, root: Path, folder: Path, listing: Listing) -> None:
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
        return listing.files.append(
            ListedFile(path, target, follow=False, listed=found, folder=folder)
        )
    if stat.S_ISLNK(found.st_mode):
        return _refuse(listing, path, f"symbolic link loop, not followed: {shown}", content)
    reason = f"symbolic link to {file_kind(found.st_mode)}, not followed: {shown}"
    return _refuse(listing, path, reason, content)


def _list_entry(
    path: Path, root: Path, folder: Path, listing: Listing, suffixes: Collection[str]
) -> bool:
    """List one entry of a folder; True when it is a folder to walk in turn."""
    try:
        found = os.lstat(path)
    except FileNotFoundError:
        _refuse(listing, path, "file vanished while its folder was listed")
        return False
    if stat.S_ISDIR(found.st_mode):
        if path.suffix.lower() in suffixes:
            _refuse(listing, path, "a directory, not a file: its files are read on their own")
        return True
    if stat.S_ISLNK(found.st_mode):
        _list_link(path, root, folder, listing)
    elif stat.S_ISREG(found.st_mode):
        listing.files.append(ListedFile(path, path, follow=False, listed=found, folder=folder))
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


def _list_folder(folder: Path, listing: Listing, suffixes: Collection[str]) -> None:
    """Walk `folder` depth first in name order, without recursion, however deep it goes."""
    root = Path(os.path.realpath(folder))
    pending = _entries(folder, listing)[::-1]
    while pending:
        path = pending.pop()
        try:
            is_folder = _list_entry(path, root, folder, listing, suffixes)
        except Exception as error:  # one entry must not stop the listing
            _refuse(listing, path, f"unexpected {type(error).__name__}: {error}")
            continue
        if is_folder:
            pending.extend(_entries(path, listing)[::-1])


def _list_named(path: Path, listing: Listing, suffixes: Collection[str]) -> None:
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
        return _list_folder(path, listing, suffixes)
    if stat.S_ISREG(found.st_mode):
        return listing.files.append(
            ListedFile(path, path, follow=True, listed=found, folder=path.parent)
        )
    return _refuse(listing, path, f"not a regular file: {file_kind(found.st_mode)}")


def list_inputs(paths: Iterable[Path], article_suffixes: Collection[str]) -> Listing:
    """The files to read under `paths`, in a stable order, and the entries refused unopened.

    Folders are walked (hidden entries aside) without following links to folders; a link is
    followed only to a regular file inside the folder named. A path named explicitly may be a
    link. FIFOs, sockets, devices, dangling links and folders named like articles are refused
    with a reason, so that nothing is skipped silently; a folder is "named like an article"
    when its suffix is one of `article_suffixes`.
    """
    listing = Listing()
    for path in paths:
        try:
            _list_named(Path(path), listing, article_suffixes)
        except Exception as error:  # one entry must not stop the listing
            _refuse(listing, Path(path), f"unexpected {type(error).__name__}: {error}")
    return listing
