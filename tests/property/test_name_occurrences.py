"""Finding names again in an article: the same matches as one alternation regex would give."""

import re

from hypothesis import given
from hypothesis import strategies as st

from orchestration.extract.candidates import occurrences

PIECES = st.sampled_from(["Moon", "Moon Jae-in", "Jae", "in", "-", " ", "’s", "x", "é", "Kim"])
TEXTS = st.lists(PIECES, max_size=30).map("".join)
FORMS = st.sets(st.lists(PIECES, min_size=1, max_size=3).map("".join), max_size=6)


def by_regex(text: str, forms: set[str]) -> list[tuple[int, int, str]]:
    """One regex alternating the forms, longest first, as whole words."""
    pattern = re.compile(
        r"(?<![\w-])(?:"
        + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        + r")(?![\w]|-\w)"
    )
    return [(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]


@given(TEXTS, FORMS.filter(lambda forms: all(f.strip() for f in forms)))
def test_occurrences_match_the_alternation(text: str, forms: set[str]) -> None:
    assert occurrences(text, forms) == (by_regex(text, forms) if forms else [])
