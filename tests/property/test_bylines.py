"""Whatever a body holds, the byline found at its head is its first line, opening with "By",
and every author is a name of that line; the report starts after it."""

from hypothesis import given
from hypothesis import strategies as st

from orchestration.core.bylines import body_head, find_byline

NAMES = st.sampled_from(["Jane Smith", "ALI HASSAN", "Li Wei", "J. K. Rowling", "the end", "May"])
SEPARATORS = st.sampled_from([" and ", ", ", " & ", ", Reuters", " in ", "\n", "\n\n", " "])
BODIES = st.lists(st.one_of(NAMES, SEPARATORS, st.just("By "), st.text(max_size=8))).map("".join)


@given(BODIES)
def test_a_byline_is_the_first_line_and_its_authors_are_written_on_it(body: str) -> None:
    byline = find_byline(body)
    head = body_head(body)
    if byline is None:
        assert head == 0
        return
    line = body[byline.start : byline.end]
    assert line.startswith(("By", "BY")) and "\n" not in line
    assert not body[: byline.start].strip()
    assert byline.end < head <= len(body) and body[head:].strip()
    for author in byline.authors:
        assert all(word.lower() in line.lower() for word in author.split())
