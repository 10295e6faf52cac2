"""The model's attribute rules, applied through a lookup table instead of spaCy's Matcher.

The attribute ruler turns the tagger's fine-grained tags into parts of speech and
morphology, and applies a few dozen exceptions ("I" as a subject, "do" as a main verb).
spaCy's Matcher tries each of its 179 patterns at every token and evaluates set and regex
predicates in Python, which took about a tenth of the model's time. Nearly every pattern
holds a plain equality or set membership, so this component indexes the patterns by one
such value and checks the rest of a pattern only where that value occurs; the odd pattern
made of a regex alone is tried at every token, its verdicts cached per word. It hands
the same matches, in the same order, to the ruler's own `set_annotations`, so the tokens
get exactly the attributes the ruler would give them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.attrs import IDS
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.strings import StringStore
from spacy.tokens import Doc

MODEL_RULER = "attribute_ruler"
STRING_ATTRS = ("ORTH", "LOWER", "TAG", "DEP")
ALIASES = {"TEXT": "ORTH"}
# Preferred attributes to index a pattern by: the rarer a value, the fewer patterns to check.
INDEX_ORDER = ("LOWER", "ORTH", "DEP", "TAG")
# Distinct words whose regex verdicts are kept.
REGEX_CACHE_SIZE = 1 << 16

# A doc's attribute values, one list per column of `RuleIndex.attrs`.
Columns = Sequence[Sequence[int]]
Check = Callable[[Columns, int], bool]
Match = tuple[int, int, int, int]


class UnsupportedPattern(ValueError):
    """A pattern uses an operator or predicate the index does not read."""


@dataclass(frozen=True)
class TokenSpec:
    """One token of a pattern: its checks, and the values of one of them to index it by."""

    checks: tuple[Check, ...]
    keyed: int | None  # position in `checks` of the check the keys stand for
    keys: tuple[tuple[int, int], ...]  # (column, value) pairs, any of which passes that check


@dataclass(frozen=True)
class Pattern:
    """A pattern of the ruler's rule `rule`, found through the keys of its token `anchor`.

    `checks` are (offset from the pattern's start, check) pairs for everything the anchor's
    key does not already guarantee.
    """

    rule: int
    key: int
    length: int
    anchor: int
    checks: tuple[tuple[int, Check], ...]

    @classmethod
    def of(cls, rule: int, key: int, specs: Sequence[TokenSpec], anchor: int | None) -> Pattern:
        checks = tuple(
            (offset, check)
            for offset, spec in enumerate(specs)
            for n, check in enumerate(spec.checks)
            if not (offset == anchor and n == spec.keyed)
        )
        return cls(rule, key, len(specs), anchor or 0, checks)

    def match_at(self, columns: Columns, size: int, start: int) -> Match | None:
        end = start + self.length
        if start < 0 or end > size:
            return None
        if all(check(columns, start + offset) for offset, check in self.checks):
            return (self.rule, self.key, start, end)
        return None


class RuleIndex:
    """The ruler's patterns indexed by (column, value) of one token each.

    Raises `UnsupportedPattern` for a pattern it would not match exactly as the Matcher does.
    """

    def __init__(self, ruler: AttributeRuler) -> None:
        self.strings = ruler.vocab.strings
        rules = [(i, rule["patterns"]) for i, rule in enumerate(ruler.patterns)]
        names = sorted({_attr_name(a) for _, ps in rules for p in ps for spec in p for a in spec})
        unknown = [name for name in names if name not in IDS]
        if unknown:
            raise UnsupportedPattern(f"pattern keys {unknown} are not token attributes")
        self.attrs = [IDS[name] for name in names]
        self.columns = {name: j for j, name in enumerate(names)}
        self.index: list[dict[int, list[Pattern]]] = [{} for _ in names]
        # Patterns with no value to index by (only regexes and exclusions): tried everywhere.
        self.scanned: list[Pattern] = []
        for rule, patterns in rules:
            for pattern in patterns:
                self._add(rule, pattern)

    def _add(self, rule: int, pattern: Sequence[dict]) -> None:
        specs = [self._spec(token) for token in pattern]
        if not specs:
            raise UnsupportedPattern(f"rule {rule} has an empty pattern")
        key = self.strings.add(str(rule))
        indexable = [k for k, spec in enumerate(specs) if spec.keys]
        if not indexable:
            self.scanned.append(Pattern.of(rule, key, specs, None))
            return
        anchor = min(indexable, key=lambda k: _rank(self.attrs[specs[k].keys[0][0]]))
        indexed = Pattern.of(rule, key, specs, anchor)
        for column, value in specs[anchor].keys:
            self.index[column].setdefault(value, []).append(indexed)

    def _spec(self, token: dict) -> TokenSpec:
        if not token:
            # A token that matches anything: the scan below starts from a first check.
            raise UnsupportedPattern("a pattern token without conditions")
        checks: list[Check] = []
        keyed, keys, best = None, (), len(INDEX_ORDER) + 1
        for raw_name, value in token.items():
            name = _attr_name(raw_name)
            column = self.columns[name]
            if name in STRING_ATTRS:
                check, values = self._string_check(column, value)
            elif name.startswith(("IS_", "LIKE_")) and isinstance(value, bool):
                check, values = _equals(column, int(value)), (int(value),)
            else:
                raise UnsupportedPattern(f"attribute {raw_name} = {value!r}")
            if values is not None and _rank(IDS[name]) < best:
                keyed, best = len(checks), _rank(IDS[name])
                keys = tuple((column, v) for v in values)
            checks.append(check)
        return TokenSpec(tuple(checks), keyed, keys)

    def _string_check(self, column: int, value: object) -> tuple[Check, tuple[int, ...] | None]:
        """The check of a string attribute, and the values it may be indexed by (None: any)."""
        if isinstance(value, str):
            wanted = self.strings.add(value)
            return _equals(column, wanted), (wanted,)
        if isinstance(value, dict) and len(value) == 1:
            ((op, operand),) = value.items()
            if op == "IN":
                members = tuple(self.strings.add(v) for v in operand)
                allowed = frozenset(members)
                return (lambda cols, i: cols[column][i] in allowed), members
            if op == "NOT_IN":
                banned = frozenset(self.strings.add(v) for v in operand)
                return (lambda cols, i: cols[column][i] not in banned), None
            if op == "REGEX":
                found = _regex_test(re.compile(operand), self.strings)
                return (lambda cols, i: found(cols[column][i])), None
        raise UnsupportedPattern(f"string predicate {value!r}")

    def matches(self, doc: Doc) -> list[Match]:
        """The (rule, key, start, end) matches of `AttributeRuler.match`, sorted the same way."""
        columns = [doc.to_array(attr).tolist() for attr in self.attrs]
        size = len(doc)
        found = set()
        for values, index in zip(columns, self.index, strict=True):
            for i, value in enumerate(values):
                for pattern in index.get(value, ()):
                    found.add(pattern.match_at(columns, size, i - pattern.anchor))
        for pattern in self.scanned:
            _, first = pattern.checks[0]  # the first token's first check
            starts = (i for i in range(size) if first(columns, i))
            found.update(pattern.match_at(columns, size, start) for start in starts)
        found.discard(None)
        return sorted(found)


def _attr_name(name: str) -> str:
    upper = name.upper()
    return ALIASES.get(upper, upper)


def _rank(attr: int) -> int:
    names = [IDS[name] for name in INDEX_ORDER]
    return names.index(attr) if attr in names else len(names)


def _equals(column: int, wanted: int) -> Check:
    return lambda cols, i: cols[column][i] == wanted


def _regex_test(regex: re.Pattern[str], strings: StringStore) -> Callable[[int], bool]:
    """Whether the string of a hash contains a match; memoised, as words recur."""

    @functools.lru_cache(maxsize=REGEX_CACHE_SIZE)
    def found(value: int) -> bool:
        return regex.search(strings[value]) is not None

    return found


@Language.factory(
    "newsledger_attribute_rules",
    assigns=["token.pos", "token.tag", "token.morph", "token.lemma"],
    requires=["token.tag", "token.dep"],
    default_config={},
)
def make_attribute_rules(nlp: Language, name: str) -> AttributeRules:
    """Pipeline factory: the model's (disabled) attribute ruler, applied through an index."""
    return AttributeRules(nlp.get_pipe(MODEL_RULER))


class AttributeRules:
    """Apply an attribute ruler's rules to each doc, finding the matches through `RuleIndex`.

    A ruler with a pattern the index cannot read (an operator such as "+", a comparison) runs
    as it is.
    """

    def __init__(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler
        try:
            self.index: RuleIndex | None = RuleIndex(ruler)
        except UnsupportedPattern:
            self.index = None

    def __call__(self, doc: Doc) -> Doc:
        if self.index is None:
            return self.ruler(doc)
        self.ruler.set_annotations(doc, self.index.matches(doc))
        return doc
