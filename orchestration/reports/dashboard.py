"""The corpus dashboard's Altair charts, each built from the rows of its sql/reports/ query."""

from typing import Any

import altair as alt

Row = dict[str, Any]
# What a chart calls the rows it draws: the chart names them, and its spec carries them among
# its top-level datasets (see `chart_spec`). Rows given inline are validated one by one as the
# chart is built, 2 of the 2.1 seconds a 20,000-article dashboard took to draw.
ROWS = "rows"


def chart_spec(chart: alt.TopLevelMixin, rows: list[Row]) -> dict[str, Any]:
    """The Vega-Lite spec of `chart`, built by a function of this module from `rows`, with the
    rows it names."""
    # The builders' specs are checked against the Vega-Lite schema in the tests.
    return {**chart.to_dict(validate=False), "datasets": {ROWS: rows}}


def by_total(rows: list[Row], key: str, value: str) -> list[str]:
    """The distinct `key`s of `rows`, largest sum of `value` first (ties by name)."""
    totals: dict[str, int] = {}
    for row in rows:
        totals[row[key]] = totals.get(row[key], 0) + row[value]
    return sorted(totals, key=lambda name: (-totals[name], name))


def mentions_over_time(rows: list[Row]) -> alt.Chart:
    """A timeline per top entity: a dot on each day its articles were published, sized by the
    stories mentioning it that day, so a story printed by many outlets counts once (dots, not
    lines, since news days are sparse)."""
    return (
        alt.Chart(alt.NamedData(name=ROWS))
        .mark_circle(opacity=0.8)
        .encode(
            x=alt.X(
                "published_date:T",
                title="published",
                axis=alt.Axis(format="%Y-%m-%d"),
                scale=alt.Scale(padding=24),
            ),
            y=alt.Y("entity:N", title=None, sort=by_total(rows, "entity", "stories")),
            size=alt.Size("stories:Q", title="stories", scale=alt.Scale(range=[40, 600])),
            color=alt.Color("entity_type:N", title="type"),
            tooltip=[
                "entity:N",
                "entity_type:N",
                "published_date:T",
                "stories:Q",
                "articles:Q",
                "mentions:Q",
            ],
        )
        .properties(width="container", height=32 * len({row["entity"] for row in rows}) + 20)
    )


def money_by_country_pair(rows: list[Row]) -> alt.LayerChart:
    """Money figures summed per subject → object country pair and currency, one row each, a
    story printed by several outlets counted once.

    A dot on a log scale: sums in different currencies are never added, and millions stay
    visible beside billions. The colour tells where the countries came from.
    """
    base = (
        alt.Chart(alt.NamedData(name=ROWS))
        .transform_calculate(
            row="datum.pair + '  ' + datum.currency",
            label="format(datum.total_value, '.3~s') + ' ' + datum.currency",
            countries="datum.figures_inferred == 0 ? 'the figure' : "
            "datum.figures_inferred == datum.figures ? 'the article' : 'both'",
        )
        .encode(
            y=alt.Y("row:N", title=None, sort="-x"),
            x=alt.X(
                "total_value:Q",
                title="total value (log scale, in its own currency)",
                scale=alt.Scale(type="log", padding=40),
                axis=alt.Axis(format="~s", grid=False),
            ),
        )
    )
    dots = base.mark_circle(size=160, opacity=0.9).encode(
        color=alt.Color(
            "countries:N",
            title="countries from",
            scale=alt.Scale(
                domain=["the figure", "both", "the article"],
                range=["#1f5fa8", "#7b8ec8", "#c0c7d4"],
            ),
        ),
        tooltip=[
            "pair:N",
            "currency:N",
            alt.Tooltip("total_value:Q", format=",.0f", title="total value"),
            "figures:Q",
            alt.Tooltip("figures_inferred:Q", title="countries from the article"),
            "stories:Q",
            alt.Tooltip("copies:Q", title="figures in every copy"),
        ],
    )
    labels = base.mark_text(align="left", dx=12, fontSize=12).encode(text="label:N")
    return (dots + labels).properties(width="container", height=30 * len(rows) + 20)


def cooccurrence_heatmap(rows: list[Row]) -> alt.LayerChart:
    """How many sentences name both entities, for each pair of the most mentioned entities."""
    order = by_total(rows, "entity_a", "sentences")
    peak = max((row["sentences"] for row in rows), default=0)
    base = alt.Chart(alt.NamedData(name=ROWS)).encode(
        x=alt.X("entity_a:N", sort=order, title=None, axis=alt.Axis(labelAngle=-40)),
        y=alt.Y("entity_b:N", sort=order, title=None),
    )
    cells = base.mark_rect().encode(
        color=alt.Color("sentences:Q", title="sentences", scale=alt.Scale(scheme="blues")),
        tooltip=["entity_a:N", "entity_b:N", "sentences:Q"],
    )
    labels = base.mark_text(fontSize=11).encode(
        text="sentences:Q",
        color=alt.condition(
            alt.datum.sentences > peak / 2,
            alt.value("white"),
            alt.value("#1f2933"),
        ),
    )
    return (cells + labels).properties(width=alt.Step(34), height=alt.Step(26))


def tone_over_time(rows: list[Row]) -> alt.LayerChart:
    """The average tone of each day's articles, as a line through a dot per day (sized by the
    articles it averages), with a rule at neutral (0)."""
    base = alt.Chart(alt.NamedData(name=ROWS)).encode(
        x=alt.X(
            "published_date:T",
            title="published",
            axis=alt.Axis(format="%Y-%m-%d"),
            scale=alt.Scale(padding=24),
        ),
        y=alt.Y("tone:Q", title="average tone (positive − negative words, %)"),
    )
    line = base.mark_line(color="#1f5fa8")
    dots = base.mark_circle(color="#1f5fa8", opacity=0.9).encode(
        size=alt.Size("articles:Q", title="articles", scale=alt.Scale(range=[40, 400])),
        tooltip=[
            "published_date:T",
            alt.Tooltip("tone:Q", format=".2f", title="average tone"),
            "articles:Q",
        ],
    )
    neutral = (
        alt.Chart(alt.Data(values=[{"tone": 0}])).mark_rule(color="#c0c7d4").encode(y="tone:Q")
    )
    return (neutral + line + dots).properties(width="container", height=220)
