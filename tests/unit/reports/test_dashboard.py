"""The dashboard's charts are valid Vega-Lite, and its page draws them with no network."""

import json
import re

import altair as alt

from orchestration.core.connection import connect
from orchestration.reports.dashboard import (
    cooccurrence_heatmap,
    mentions_over_time,
    money_by_country_pair,
    tone_over_time,
)
from orchestration.reports.dashboard_page import (
    panels,
    render_dashboard,
    script_json,
    vega_bundle,
)
from orchestration.reports.queries import dashboard_rows

MENTIONS = [
    {"entity": "Kazakhstan", "entity_type": "GPE", "published_date": "2021-08-16",
     "mentions": 12, "articles": 1, "stories": 1},
    {"entity": "Kazakhstan", "entity_type": "GPE", "published_date": "2021-09-01",
     "mentions": 3, "articles": 2, "stories": 2},
]  # fmt: skip
MONEY = [{"pair": "KOR → KAZ", "currency": "USD", "total_value": 6e9, "figures": 1,
          "figures_inferred": 0, "stories": 1, "copies": 1}]  # fmt: skip
PAIRS = [
    {"entity_a": "Kazakhstan", "entity_b": "South Korea", "sentences": 8},
    {"entity_a": "South Korea", "entity_b": "Kazakhstan", "sentences": 8},
    {"entity_a": "Moon Jae-in", "entity_b": "South Korea", "sentences": 2},
    {"entity_a": "South Korea", "entity_b": "Moon Jae-in", "sentences": 2},
]


def test_mentions_over_time_puts_each_entity_on_its_own_timeline() -> None:
    spec = mentions_over_time(MENTIONS).to_dict()
    assert spec["mark"]["type"] == "circle"
    assert spec["encoding"]["x"]["field"] == "published_date"
    assert spec["encoding"]["y"]["field"] == "entity"
    # A story printed by several outlets is one dot's worth, not one per copy.
    assert spec["encoding"]["size"]["field"] == "stories"


def test_money_rows_stay_apart_per_currency_on_a_log_scale() -> None:
    spec = money_by_country_pair(MONEY).to_dict()
    dots = spec["layer"][0]
    assert dots["encoding"]["x"]["scale"]["type"] == "log"
    calculated = {t["as"]: t["calculate"] for t in dots["transform"]}
    assert "datum.currency" in calculated["row"]
    assert "figures_inferred" in calculated["countries"]
    assert dots["encoding"]["color"]["field"] == "countries"


def test_heatmap_orders_entities_by_how_often_they_co_occur() -> None:
    spec = cooccurrence_heatmap(PAIRS).to_dict()
    cells = spec["layer"][0]
    assert cells["mark"]["type"] == "rect"
    assert cells["encoding"]["x"]["sort"] == ["South Korea", "Kazakhstan", "Moon Jae-in"]


def test_tone_line_averages_each_days_articles(small_warehouse) -> None:
    with connect(small_warehouse, read_only=True) as con:
        rows = dashboard_rows(con)["tone"]
    assert rows == [
        {"published_date": "2021-08-16", "tone": 2.5, "articles": 1},
        {"published_date": "2024-03-05", "tone": -1.25, "articles": 1},
    ]
    spec = tone_over_time(rows).to_dict()
    neutral, line, dots = spec["layer"]
    assert neutral["mark"]["type"] == "rule" and neutral["data"]["values"] == [{"tone": 0}]
    assert line["mark"]["type"] == "line"
    assert line["encoding"]["x"]["field"] == "published_date"
    assert line["encoding"]["y"]["field"] == "tone"
    assert dots["encoding"]["size"]["field"] == "articles"


def test_empty_data_gives_a_panel_without_chart() -> None:
    shown = panels({"mentions": MENTIONS, "money": [], "cooccurrence": PAIRS, "tone": []})
    assert [(p.key, p.spec is None) for p in shown] == [
        ("mentions", False),
        ("money", True),
        ("cooccurrence", False),
        ("tone", True),
    ]


def test_panels_from_a_warehouse_are_valid_vega_lite(small_warehouse) -> None:
    with connect(small_warehouse, read_only=True) as con:
        shown = panels(dashboard_rows(con))
    specs = [p.spec for p in shown if p.spec]
    assert len(specs) == 4
    for spec in specs:
        alt.TopLevelSpec.from_dict(spec)  # raises on a spec the schema refuses


def test_the_vega_bundle_is_made_once_and_read_back_by_later_runs(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    vega_bundle.cache_clear()
    try:
        made = vega_bundle()
        [kept] = (tmp_path / "newsledger").glob("vega-lite-*.js")
        kept.write_text(made + "// read from the cache\n", encoding="utf-8")
        vega_bundle.cache_clear()
        assert vega_bundle() == made + "// read from the cache\n"
    finally:
        vega_bundle.cache_clear()
    assert "vegaEmbed" in made


def test_script_json_cannot_close_the_script() -> None:
    text = script_json({"name": "</script><script>alert(1)</script>"})
    assert "</" not in text and json.loads(text)["name"].startswith("</script>")


def test_page_inlines_vega_and_each_spec(small_warehouse) -> None:
    with connect(small_warehouse, read_only=True) as con:
        html = render_dashboard(dashboard_rows(con))
    assert not re.search(r"<script[^>]+src=|<link\b", html)
    assert "window.vegaEmbed" in html
    for key in ["mentions", "money", "cooccurrence", "tone"]:
        assert f'id="chart-{key}"' in html
    assert f"/v{alt.SCHEMA_VERSION.lstrip('v').split('.')[0]}" in html  # the spec's $schema


def test_a_charts_rows_travel_once_among_the_specs_datasets() -> None:
    [mentions, _, cooccurrence, _] = panels(
        {"mentions": MENTIONS, "money": [], "cooccurrence": PAIRS, "tone": []}
    )
    assert mentions.spec["data"] == {"name": "rows"}
    assert mentions.spec["datasets"] == {"rows": MENTIONS}
    assert cooccurrence.spec["data"] == {"name": "rows"}
    assert cooccurrence.spec["datasets"] == {"rows": PAIRS}
