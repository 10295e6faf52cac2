"""Score the extracted themes against hand-labelled articles: article-level micro precision and
recall.

The gold (tests/fixtures/themes/gold.json) lists, for each article of the test corpus
labelled, the topical themes it is about or explicitly states something about, drawn from the
lexicon's themes (orchestration/extract/data/themes.tsv). An article's predicted themes are
the distinct lexicon themes its extraction names, in the title or the body; the keyword
themes (titles, nationalities, currencies, languages) are outside the gold and not scored.
Each (article, theme) pair counts once: a hit, a false alarm or a miss.

    python -m benchmarks.theme_eval [--gold FILE] [--corpus DIR] [--per-article]
"""

import argparse
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from orchestration.extract.datafiles import data_rows
from orchestration.extract.document import extract_article, load_pipeline
from orchestration.extract.theme_cues import LEXICON
from orchestration.ingest.readers import read_path

ROOT = Path(__file__).parent.parent
GOLD = ROOT / "tests" / "fixtures" / "themes" / "gold.json"
CORPUS = ROOT / "tests" / "fixtures" / "corpus"


@dataclass(frozen=True)
class Score:
    """Hits, false alarms and misses over (article, theme) pairs."""

    hits: int
    false_alarms: int
    misses: int

    @property
    def precision(self) -> float:
        """Share of the predicted pairs that the gold holds; 1 when nothing was predicted."""
        predicted = self.hits + self.false_alarms
        return self.hits / predicted if predicted else 1.0

    @property
    def recall(self) -> float:
        """Share of the gold pairs that were predicted; 1 when the gold holds none."""
        gold = self.hits + self.misses
        return self.hits / gold if gold else 1.0

    def __str__(self) -> str:
        return (
            f"precision={self.precision:.3f} ({self.hits}/{self.hits + self.false_alarms}) "
            f"recall={self.recall:.3f} ({self.hits}/{self.hits + self.misses})"
        )


def lexicon_themes() -> frozenset[str]:
    """The topical themes the lexicon gives cues for: the themes the gold is labelled with."""
    return frozenset(row[0] for row in data_rows(LEXICON))


def score(gold: Mapping[str, set[str]], predicted: Mapping[str, set[str]]) -> Score:
    """Micro-averaged score of the predicted themes of each gold article."""
    hits = false_alarms = misses = 0
    for article, expected in gold.items():
        found = predicted.get(article, set())
        hits += len(found & expected)
        false_alarms += len(found - expected)
        misses += len(expected - found)
    return Score(hits, false_alarms, misses)


def read_gold(path: Path = GOLD) -> dict[str, set[str]]:
    """The gold themes of each labelled article, by file name."""
    return {name: set(themes) for name, themes in json.loads(path.read_text()).items()}


def predicted_themes(names: list[str], corpus: Path = CORPUS) -> dict[str, set[str]]:
    """The lexicon themes extraction finds in each named corpus file, title and body."""
    nlp = load_pipeline()
    scored = lexicon_themes()
    found = {}
    for name in names:
        [article] = read_path(corpus / name).articles
        record = extract_article(nlp, article.body, title=article.title)
        found[name] = {t["theme"] for t in record["themes"]} & scored
    return found


def main() -> None:
    """Extract the gold articles, print the score and, on request, each article's errors."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--per-article", action="store_true")
    args = parser.parse_args()
    gold = read_gold(args.gold)
    predicted = predicted_themes(sorted(gold), args.corpus)
    if args.per_article:
        for name in sorted(gold):
            extra = sorted(predicted[name] - gold[name])
            missed = sorted(gold[name] - predicted[name])
            print(f"{name}: false alarms {extra}; missed {missed}")
    print(f"articles={len(gold)} {score(gold, predicted)}")


if __name__ == "__main__":
    main()
