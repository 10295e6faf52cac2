"""Which inbox files an evaluation of the inbox sensor takes in, remembered in a small cursor.

A file is judged by its status-change time (ctime): the kernel sets it on every write, rename,
link or copy and nothing can set it back, so a copy that keeps an old modification time
(`cp -p`) still counts as new. The cursor holds a horizon, before which every change was
taken in, and the digests of the few files taken in that changed after it:

- An evaluation starting at `now` moves the horizon to `now - SETTLE_NS`. A change older than
  that was made before the inbox was listed, so the listing saw it; SETTLE_NS covers file
  systems whose timestamps lag the clock by a tick or so.
- Files changed between the old and the new horizon are taken in unless a digest says they
  already were; files changed after the new horizon are taken in and their digests kept, up to
  MAX_RECENT of them. The others wait for a later evaluation, which finds them behind its
  horizon and takes them in then.

So each version of a file is taken in once, and the cursor stays under a kilobyte however many
files the inbox has seen. It relies on the inbox's timestamps following the sensor's clock
within SETTLE_NS: a clock stepped back further can hide the files changed meanwhile.
"""

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field

SETTLE_NS = 2_000_000_000
MAX_RECENT = 32


@dataclass(frozen=True)
class InboxFile:
    """A file as listed: its path, when it last changed (ctime, ns) and what identifies this
    version of it (inode, ctime, mtime, size)."""

    path: str
    changed_ns: int
    signature: str

    @property
    def digest(self) -> str:
        """A short fingerprint of this version of this file, as the cursor keeps it."""
        return hashlib.sha256(f"{self.path}\0{self.signature}".encode()).hexdigest()[:16]


@dataclass(frozen=True)
class InboxCursor:
    """Every change before `horizon_ns` was taken in; so were the versions in `recent`."""

    horizon_ns: int = 0
    recent: frozenset[str] = field(default_factory=frozenset)

    def dumps(self) -> str:
        """The cursor as the sensor stores it."""
        return json.dumps({"horizon_ns": self.horizon_ns, "recent": sorted(self.recent)})

    @classmethod
    def loads(cls, text: str | None) -> "InboxCursor":
        """The cursor stored by `dumps`; none, or one of another shape (an older release kept
        every file's signature), starts over: each file is read once more, and loading an
        article again adds nothing."""
        stored = json.loads(text) if text else {}
        if not isinstance(stored, dict) or "horizon_ns" not in stored:
            return cls()
        return cls(int(stored["horizon_ns"]), frozenset(stored["recent"]))


@dataclass(frozen=True)
class Intake:
    """What one evaluation takes in, how many changed files wait, and the cursor after it."""

    taken: list[InboxFile]
    waiting: int
    cursor: InboxCursor


def take_in(files: Iterable[InboxFile], cursor: InboxCursor, now_ns: int) -> Intake:
    """The files not taken in yet, oldest change first, and the cursor that remembers them;
    `now_ns` is the clock read before the files were listed."""
    horizon = max(cursor.horizon_ns, now_ns - SETTLE_NS)
    unseen = []
    kept = set()
    for found in sorted(files, key=lambda f: (f.changed_ns, f.path)):
        if found.changed_ns < cursor.horizon_ns:
            continue
        if found.digest not in cursor.recent:
            unseen.append(found)
        elif found.changed_ns >= horizon:
            kept.add(found.digest)
    taken = []
    waiting = 0
    for found in unseen:
        if found.changed_ns < horizon:
            taken.append(found)
        elif len(kept) < MAX_RECENT:
            kept.add(found.digest)
            taken.append(found)
        else:
            waiting += 1
    return Intake(taken, waiting, InboxCursor(horizon, frozenset(kept)))
