"""Entities: conventions of news copy beyond running prose (results, tables, line breaks)."""

from __future__ import annotations

from tests.unit.extract.conftest import Extract


def typed(result: dict) -> dict[str, str]:
    """Each mention's text with its entity's type."""
    return {m["text"]: e["type"] for e in result["entities"] for m in e["mentions"]}


def test_no_name_runs_over_a_line_break(extract: Extract) -> None:
    result = extract(
        "The coach named these players in the squad for the tour on Monday: Ken\nGreen, "
        "Mark Oliver\nPaul Hunt\nSimon Fry"
    )
    names = set(typed(result))
    assert {"Mark Oliver", "Paul Hunt", "Simon Fry"} <= names
    assert not any("\n" in name for name in names)


def test_sides_in_a_results_table_are_clubs(extract: Extract) -> None:
    result = extract(
        "Results of second division matches played on Saturday in the league:\n"
        "Huddersfield 2 Rotherham 1\nDoncaster 0 Wrexham 3\n"
        "Standings:\nWrexham 3 3 0 0 7 1 9\nHuddersfield 3 2 1 0 5 2 7"
    )
    kinds = typed(result)
    for club in ("Huddersfield", "Rotherham", "Doncaster", "Wrexham"):
        assert kinds.get(club) == "ORG", (club, kinds)


def test_place_named_sides_of_a_match_report_are_clubs(extract: Extract) -> None:
    result = extract(
        "Rotherham beat Doncaster 2-1 on Saturday, while Huddersfield drew with Wrexham in "
        "the other game of the evening and the fans went home happy."
    )
    kinds = typed(result)
    for club in ("Rotherham", "Doncaster", "Huddersfield", "Wrexham"):
        assert kinds.get(club) == "ORG", (club, kinds)


def test_national_sides_stay_countries(extract: Extract) -> None:
    result = extract(
        "Results of the group matches played on Wednesday in the qualifying round:\n"
        "Portugal 2 Austria 1\nBelgium 0 Denmark 0"
    )
    kinds = typed(result)
    assert all(kinds.get(c) == "GPE" for c in ("Portugal", "Austria", "Belgium"))
    assert "ORG" not in kinds.values()


def test_city_after_in_is_a_place_not_an_organisation(extract: Extract) -> None:
    result = extract(
        "About 8,000 protesters marched through the streets in Maribor on Wednesday demanding "
        "new elections."
    )
    assert typed(result).get("Maribor") == "GPE"


def test_name_before_the_people_of_an_organisation_is_an_organisation(extract: Extract) -> None:
    result = extract(
        "The Kolubara workers said they had not been paid for three months and would strike."
    )
    assert typed(result).get("Kolubara") == "ORG"


def test_score_the_model_took_into_a_name_is_cut_off(extract: Extract) -> None:
    result = extract(
        "Results of English league matches on Saturday:\nCardiff 1 Brighton 0\n"
        "Carlisle 0 Hull 0\nRochdale 0 Colchester 0"
    )
    kinds = typed(result)
    for club in ("Carlisle", "Hull", "Rochdale", "Colchester"):
        assert kinds.get(club) == "ORG", (club, kinds)


def test_name_before_a_country_in_brackets_is_a_competitor(extract: Extract) -> None:
    result = extract(
        "Leading results of the meeting on Friday:\nWomen's javelin\n"
        "1 - Katrin Obermeier ( Germany ) 64.20\n2 - Marta Vandamme ( Belgium ) 61.75\n"
        "3 - Rosa Quintero ( Spain ) 60.10"
    )
    kinds = typed(result)
    for name in ("Katrin Obermeier", "Marta Vandamme", "Rosa Quintero"):
        assert kinds.get(name) == "PERSON", (name, kinds)


def test_name_followed_by_its_country_is_a_place(extract: Extract) -> None:
    result = extract(
        "Plane crash kills 141.\nRolf Soderlind\nBARENTSBURG , Norway 1996-08-30\n"
        "The town of Barentsburg mourned on Friday."
    )
    kinds = typed(result)
    assert kinds.get("BARENTSBURG") == "GPE" and kinds.get("Barentsburg") == "GPE"


def test_club_a_player_played_for_is_an_organisation(extract: Extract) -> None:
    result = extract(
        "The striker, who played for Rotherham last season, signed for Middlesbrough on Monday."
    )
    kinds = typed(result)
    assert kinds.get("Rotherham") == "ORG" and kinds.get("Middlesbrough") == "ORG"


def test_competitor_before_a_country_in_brackets_is_no_organisation(extract: Extract) -> None:
    result = extract(
        "Women's shot put\n1. Astrid Kumbernuss ( Germany ) 19.89 metres\n"
        "2. Claudia Merz ( Germany ) 18.80\n3. Irina Khudorozhkina ( Russia ) 18.63\n"
        "4. Valentina Korsakova ( Russia ) 18.55\n5. Stephanie Storp ( Germany ) 18.41\n"
        "6. Davidson Okafor ( Nigeria ) 10.24\n7. Leah Pemberton ( Canada ) 4:09.95"
    )
    kinds = typed(result)
    assert kinds.get("Valentina Korsakova") == "PERSON"
    assert kinds.get("Leah Pemberton") == "PERSON"
