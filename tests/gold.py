"""Gold annotations of shipped articles, and how an extraction is matched against them.

The matching rules are the extraction scorer's: names are compared normalised (NFKC, straight
quotes, no trailing possessive "'s", no leading "the", case and spacing folded); an entity is
found under its canonical name or a name the gold accepts; a figure by its value (within 0.5%)
and its kind or unit; a date by its text and the start of its value; a quotation by its opening
words. Each gold item is matched to at most one extracted item, in the gold's order.

Precision is stricter than the scorer's, which counts only people, places and organisations,
and only money, counts and percentages: here every extracted entity, figure, date and quotation
must be one the gold lists, required or optional (an entity may also be one of the gold's
nationalities). Required items give recall; optional ones are allowed, not required.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).parent / "fixtures"
GOLD_DIR = FIXTURES / "gold"
ARTICLE_DIRS = [FIXTURES / "articles", FIXTURES / "corpus"]
COARSE = {"PERSON": "PER", "PER": "PER", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
          "LOCATION": "LOC", "ORG": "ORG", "ORGANIZATION": "ORG"}  # fmt: skip
VALUE_TOLERANCE = 0.005

Item = dict[str, Any]


@dataclass
class Tally:
    """One kind of item of one article: what the gold requires and what was extracted."""

    required: int = 0
    found: int = 0
    extracted: int = 0
    listed: int = 0
    missed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.required if self.required else 1.0

    @property
    def precision(self) -> float:
        return self.listed / self.extracted if self.extracted else 1.0

    def __str__(self) -> str:
        return (
            f"recall {self.found}/{self.required}, precision {self.listed}/{self.extracted}; "
            f"missed {self.missed}, extra {self.extra}, wrong {self.wrong}"
        )


def gold_files() -> list[Path]:
    """Every gold annotation file shipped with the tests."""
    return sorted(GOLD_DIR.glob("*.json"))


def load_gold(name: str) -> dict[str, Any]:
    """The gold annotations of the article file `name` (with or without its suffix)."""
    return json.loads((GOLD_DIR / f"{Path(name).stem}.json").read_text(encoding="utf-8"))


def article_path(gold: dict[str, Any]) -> Path:
    """The fixture file of the article the gold annotates."""
    name = Path(gold["article"]).name
    [path] = [folder / name for folder in ARTICLE_DIRS if (folder / name).is_file()]
    return path


def norm(text: str | None) -> str:
    """A name or text folded as the scorer compares them."""
    text = unicodedata.normalize("NFKC", text or "").replace("\u2019", "'").replace("\u2018", "'")
    for quote in ("\u201c", "\u201d", "\u00ab", "\u00bb"):
        text = text.replace(quote, '"')
    text = re.sub(r"'s$", "", text.strip())
    text = re.sub(r"^the ", "", text, flags=re.I)
    return re.sub(r"\s+", " ", text).lower()


def coarse(label: str | None) -> str:
    """PER, LOC or ORG for the labels the scorer tells apart; MISC for any other."""
    return COARSE.get((label or "").upper(), "MISC")


def names_of(entity: Item) -> set[str]:
    """The normalised names under which a gold entity counts as found."""
    return {norm(entity["canonical"])} | {norm(name) for name in entity.get("accept", [])}


def gold_entity(gold: dict[str, Any], canonical: str) -> Item:
    """The gold entity with this canonical name."""
    [entity] = [e for e in gold["entities"] if e["canonical"] == canonical]
    return entity


def required(items: Iterable[Item]) -> list[Item]:
    """The gold items an extraction must find."""
    return [item for item in items if not item.get("optional")]


def pair(
    wanted: list[Item], extracted: list[Item], same: Callable[[Item, Item], bool]
) -> list[tuple[Item, int | None]]:
    """Each gold item with the index of the first unused extracted item that matches it."""
    used: set[int] = set()
    pairs = []
    for item in wanted:
        index = next(
            (i for i, got in enumerate(extracted) if i not in used and same(item, got)), None
        )
        if index is not None:
            used.add(index)
        pairs.append((item, index))
    return pairs


def tally(
    gold_items: list[Item],
    extracted: list[Item],
    same: Callable[[Item, Item], bool],
    differences: Callable[[Item, Item], list[str]],
    label: Callable[[Item], str],
) -> Tally:
    """Recall over the required gold items, precision over every extracted item, and the
    differences between each matched pair."""
    pairs = pair(gold_items, extracted, same)
    matched = {index for _, index in pairs if index is not None}
    result = Tally(required=len(required(gold_items)), extracted=len(extracted))
    result.listed = len(matched)
    for item, index in pairs:
        if index is None:
            if not item.get("optional"):
                result.missed.append(label(item))
            continue
        result.found += not item.get("optional")
        result.wrong += [f"{label(item)}: {d}" for d in differences(item, extracted[index])]
    result.extra = [label(got) for i, got in enumerate(extracted) if i not in matched]
    return result


def differ(what: str, want: Any, got: Any) -> list[str]:
    """A difference, described, when `want` and `got` differ."""
    return [] if want == got else [f"{what} is {want!r}, got {got!r}"]


def score_entities(gold: dict[str, Any], record: dict[str, Any]) -> Tally:
    """Entities: gold entities by name, then nationalities by their text. The scorer does not
    count nationalities: they are allowed, not required."""
    nationalities = [
        {"canonical": n["text"], "type": "NORP", "country": n.get("country"),
         "name_mentions": n["mentions"], "nationality": True, "optional": True}
        for n in gold.get("nationalities", [])
    ]  # fmt: skip

    def same(want: Item, got: Item) -> bool:
        return norm(got["name"]) in names_of(want)

    def differences(want: Item, got: Item) -> list[str]:
        found = []
        if want.get("nationality"):
            found += differ("type", "NORP", got["type"])
        else:
            found += differ("coarse type", coarse(want["type"]), coarse(got["type"]))
        if want.get("country"):
            found += differ("country", want["country"], got["country"])
        if "name_mentions" in want:
            found += differ("name mentions", want["name_mentions"], len(got["mentions"]))
        return found

    return tally(
        gold["entities"] + nationalities,
        record["entities"],
        same,
        differences,
        lambda e: e.get("canonical") or e["name"],
    )


def close(want: float, got: float | None) -> bool:
    """The scorer's value match: within 0.5%, and within 0.005 of small values."""
    return got is not None and abs(float(got) - want) <= VALUE_TOLERANCE * max(1.0, abs(want))


