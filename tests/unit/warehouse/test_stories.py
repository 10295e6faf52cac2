"""Near-copies of an article are grouped into one story; different reports, even on one subject,
are not; the grouping does not depend on the order or the batches articles come in."""

import json
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from orchestration.warehouse.stories import (
    THRESHOLD,
    Grouping,
    Signed,
    StoredArticle,
    group,
    shingles,
    signatures,
    similarity,
)
from tests.conftest import FIXTURES, SEED
from tests.near_copies import boilerplate, near_copies, own_lead

SEED_BODY = SEED.read_text(encoding="utf-8")
COPIES = near_copies(SEED_BODY, 20)
# Different reports on one subject in the test corpus: two on interest rates, two snap
# elections, two waiting lists, two Seoul stories.
SAME_SUBJECT = [
    ("ankara-central-bank-rates.txt", "santiago-rate-brief.txt"),
    ("astana-snap-election.txt", "lisbon-snap-election.txt"),
    ("london-nhs-waiting-list.txt", "amsterdam-housing-waiting-list.txt"),
    ("seoul-chipmaker-earnings.txt", "seoul-tokyo-summit.txt"),
]


def corpus_body(path: Path) -> str:
    """The body of a test-corpus article (JSON articles keep it in their "body")."""
    text = path.read_text(encoding="utf-8")
    return json.loads(text)["body"] if path.suffix == ".json" else text


@pytest.fixture(scope="module")
def corpus() -> dict[str, str]:
    """The 50 distinct articles of the test corpus, by file name."""
    return {path.name: corpus_body(path) for path in sorted((FIXTURES / "corpus").iterdir())}


def jaccard(a: str, b: str) -> float:
    """The exact Jaccard similarity of two bodies' shingles."""
    first, second = shingles(a), shingles(b)
    return len(first & second) / len(first | second)


def signed(bodies: list[str], prefix: str = "a") -> list[Signed]:
    """The bodies as new articles `<prefix>0`, `<prefix>1`, ..., ranked in that order."""
    return [
        Signed(f"{prefix}{n}", (1, n), signature) for n, signature in enumerate(signatures(bodies))
    ]


def partition(stories: dict[str, str]) -> set[frozenset[str]]:
    """The groups of articles that share a story, whatever the stories' names."""
    groups: dict[str, set[str]] = {}
    for article_id, story_id in stories.items():
        groups.setdefault(story_id, set()).add(article_id)
    return {frozenset(members) for members in groups.values()}


def test_shingles_are_folded_five_word_runs() -> None:
    assert shingles("The Bank RAISED rates, again; said Ms. Lee") == {
        b"the bank raised rates again",
        b"bank raised rates again said",
        b"raised rates again said ms",
        b"rates again said ms lee",
    }
    assert shingles("Too short.") == {b"too short"}
    # Compatibility forms and typography do not make a copy look different.
    assert shingles("the ﬁnance minister’s “plan” was") == shingles(
        'the finance minister\'s "plan"  was'
    )


def test_the_signature_estimates_the_jaccard_similarity(corpus: dict[str, str]) -> None:
    other = corpus["ankara-central-bank-rates.txt"]
    [seed, copy, different] = signatures([SEED_BODY, COPIES[8], other])
    assert similarity(seed, seed) == 1.0
    # 128 values: the estimate's standard error is at most sqrt(0.25 / 128) = 0.044.
    assert similarity(seed, copy) == pytest.approx(jaccard(SEED_BODY, COPIES[8]), abs=0.15)
    assert similarity(seed, different) == pytest.approx(jaccard(SEED_BODY, other), abs=0.15)


def test_twenty_near_copies_are_one_story_named_after_the_first() -> None:
    grouping = group(signed([SEED_BODY, *COPIES]))
    assert set(grouping.stories.values()) == {"a0"}
    assert grouping.merged == {}
    # Even the copy that both has its own first paragraph and lost its last one is a copy.
    assert jaccard(SEED_BODY, COPIES[8]) >= THRESHOLD


def test_different_reports_stay_different_stories(corpus: dict[str, str]) -> None:
    names = list(corpus)
    grouping = group(signed(list(corpus.values())))
    assert len(set(grouping.stories.values())) == len(names) == 50
    for first, second in SAME_SUBJECT:
        assert jaccard(corpus[first], corpus[second]) < THRESHOLD / 4


def test_a_copy_loaded_later_joins_the_stored_story() -> None:
    [original] = signatures([SEED_BODY])
    stored = [[StoredArticle("old", "story-old", (0, 1), original)]]
    grouping = group(signed(COPIES[:2], prefix="new"), stored)
    assert grouping.stories == {"new0": "story-old", "new1": "story-old"}
    assert grouping.merged == {}


def test_an_article_copying_two_stories_joins_them_under_the_earlier() -> None:
    paragraphs = SEED_BODY.split("\n\n")
    head, tail = "\n\n".join(paragraphs[:7]), "\n\n".join(paragraphs[5:])
    assert jaccard(head, tail) < THRESHOLD / 2
    assert min(jaccard(SEED_BODY, head), jaccard(SEED_BODY, tail)) > THRESHOLD + 0.1
    tail_signature, head_signature = signatures([tail, head])
    stored = [
        [StoredArticle("tail", "tail", (0, 1), tail_signature)],
        [StoredArticle("head", "head", (0, 2), head_signature)],
    ]
    grouping = group(signed([SEED_BODY], prefix="whole"), stored)
    assert grouping == Grouping(stories={"whole0": "tail"}, merged={"head": "tail"})


def test_the_grouping_does_not_depend_on_order_or_batches(corpus: dict[str, str]) -> None:
    bodies = [*COPIES[:6], *list(corpus.values())[:10], SEED_BODY]
    articles = signed(bodies)
    at_once = group(articles)
    shuffled = articles.copy()
    random.Random(7).shuffle(shuffled)
    reordered = [Signed(a.article_id, (1, n), a.signature) for n, a in enumerate(shuffled)]
    assert partition(group(reordered).stories) == partition(at_once.stories)
    # In two batches, the second matched against what the first stored.
    first = group(articles[:8])
    rank = {a.article_id: a.rank for a in articles}
    stored = [
        [
            StoredArticle(a.article_id, story, (0, *rank[story]), a.signature)
            for a in articles[:8]
            for story in [first.stories[a.article_id]]
        ]
    ]
    second = group(articles[8:], stored)
    stories = {**first.stories, **second.stories}
    stories = {a: second.merged.get(story, story) for a, story in stories.items()}
    assert partition(stories) == partition(at_once.stories)
    assert len(partition(at_once.stories)) == 11  # the seed and its copies, and ten others


def test_a_short_wire_story_rewritten_at_both_ends_is_still_one_story() -> None:
    paragraphs = SEED_BODY.split("\n\n")
    wire = "\n\n".join(paragraphs[:4])
    outlet = "Morning Courier"
    copy = "\n\n".join([own_lead(outlet), *paragraphs[1:3], boilerplate(outlet)])
    assert THRESHOLD < jaccard(wire, copy) < 0.6  # half its text is new or gone
    assert set(group(signed([wire, copy])).stories.values()) == {"a0"}


def test_with_no_new_article_no_stored_signature_is_read() -> None:
    def stored() -> Iterator[list[StoredArticle]]:
        raise AssertionError("the stored signatures were read")
        yield []

    assert group([], stored()) == Grouping()
