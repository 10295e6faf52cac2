"""The Great Expectations suites catch what they promise, and pass clean frames."""

import json
from pathlib import Path

import jinja2
import pandas as pd
import pytest

from orchestration.quality.suites import SUITES
from orchestration.quality.validation import ERROR, WARN, validate_frame


def figures(**overrides: list) -> pd.DataFrame:
    columns = {
        "figure_id": ["a:0:5", "a:10:20"],
        "article_id": ["a", "a"],
        "kind": ["money", "count"],
        "value": [6e9, 550.0],
        "unit": ["USD", "companies"],
        "currency": ["USD", None],
        "qualifier": ["more_than", None],
        "start_char": [0, 10],
        "end_char": [5, 20],
        "text_length": [100, 100],
        "field": ["body", "title"],
        "low_value": [6e9, 550.0],
        "high_value": [6e9, 600.0],
    }
    return pd.DataFrame({**columns, **overrides})


def failed(frame: pd.DataFrame, suite: str = "stg_figures") -> set[tuple[str, str | None, str]]:
    return {
        (o.expectation, o.column_name, o.severity)
        for o in validate_frame(suite, SUITES[suite](), frame)[0]
        if not o.success
    }


def test_clean_figures_pass() -> None:
    assert failed(figures()) == set()


def test_offset_past_the_body_is_an_error() -> None:
    assert failed(figures(end_char=[5, 101])) == {
        ("expect_column_pair_values_a_to_be_greater_than_b", "text_length,end_char", ERROR)
    }


def test_unknown_currency_kind_and_infinite_value_are_errors() -> None:
    problems = failed(
        figures(currency=["XYZ", None], kind=["money", "lots"], value=[float("inf"), 1.0])
    )
    assert {p[:2] for p in problems} == {
        ("expect_column_values_to_be_in_set", "currency"),
        ("expect_column_values_to_be_in_set", "kind"),
        ("expect_column_values_to_be_between", "value"),
    }
    assert {p[2] for p in problems} == {ERROR}


def test_duplicate_key_is_an_error() -> None:
    assert ("expect_column_values_to_be_unique", "figure_id", ERROR) in failed(
        figures(figure_id=["x", "x"])
    )


def test_missing_unit_is_only_a_warning() -> None:
    assert failed(figures(unit=[None, "companies"])) == {
        ("expect_column_values_to_not_be_null", "unit", WARN)
    }


def test_empty_batch_passes_every_suite() -> None:
    empty = figures().iloc[:0]
    assert failed(empty) == set()


def test_data_docs_page_is_written(tmp_path: Path) -> None:
    _, page = validate_frame("stg_figures", SUITES["stg_figures"](), figures(), tmp_path / "docs")
    assert page is not None and page.startswith("file://")
    html = Path(page.removeprefix("file://")).read_text(encoding="utf-8")
    assert "expect_column_values_to_be_in_set" in html or "values must belong to this set" in html
    assert (tmp_path / "docs" / "index.html").exists()


def test_a_later_data_docs_page_compiles_no_template_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    validate_frame("stg_figures", SUITES["stg_figures"](), figures(), tmp_path / "docs")
    compiled: list[str | None] = []
    compile_template = jinja2.Environment.compile

    def counted(self: jinja2.Environment, source: str, name: str | None = None, *args, **kw):
        compiled.append(name)
        return compile_template(self, source, name, *args, **kw)

    monkeypatch.setattr(jinja2.Environment, "compile", counted)
    _, page = validate_frame("stg_figures", SUITES["stg_figures"](), figures(), tmp_path / "docs")
    assert compiled == []
    assert page is not None
    html = Path(page.removeprefix("file://")).read_text(encoding="utf-8")
    assert "values must belong to this set" in html or "expect_column_values_to_be_in_set" in html


def test_currencies_the_extractor_links_pass_and_unknown_codes_fail() -> None:
    """The Bulgarian lev left ISO 4217 in 2026 but older articles still quote it."""
    assert failed(figures(currency=["BGN", None])) == set()
    assert failed(figures(currency=["XYZ", None])) == {
        ("expect_column_values_to_be_in_set", "currency", ERROR)
    }


def test_country_codes_include_kosovo_and_refuse_unknown_codes() -> None:
    suite = SUITES["stg_entities"]()
    frame = pd.DataFrame(
        {
            "article_id": ["a", "a"],
            "entity_id": ["ent_1", "ent_2"],
            "canonical_name": ["Kosovo", "Atlantis"],
            "entity_type": ["GPE", "GPE"],
            "country_code": ["XKX", "ATL"],
        }
    )
    outcomes = validate_frame("stg_entities", suite, frame)[0]
    [country] = [o for o in outcomes if o.column_name == "country_code"]
    assert not country.success
    assert json.loads(country.details)["partial_unexpected_list"] == ["ATL"]


def test_unknown_field_and_a_range_ending_below_its_start_are_errors() -> None:
    assert failed(figures(field=["body", "headline"], high_value=[5e9, 600.0])) == {
        ("expect_column_values_to_be_in_set", "field", ERROR),
        ("expect_column_pair_values_a_to_be_greater_than_b", "high_value,low_value", ERROR),
    }


def theme_mentions(**overrides: list) -> pd.DataFrame:
    columns = {
        "theme_mention_id": ["a:0:9:TAX_FNCACT_PRESIDENT", "a:title:4:9:WB_698_TRADE"],
        "article_id": ["a", "a"],
        "theme": ["TAX_FNCACT_PRESIDENT", "WB_698_TRADE"],
        "surface": ["President", "trade"],
        "start_char": [0, 4],
        "end_char": [9, 9],
        "text_length": [100, 20],
        "field": ["body", "title"],
    }
    return pd.DataFrame({**columns, **overrides})


def test_clean_theme_mentions_pass() -> None:
    assert failed(theme_mentions(), "stg_theme_mentions") == set()


def test_a_theme_not_written_as_a_gkg_code_is_an_error() -> None:
    assert failed(theme_mentions(theme=["president", "WB_698_TRADE"]), "stg_theme_mentions") == {
        ("expect_column_values_to_match_regex", "theme", ERROR)
    }


def counts_frame(**overrides: list) -> pd.DataFrame:
    columns = {
        "count_id": ["a:10:19", "a:title:0:8"],
        "article_id": ["a", "a"],
        "count_type": ["KILL", "ARREST"],
        "value": [12.0, 30.0],
        "object": ["people", None],
        "qualifier": ["at_least", None],
        "event": ["kill", "arrest"],
        "start_char": [10, 0],
        "end_char": [19, 8],
        "text_length": [100, 40],
        "field": ["body", "title"],
    }
    return pd.DataFrame({**columns, **overrides})


def test_clean_counts_pass() -> None:
    assert failed(counts_frame(), "stg_counts") == set()


def test_count_of_no_gdelt_type_or_below_one_is_an_error() -> None:
    problems = failed(counts_frame(count_type=["KILL", "MURDER"], value=[0.0, 3.0]), "stg_counts")
    assert problems == {
        ("expect_column_values_to_be_in_set", "count_type", ERROR),
        ("expect_column_values_to_be_between", "value", ERROR),
    }
