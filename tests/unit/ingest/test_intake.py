"""take_in: each version of a file taken in once, in a cursor that stays small, on a simulated
inbox where changes keep arriving while the sensor looks."""

import random

from orchestration.ingest.intake import (
    MAX_RECENT,
    SETTLE_NS,
    InboxCursor,
    InboxFile,
    take_in,
)

SECOND = 1_000_000_000
START = 1_700_000_000 * SECOND


def version(path: str, changed_ns: int, size: int = 100) -> InboxFile:
    return InboxFile(path, changed_ns, f"1:{changed_ns}:{changed_ns}:{size}")


def test_a_first_look_takes_in_every_file() -> None:
    files = [version(f"f{i}.txt", START - i * SECOND) for i in range(5)]
    intake = take_in(files, InboxCursor(), START)
    assert sorted(f.path for f in intake.taken) == sorted(f.path for f in files)
    assert intake.waiting == 0


def test_cursor_stays_small_after_5000_files() -> None:
    settled = START - SETTLE_NS
    files = [version(f"inbox/article-{i:05}.txt", settled - i * 1000) for i in range(5000)]
    first = take_in(files, InboxCursor(), START)
    assert len(first.taken) == 5000
    assert len(first.cursor.dumps()) < 1024
    later = take_in(files, first.cursor, START + 30 * SECOND)
    assert later.taken == []
    assert len(later.cursor.dumps()) < 1024


def test_a_burst_of_fresh_files_waits_rather_than_grow_the_cursor() -> None:
    burst = [version(f"burst-{i:04}.txt", START - i) for i in range(5000)]
    first = take_in(burst, InboxCursor(), START)
    assert len(first.taken) == MAX_RECENT
    assert first.waiting == 5000 - MAX_RECENT
    assert len(first.cursor.dumps()) < 1024
    second = take_in(burst, first.cursor, START + SETTLE_NS + 1)
    taken = [f.path for f in first.taken + second.taken]
    assert sorted(taken) == sorted(f.path for f in burst)
    assert len(second.cursor.dumps()) < 1024


def test_a_file_changed_again_is_taken_in_again() -> None:
    first = take_in([version("a.txt", START - SECOND)], InboxCursor(), START)
    changed = version("a.txt", START + SECOND, size=120)
    again = take_in([changed], first.cursor, START + 2 * SECOND)
    assert again.taken == [changed]


def test_a_copy_that_kept_an_old_modification_time_is_taken_in() -> None:
    """`cp -p` sets the copy's mtime back, never its ctime: the copy changed when it was made."""
    first = take_in([version("a.txt", START - SECOND)], InboxCursor(), START)
    copy = InboxFile("old.txt", START + 5 * SECOND, f"2:{START + 5 * SECOND}:{START // 2}:10")
    later = take_in([version("a.txt", START - SECOND), copy], first.cursor, START + 6 * SECOND)
    assert later.taken == [copy]


def test_a_file_taken_in_fresh_is_not_taken_again_once_settled() -> None:
    fresh = version("fresh.txt", START - 1)
    first = take_in([fresh], InboxCursor(), START)
    assert first.taken == [fresh]
    settled = take_in([fresh], first.cursor, START + 10 * SETTLE_NS)
    assert settled.taken == []
    assert settled.cursor.recent == frozenset()


def test_a_cursor_of_another_shape_starts_over() -> None:
    assert InboxCursor.loads('{"inbox/a.txt": "1:2"}') == InboxCursor()
    assert InboxCursor.loads(None) == InboxCursor()
    cursor = InboxCursor(START, frozenset({"0123456789abcdef"}))
    assert InboxCursor.loads(cursor.dumps()) == cursor


def test_every_version_is_taken_in_exactly_once_while_changes_keep_arriving() -> None:
    """Files are written, rewritten and copied in at random moments, some of them while the
    inbox is being listed (their change is seen by the next look), with timestamps that lag
    the clock by up to a tick; the sensor looks every few seconds."""
    rng = random.Random(20240516)
    tick = 4_000_000
    events = sorted(
        (START + rng.randrange(60 * SECOND), f"file-{rng.randrange(3000):04}.txt")
        for _ in range(6000)
    )
    inbox: dict[str, InboxFile] = {}
    made: list[InboxFile] = []
    taken: list[InboxFile] = []
    cursor = InboxCursor()
    clock = START
    pending = iter(events)
    event = next(pending, None)
    while event is not None or clock < START + 120 * SECOND:
        clock += rng.choice([SECOND // 10, SECOND // 2, SECOND, 3 * SECOND]) + rng.randrange(tick)
        listing_ends = clock + rng.randrange(SECOND)
        while event is not None and event[0] < clock:
            at, path = event
            stamp = at - at % tick  # a coarse timestamp, behind the clock
            inbox[path] = InboxFile(path, stamp, f"{len(made)}:{stamp}:{stamp}:{len(made)}")
            made.append(inbox[path])
            event = next(pending, None)
        listed = dict(inbox)
        # Changes made while the inbox is listed: some are seen by this look, some are not.
        while event is not None and event[0] < listing_ends:
            at, path = event
            stamp = at - at % tick
            inbox[path] = InboxFile(path, stamp, f"{len(made)}:{stamp}:{stamp}:{len(made)}")
            made.append(inbox[path])
            if rng.random() < 0.5:
                listed[path] = inbox[path]
            event = next(pending, None)
        intake = take_in(listed.values(), cursor, clock)
        taken += intake.taken
        cursor = intake.cursor
        assert len(cursor.dumps()) < 1024
    assert len(taken) == len(set(taken)), "a version was taken in twice"
    final = set(inbox.values())
    assert final <= set(taken), "a file's last version was never taken in"
    assert set(taken) <= set(made)
