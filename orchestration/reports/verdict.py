"""The data-quality verdict of an article's load, from its run's outcomes and quarantines."""

from dataclasses import dataclass, field
from typing import Any

Row = dict[str, Any]


@dataclass(frozen=True)
class Verdict:
    """What the checks said about the load that put an article in the warehouse.

    `label` is a word or two for lists, `summary` one sentence for the page, and `tone`
    ("ok" or "warn") colours both.
    """

    label: str
    tone: str
    summary: str
    run_id: str | None = None
    validated_at: str | None = None
    checked: int = 0
    failures: list[Row] = field(default_factory=list)
    quarantines: list[Row] = field(default_factory=list)


def verdict(checks: list[Row], quarantines: list[Row]) -> Verdict:
    """Judge a load from its run's expectation outcomes and the article's quarantine history.

    "passed" or "warnings", as mart_articles says: warning-level failures are recorded and
    never block, and error-level failures in a run that still loaded the article were traced
    to other articles, which were held back.
    """
    held_back = f" Held back from {len(quarantines)} load(s), listed below." if quarantines else ""
    if not checks:
        summary = "No validation was recorded for this load." + held_back
        return Verdict("not recorded", "warn", summary, quarantines=quarantines)
    failures = [c for c in checks if not c["success"]]
    errors = sum(1 for c in failures if c["severity"] == "error")
    warnings = len(failures) - errors
    if warnings:
        label, tone, summary = "warnings", "warn", f"Passed with {warnings} warning(s)."
    elif errors:
        label, tone, summary = "passed", "ok", "Passed."
    else:
        label, tone, summary = "passed", "ok", f"Passed: all {len(checks)} expectations met."
    if errors:
        summary += f" {errors} error-level failure(s) concerned rows of other articles, held back."
    return Verdict(
        label=label,
        tone=tone,
        summary=summary + held_back,
        run_id=checks[0]["run_id"],
        validated_at=max(c["validated_at"] for c in checks),
        checked=len(checks),
        failures=failures,
        quarantines=quarantines,
    )
