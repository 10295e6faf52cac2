"""Rendering the report templates (orchestration/reports/templates/) with Jinja2."""

from functools import cache
from typing import Any

import jinja2


def number(value: float | None) -> str:
    """A figure's value for reading: thousands separated, no trailing ".0"."""
    if value is None:
        return ""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


@cache
def environment() -> jinja2.Environment:
    """The template environment: HTML escaped by default, the `number` filter available."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("orchestration.reports", "templates"),
        autoescape=jinja2.select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["number"] = number
    return env


def render(template: str, **context: Any) -> str:
    """The HTML of `template` filled with `context`."""
    return environment().get_template(template).render(**context)
