"""The benchmark corpus: deterministic for a seed, varied, and readable by the ingest stage."""

import re
from pathlib import Path

from benchmarks.corpus import generate_articles, write_corpus
from orchestration.ingest.readers import read_paths


def test_same_seed_same_articles_other_seed_other_articles() -> None:
    assert generate_articles(20, seed=7) == generate_articles(20, seed=7)
    assert generate_articles(20, seed=7) != generate_articles(20, seed=8)


def test_a_corpus_is_a_prefix_of_a_larger_one() -> None:
    assert generate_articles(5, seed=3) + generate_articles(3, seed=3, start=5) == (
        generate_articles(8, seed=3)
    )


def test_articles_are_distinct_and_varied() -> None:
    articles = generate_articles(200)
    bodies = [a.body for a in articles]
    assert len(set(bodies)) == len(bodies)
    text = "\n".join(bodies)
    datelines = {re.match(r"([^,]+),", body).group(1) for body in bodies}
    assert len(datelines) > 150
    for marker in ("$", "€", "£", "¥", "%", " per cent", "“", '"', "said", "last month"):
        assert marker in text, marker
    words = [len(body.split()) for body in bodies]
    assert 200 < sum(words) / len(words) < 320


def test_written_articles_read_back_with_title_date_and_body(tmp_path: Path) -> None:
    articles = generate_articles(3, seed=1)
    result = read_paths(write_corpus(articles, tmp_path))
    assert not result.rejections
    read = sorted(result.articles, key=lambda a: a.source)
    assert [a.title for a in read] == [a.title for a in articles]
    assert [a.published_date for a in read] == [a.published for a in articles]
    assert [a.body for a in read] == [a.body for a in articles]
