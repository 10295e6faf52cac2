"""Score extraction on the development corpora and print one table of the results.

Runs the three external scorers (CoNLL-2003 named entities, TempEval-3 calendar dates,
PolNeAR direct quotations), each as a subprocess that extracts through `newsledger extract`,
times them, reads the figures they print and prints a single `measure | value` table. The
scorers and corpora live outside the project; their folders are arguments, so the same
command scores any checkout against the same data.

    python -m benchmarks.extraction_eval --scripts ../shared/eval --data ../shared/eval-data \
        --newsledger .venv/bin/newsledger [--polnear-limit 200]
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

TE3_COLLECTIONS = ("TimeBank", "AQUAINT")
CONLL_TYPES = ("PER", "LOC", "ORG")


@dataclass(frozen=True)
class Ratio:
    """A count over a total, as the scorers print it: `0.870 (87/100)`."""

    hits: int
    total: int

    @property
    def value(self) -> float:
        """The ratio; 0 when there is nothing to count."""
        return self.hits / self.total if self.total else 0.0

    def __add__(self, other: "Ratio") -> "Ratio":
        return Ratio(self.hits + other.hits, self.total + other.total)

    def __str__(self) -> str:
        return f"{self.value:.3f} ({self.hits}/{self.total})"


def _match(pattern: str, output: str) -> re.Match[str]:
    """The first match of `pattern` in a scorer's output; an error names what is missing."""
    found = re.search(pattern, output, re.MULTILINE)
    if found is None:
        raise ValueError(f"scorer output has no line matching {pattern!r}")
    return found


def _ratio(label: str, output: str) -> Ratio:
    """The `label=0.123 (a/b)` figure of a scorer's output (label matched literally)."""
    found = _match(re.escape(label) + r"=?\s*[\d.]+ \((\d+)/(\d+)\)", output)
    return Ratio(int(found.group(1)), int(found.group(2)))


def parse_conll(output: str) -> dict[str, float]:
    """Exact-span F1 per type and for PER+LOC+ORG together, from `conll_ner.py`'s output."""
    scores = {
        kind: float(_match(rf"^{kind}\s+P=[\d.]+ R=[\d.]+ F1=([\d.]+)", output).group(1))
        for kind in CONLL_TYPES
    }
    scores["PER+LOC+ORG"] = float(_match(r"^PER\+LOC\+ORG F1=([\d.]+)", output).group(1))
    return scores


def parse_te3(output: str) -> Ratio:
    """Calendar DATE timexes found with the exact value, from `te3_dates.py`'s output."""
    return _ratio("end_to_end_recall(calendar, exact value)", output)


def parse_polnear(output: str) -> dict[str, Ratio]:
    """Direct-quote recall and named-speaker accuracy, from `polnear_quotes.py`'s output."""
    return {
        "quote_recall": _ratio("quote_recall", output),
        "speaker_named": _ratio("speaker_accuracy(named gold source)", output),
    }


def run_scorer(command: list[str], env: dict[str, str]) -> tuple[str, float]:
    """Run one scorer; its standard output and the wall seconds it took. Fails loudly."""
    start = time.monotonic()
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    seconds = time.monotonic() - start
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stderr[-2000:]}")
    return result.stdout, seconds


def first_texts(folder: Path, limit: int, into: Path) -> Path:
    """Link the first `limit` PolNeAR texts (name order) and their annotations into `into`."""
    for text in sorted(folder.glob("*.txt"))[:limit]:
        for path in [text, *folder.glob(text.stem + "_*.ann")]:
            (into / path.name).symlink_to(path.resolve())
    return into


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scripts", type=Path, required=True, help="folder of the scorers")
    parser.add_argument("--data", type=Path, required=True, help="folder of the corpora")
    parser.add_argument("--newsledger", required=True, help="the newsledger command")
    parser.add_argument(
        "--polnear-limit", type=int, default=0, help="score the first N PolNeAR texts (0: all)"
    )
    return parser.parse_args(argv)


def _check_inputs(scripts: Path, data: Path) -> None:
    """Stop with a clear message when a scorer or a corpus is not where it is expected."""
    needed = [
        scripts / "conll_ner.py",
        scripts / "conll_adapter.py",
        scripts / "te3_dates.py",
        scripts / "polnear_quotes.py",
        data / "conll2003" / "eng.testa",
        data / "polnear-train",
        *(data / "tbaq" / name for name in TE3_COLLECTIONS),
    ]
    missing = [str(path) for path in needed if not path.exists()]
    if missing:
        sys.exit("missing scorer or corpus (set EVAL_SCRIPTS / EVAL_DATA): " + ", ".join(missing))


def main(argv: list[str] | None = None) -> None:
    """Run the scorers and print the table."""
    args = _arguments(argv)
    _check_inputs(args.scripts, args.data)
    env = {**os.environ, "NEWSLEDGER": args.newsledger}
    python = sys.executable
    rows: list[tuple[str, str]] = []

    adapter = f"cmd:{python} {args.scripts / 'conll_adapter.py'} contract"
    testa = args.data / "conll2003" / "eng.testa"
    output, seconds = run_scorer(
        [python, str(args.scripts / "conll_ner.py"), str(testa), "--extractor", adapter], env
    )
    conll = parse_conll(output)
    rows += [
        (f"CoNLL-2003 testa {kind} F1 (exact span)", f"{f1:.3f}") for kind, f1 in conll.items()
    ]
    rows.append(("CoNLL-2003 testa seconds", f"{seconds:.0f}"))

    together = Ratio(0, 0)
    for name in TE3_COLLECTIONS:
        output, seconds = run_scorer(
            [python, str(args.scripts / "te3_dates.py"), str(args.data / "tbaq" / name)], env
        )
        dates = parse_te3(output)
        together += dates
        rows.append((f"TE3 {name} calendar DATE exact value, end to end", str(dates)))
        rows.append((f"TE3 {name} seconds", f"{seconds:.0f}"))
    rows.append(("TE3 TimeBank+AQUAINT calendar DATE exact value, end to end", str(together)))

    with tempfile.TemporaryDirectory() as tmp:
        polnear = args.data / "polnear-train"
        if args.polnear_limit:
            polnear = first_texts(polnear, args.polnear_limit, Path(tmp))
        output, seconds = run_scorer(
            [python, str(args.scripts / "polnear_quotes.py"), str(polnear)], env
        )
    quotes = parse_polnear(output)
    scope = f"first {args.polnear_limit} texts" if args.polnear_limit else "all texts"
    rows.append((f"PolNeAR train ({scope}) direct quotes found", str(quotes["quote_recall"])))
    rows.append(
        (f"PolNeAR train ({scope}) speaker right, named source", str(quotes["speaker_named"]))
    )
    rows.append(("PolNeAR train seconds", f"{seconds:.0f}"))

    width = max(len(measure) for measure, _ in rows)
    print(f"| {'measure'.ljust(width)} | value |")
    print(f"|{'-' * (width + 2)}|-------|")
    for measure, value in rows:
        print(f"| {measure.ljust(width)} | {value} |")


if __name__ == "__main__":
    main()
