"""The corpus dashboard page: Altair charts drawn by Vega embedded inline, so it works offline."""

import contextlib
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import altair as alt
import platformdirs
import vl_convert

from orchestration.reports.dashboard import (
    chart_spec,
    cooccurrence_heatmap,
    mentions_over_time,
    money_by_country_pair,
    tone_over_time,
)
from orchestration.reports.files import write_atomic
from orchestration.reports.templating import render

Row = dict[str, Any]
EMBED_OPTIONS = {"renderer": "svg", "actions": {"export": True, "source": False,
                 "compiled": False, "editor": False}}  # fmt: skip


@dataclass(frozen=True)
class Panel:
    """One chart of the dashboard: where it goes, what it shows, and its Vega-Lite spec."""

    key: str
    title: str
    note: str
    spec: dict[str, Any] | None


@cache
def vega_bundle() -> str:
    """Vega, Vega-Lite and vega-embed as one script, for the Vega-Lite version Altair writes.

    vl-convert takes about a second to bundle them, so the script is kept in the user's cache
    folder under both versions and later runs read it from there.
    """
    major, minor = alt.SCHEMA_VERSION.lstrip("v").split(".")[:2]
    version = f"{major}.{minor}"
    kept = bundle_cache() / f"vega-lite-{version}-vl-convert-{vl_convert.__version__}.js"
    with contextlib.suppress(OSError):
        return kept.read_text(encoding="utf-8")
    bundle = vl_convert.javascript_bundle(vl_version=version)
    with contextlib.suppress(OSError):
        write_atomic(kept, bundle)
    return bundle


def bundle_cache() -> Path:
    """Where bundled scripts are kept between runs: the platform's cache folder for newsledger."""
    return Path(platformdirs.user_cache_dir("newsledger"))


def script_json(value: Any) -> str:
    """`value` as JSON that is safe inside a <script> element."""
    return json.dumps(value).replace("</", "<\\/")


def panels(data: dict[str, list[Row]]) -> list[Panel]:
    """The dashboard's panels from `data` (see queries.dashboard_rows); no spec without data."""
    charts = [
        ("mentions", "Mentions over time", "The most mentioned people, organisations and "
         "places: a dot on each day their articles were published, sized by the stories "
         "that mention them (near-copies of one story, such as a wire story printed by "
         "several outlets, count once; the tooltip gives articles and mentions too).",
         mentions_over_time),
        ("money", "Money by country pair", "Money figures summed per currency, for the pairs "
         "with the most figures, a story printed by several outlets counted once (the "
         "tooltip gives the figures of every copy). A figure's countries are those of its "
         "subject and object entities; where it lacks one, the article's entities stand in: "
         "its most mentioned country as subject, the next one as object (the colour says "
         "where).",
         money_by_country_pair),
        ("cooccurrence", "Entities named in the same sentence", "How many sentences name both "
         "entities, for the most mentioned people, organisations and places.",
         cooccurrence_heatmap),
        ("tone", "Tone over time", "The average tone of the articles published each day: the "
         "share of their words VADER's lexicon rates positive minus the share it rates "
         "negative, in percent (GDELT's tone); above 0 leans positive.", tone_over_time),
    ]  # fmt: skip
    return [
        Panel(key, title, note, chart_spec(build(data[key]), data[key]) if data[key] else None)
        for key, title, note, build in charts
    ]


def render_dashboard(data: dict[str, list[Row]]) -> str:
    """The self-contained dashboard page: headline counts and the charts, no network needed."""
    shown = panels(data)
    return render(
        "dashboard.html",
        summary=data["summary"][0],
        panels=shown,
        specs=script_json({p.key: p.spec for p in shown if p.spec}),
        embed_options=script_json(EMBED_OPTIONS),
        bundle=vega_bundle(),
    )