def score_figures(gold: dict[str, Any], record: dict[str, Any]) -> Tally:
    """Figures: by value and kind or unit; then text, kind, unit and qualifier compared, and
    period, subject and object where the gold gives them."""
    names = {e["id"]: e["name"] for e in record["entities"]}

    def same(want: Item, got: Item) -> bool:
        return close(want["value"], got["value"]) and (
            got["kind"] == want["kind"] or norm(got["unit"]) == norm(want.get("unit"))
        )

    def party(want: Item, got: Item, role: str) -> list[str]:
        name = names.get(got.get(f"{role}_entity_id") or "")
        if norm(name) in names_of(gold_entity(gold, want[role])):
            return []
        return [f"{role} is {want[role]!r}, got {name!r}"]

    def differences(want: Item, got: Item) -> list[str]:
        found = differ("text", norm(want["text"]), norm(got["text"]))
        found += differ("kind", want["kind"], got["kind"])
        found += differ("unit", norm(want.get("unit")), norm(got["unit"]))
        # A gold figure's text holds its qualifier words: with none, the figure has none.
        found += differ("qualifier", want.get("qualifier"), got["qualifier"])
        if "period" in want:
            found += differ("period", want["period"], got["period"])
        for role in ("subject", "object"):
            if role in want:
                found += party(want, got, role)
        return found

    return tally(gold.get("figures", []), record["figures"], same, differences, figure_label)


def figure_label(figure: Item) -> str:
    """A figure as a failure names it."""
    return f"{figure['text']!r} = {figure['value']} {figure.get('unit')}"


def score_dates(gold: dict[str, Any], record: dict[str, Any]) -> Tally:
    """Date expressions: by text and value; then granularity compared."""

    def same(want: Item, got: Item) -> bool:
        return norm(got["text"]) == norm(want["text"]) and str(got["value"] or "").startswith(
            want["value"]
        )

    def differences(want: Item, got: Item) -> list[str]:
        return differ("granularity", want.get("granularity"), got["granularity"])

    return tally(gold.get("dates", []), record["dates"], same, differences, date_label)


def date_label(found: Item) -> str:
    """A date expression as a failure names it."""
    return f"{found['text']!r} = {found['value']}"


def score_quotes(gold: dict[str, Any], record: dict[str, Any]) -> Tally:
    """Quotations: by their opening words; then the speaker compared."""

    def same(want: Item, got: Item) -> bool:
        return norm(want["starts_with"]) in norm(got["text"])

    def differences(want: Item, got: Item) -> list[str]:
        speaker = next(
            (e for e in gold["entities"] if e["canonical"] == want["speaker"]),
            {"canonical": want["speaker"]},
        )
        if norm(got["speaker"]) in names_of(speaker):
            return []
        return [f"speaker is {want['speaker']!r}, got {got['speaker']!r}"]

    return tally(gold.get("quotes", []), record["quotes"], same, differences, quote_label)


def quote_label(quote: Item) -> str:
    """A quotation as a failure names it: its first words."""
    return repr((quote.get("starts_with") or quote["text"])[:48])


def metadata_differences(gold: dict[str, Any], record: dict[str, Any]) -> list[str]:
    """How the article's published date and dateline differ from the gold's."""
    meta, article = gold.get("metadata") or {}, record["article"]
    found = []
    if "published_date" in meta:
        want = date.fromisoformat(meta["published_date"]["value"])
        got = article["published_date"]
        tolerance = meta["published_date"].get("tolerance_days", 0)
        if got is None or abs((date.fromisoformat(got[:10]) - want).days) > tolerance:
            found.append(f"published_date is {want} (+/- {tolerance} days), got {got}")
    if "dateline" in meta:
        dateline = meta["dateline"]
        accepted = {norm(dateline["canonical"]), norm(dateline["text"])}
        accepted |= {norm(name) for name in dateline.get("accept", [])}
        if norm(article["dateline"]) not in accepted:
            found.append(f"dateline is {dateline['canonical']}, got {article['dateline']}")
    return found


SCORERS: dict[str, Callable[[dict[str, Any], dict[str, Any]], Tally]] = {
    "entities": score_entities,
    "figures": score_figures,
    "dates": score_dates,
    "quotes": score_quotes,
}


def score(gold: dict[str, Any], record: dict[str, Any]) -> dict[str, Tally]:
    """Recall, precision and differences of each kind of item of one extraction record."""
    return {kind: scorer(gold, record) for kind, scorer in SCORERS.items()}


def name_mentions(gold: dict[str, Any], canonical: str) -> int:
    """How often the article names the gold entity with this canonical name."""
    return gold_entity(gold, canonical)["name_mentions"]


def quotes_by(gold: dict[str, Any], canonical: str) -> int:
    """How many of the article's quotations the gold attributes to this speaker."""
    return sum(1 for quote in gold.get("quotes", []) if quote["speaker"] == canonical)
