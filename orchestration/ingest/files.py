"""Reading a listed file's bytes safely: no link followed, nothing blocking, nothing past the limit.

The file is opened without following links and without blocking, checked to be still the
regular file that was listed, and read to at most one byte more than the size limit.
"""

import errno
import os
import stat

from orchestration.ingest.listing import ListedFile, file_kind
from orchestration.ingest.policy import IngestPolicy

# Open without blocking (a FIFO swapped in after listing), without becoming the controlling
# terminal (a device) and without leaking into child processes.
OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC
CHUNK_BYTES = 1 << 20


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
