"""Datelines and agencies at the head of a report."""

from __future__ import annotations

import pytest

from orchestration.extract.dateline import find_dateline


@pytest.mark.parametrize(
    ("body", "name", "agency", "date"),
    [
        ("BISHKEK \u2013 President Japarov met.", "Bishkek", None, None),
        ("TASHKENT. UZA \u2013 The minister met.", "Tashkent", "UZA", None),
        ("ASTANA. KAZINFORM President Tokayev met.", "Astana", "KAZINFORM", None),
        ("XI'AN. KAZINFORM The delegation arrived.", "Xi\u2019an", "KAZINFORM", None),
        ("HANOI, Vietnam, May 7. The minister met.", "Hanoi", None, "May 7"),
        ("WASHINGTON (Reuters) - The Treasury said.", "Washington", "Reuters", None),
        ("LONDON, June 5 (Reuters) - Britain said.", "London", "Reuters", "June 5"),
        ("BRUSSELS 1996-08-22\nThe Commission said.", "Brussels", None, "1996-08-22"),
        ("ST. PETERSBURG, Russia (AP) \u2014 The city said.", "Saint Petersburg", "AP", None),
    ],
)
def test_datelines(body: str, name: str, agency: str | None, date: str | None) -> None:
    found = find_dateline(body)
    assert (found.name, found.agency, found.date_text) == (name, agency, date)
    assert body[found.place_start : found.place_end] == found.place_text


def test_region_disambiguates_the_city() -> None:
    assert find_dateline("PARIS, Texas - The mayor said.").place.country == "USA"


@pytest.mark.parametrize(
    "body",
    [
        "President Japarov is on a visit.",
        "SOCCER - JAPAN GET LUCKY WIN.",
        "Vietnam. The country is long.",
        "ASTANA. NATO leaders met.",
        "",
    ],
)
def test_no_dateline(body: str) -> None:
    assert find_dateline(body).name is None


def test_press_service_in_first_paragraph_is_the_agency() -> None:
    found = find_dateline("He met the minister, reports the Kremlin press service.\n\nMore.")
    assert found.agency == "Kremlin press service"
    assert not found.agency_is_wire


def test_month_after_the_place_is_the_date_not_a_region() -> None:
    found = find_dateline("SEOUL, Sept. 6 (Yonhap) -- The leaders met.")
    assert (found.name, found.date_text, found.agency) == ("Seoul", "Sept. 6", "Yonhap")
    assert found.region is None and found.agency_in_head


def test_region_offsets() -> None:
    body = "SANTIAGO, Chile (AP) \u2014 Rescuers drilled."
    found = find_dateline(body)
    assert body[found.region_start : found.region_end] == "Chile"
    assert found.region.country == "CHL"
