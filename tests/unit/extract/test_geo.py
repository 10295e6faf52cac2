"""Linking place names and nationality words to countries and cities."""

from __future__ import annotations

import pytest

from orchestration.extract.geo import gazetteer, normalise


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Uzbekistan", "Uzbekistan", "UZB"),
        ("South Africa", "South Africa", "ZAF"),
        ("the United States", "United States", "USA"),
        ("U.S.", "United States", "USA"),
        ("Britain", "United Kingdom", "GBR"),
        ("Bombay", "Mumbai", "IND"),
        ("CALCUTTA", "Kolkata", "IND"),
        ("New York", "New York City", "USA"),
        ("California", "California", "USA"),
    ],
)
def test_lookup(text: str, name: str, country: str) -> None:
    place = gazetteer().lookup(text)
    assert place is not None
    assert (place.name, place.country) == (name, country)


def test_city_has_coordinates_and_geonames_id() -> None:
    place = gazetteer().lookup("Saigon")
    assert place is not None and place.kind == "city"
    assert place.geonames_id and place.point and place.point.lat and place.point.lon


def test_continent_is_loc_without_country() -> None:
    place = gazetteer().lookup("Asia")
    assert place is not None and (place.type, place.country) == ("LOC", None)


def test_ambiguous_country_prefers_context() -> None:
    assert gazetteer().country("Korea", frozenset({"PRK"})).country == "PRK"
    assert gazetteer().country("Korea").country == "KOR"


def test_city_prefers_country_in_context() -> None:
    assert gazetteer().lookup("Paris").country == "FRA"
    assert gazetteer().lookup("Paris", frozenset({"USA"})).country == "USA"


@pytest.mark.parametrize(
    ("word", "country"),
    [("Uzbek", "UZB"), ("Uzbeks", "UZB"), ("Korean", "KOR"), ("French", "FRA"), ("Swiss", "CHE")],
)
def test_demonyms(word: str, country: str) -> None:
    assert gazetteer().demonym(word) == country


@pytest.mark.parametrize("text", ["Renault", "Gazprom", "said", "Southeast Asia"])
def test_unknown_names(text: str) -> None:
    assert gazetteer().lookup(text) is None


def test_large_city_outranks_us_state_of_the_same_name() -> None:
    assert gazetteer().lookup("Washington").kind == "city"
    assert gazetteer().lookup("California").kind == "state"


def test_accents_do_not_change_the_key() -> None:
    assert normalise("Z\u00fcrich") == normalise("ZURICH") == "zurich"


def test_plural_demonym_that_names_a_country_is_the_country() -> None:
    assert gazetteer().demonym("Philippines") is None
    assert gazetteer().demonym("Filipinos") == "PHL"
