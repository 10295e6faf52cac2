"""The example questions in sql/analyses/ give the answers the README shows."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

from orchestration.core.settings import SQL_DIR
from tests.gold import gold_entity, load_gold, name_mentions, quotes_by
from tests.integration.conftest import record_counts, stored_extraction

SEED = "tokayev-visits-south-korea.txt"
GOLD = load_gold(SEED)


def analysis(query, name: str) -> list[tuple]:
    return query((SQL_DIR / "analyses" / f"{name}.sql").read_text(encoding="utf-8"))


def test_most_mentioned_entities(query) -> None:
    top = {
        (name, kind, country): n
        for name, kind, country, n in analysis(query, "most_mentioned_entities")
    }
    for name in ("Kazakhstan", "South Korea", "Kassym-Jomart Tokayev", "Moon Jae-in"):
        entity = gold_entity(GOLD, name)
        assert top[(name, entity["type"], entity["country"])] == name_mentions(GOLD, name)


def test_money_figures(query) -> None:
    seed = [row[1:] for row in analysis(query, "money_figures") if row[0].startswith("tokayev")]
    assert seed == [
        ("more than $6 billion", 6e9, 6e9, "USD", "more_than"),
        ("$5.9 billion", 5.9e9, 5.9e9, "USD", None),
    ]


def test_quotes_by_speaker(query) -> None:
    speakers = [speaker for speaker, _, _ in analysis(query, "quotes_by_speaker")]
    for name in ("Moon Jae-in", "Kassym-Jomart Tokayev"):
        assert speakers.count(name) == quotes_by(GOLD, name)


def test_money_flows_between_countries(query) -> None:
    assert analysis(query, "money_flows_between_countries") == [
        ("KOR", "KAZ", "South Korea", "Kazakhstan", 6e9, "USD", "more_than", None,
         "more than $6 billion", 1),
    ]  # fmt: skip


def test_who_said_what_about_whom(query) -> None:
    said = {
        (speaker, about, start)
        for speaker, about, _, _, article, start, _ in analysis(query, "who_said_what_about_whom")
        if article.startswith("tokayev")
    }
    assert said == {
        ("Moon Jae-in", "Kazakhstan", 1246),
        ("Moon Jae-in", "South Korea", 1246),
        ("Moon Jae-in", "Central Asia", 1767),
        ("Moon Jae-in", "Kazakhstan", 1823),
        ("Moon Jae-in", "South Korea", 1823),
        ("Moon Jae-in", "Central Asia", 1823),
        ("Kassym-Jomart Tokayev", "Kazakhstan", 2708),
        ("Kassym-Jomart Tokayev", "South Korea", 2708),
    }


def test_organisations_with_countries(query) -> None:
    pairs = {
        (org, country) for org, _, country, *_ in analysis(query, "organisations_with_countries")
    }
    for company in ("Samsung", "Hyundai", "Lotte", "Posco"):
        assert {(company, "Kazakhstan"), (company, "South Korea")} <= pairs
    assert ("Akorda", "South Korea") in pairs
    assert all(country in {"Kazakhstan", "South Korea", "Japan"} for _, country in pairs)


def test_organisations_with_countries_count_as_the_mart(query) -> None:
    assert analysis(query, "organisations_with_countries") == query(
        """with pairs as (
               select entity_a_id as organisation_id, entity_b_id as country_id, articles,
                   sentences
               from mart_entity_cooccurrence
               union all
               select entity_b_id, entity_a_id, articles, sentences from mart_entity_cooccurrence
           )
           select o.canonical_name as organisation, o.country_code, c.canonical_name as country,
               c.country_code, p.sentences, p.articles
           from pairs as p
           join dim_entity as o on o.entity_id = p.organisation_id
           join dim_entity as c on c.entity_id = p.country_id
           join ref_country as r on r.geonames_id = c.geonames_id
           where o.entity_type = 'ORG' and p.sentences > 0
           order by p.sentences desc, p.articles desc, organisation, country"""
    )


def test_timeline_of_dated_events(query) -> None:
    timeline = [
        (date, surface, sentence)
        for date, _, _, surface, article, sentence in analysis(query, "timeline_of_dated_events")
        if article.startswith("tokayev")
    ]
    assert [date for date, _, _ in timeline] == [
        "1943", "2019", "2019", "2019", "2020", "2021-08-16", "2022",
    ]  # fmt: skip
    sentences = {surface: sentence for _, surface, sentence in timeline}
    assert sentences["Last year"] == "Last year, bilateral trade reached $5.9 billion."
    assert sentences["Monday, Aug. 16"].startswith("NUR-SULTAN – President Kassym-Jomart")
    assert sentences["Monday, Aug. 16"].endswith("began on Monday, Aug. 16.")


def test_timeline_has_a_sentence_for_every_date(query) -> None:
    timeline = analysis(query, "timeline_of_dated_events")
    assert (
        len(timeline)
        == query("select count(*) from fct_date_reference where resolved_value is not null")[0][0]
    )
    for _, _, _, surface, _, sentence in timeline:
        assert " ".join(surface.split()) in sentence


def test_article_quality_verdicts(query) -> None:
    """Each article's counts are those of the extraction the warehouse holds for it."""
    verdicts = {row[0]: row[1:] for row in analysis(query, "article_quality_verdicts")}
    counts = record_counts(stored_extraction(query, SEED))
    assert verdicts[SEED] == ("passed", None, *counts)
    assert verdicts["harbour-reopens.json"][0] == "passed"


def test_people_titles_countries(query) -> None:
    people = {row[0]: row[1:] for row in analysis(query, "people_titles_countries")}
    for name in ("Kassym-Jomart Tokayev", "Moon Jae-in", "Hong Beom-do"):
        entity = gold_entity(GOLD, name)
        assert people[name] == (
            entity["title"], entity["country"], name_mentions(GOLD, name), 1,
            quotes_by(GOLD, name),
        )  # fmt: skip


def test_entities_mentioned_together(query) -> None:
    top = analysis(query, "entities_mentioned_together")
    assert {top[0][0], top[0][2]} == {"Kazakhstan", "South Korea"}
    assert [row[4] for row in top] == sorted((row[4] for row in top), reverse=True)
    assert top == query(
        """select entity_a, entity_a_type, entity_b, entity_b_type, sentences, articles
           from mart_entity_cooccurrence where sentences > 0
           order by sentences desc, articles desc, entity_a, entity_b limit 10"""
    )


def test_every_analysis_states_its_question() -> None:
    files = sorted((SQL_DIR / "analyses").glob("*.sql"))
    assert len(files) >= 8
    for path in files:
        assert path.read_text(encoding="utf-8").startswith("-- Question: "), path.name


def test_analyses_run_in_the_duckdb_cli(query, loaded_warehouse: Path) -> None:
    duckdb_cli = shutil.which("duckdb", path=str(Path(sys.executable).parent))
    assert duckdb_cli, "duckdb-cli is installed with newsledger"
    for path in sorted((SQL_DIR / "analyses").glob("*.sql")):
        done = subprocess.run(
            [duckdb_cli, "-readonly", "-json", str(loaded_warehouse), "-c", f".read {path}"],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        rows = json.loads(done.stdout or "[]")
        assert len(rows) == len(analysis(query, path.stem)), path.name
