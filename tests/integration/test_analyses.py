"""The example questions in sql/analyses/ give the answers the README shows."""

from orchestration.settings import SQL_DIR


def analysis(query, name: str) -> list[tuple]:
    return query((SQL_DIR / "analyses" / f"{name}.sql").read_text(encoding="utf-8"))


def test_most_mentioned_entities(query) -> None:
    top = {
        (name, kind, country): n
        for name, kind, country, n in analysis(query, "most_mentioned_entities")
    }
    assert top[("Kazakhstan", "GPE", "KAZ")] == 12
    assert top[("South Korea", "GPE", "KOR")] == 11
    assert top[("Kassym-Jomart Tokayev", "PERSON", "KAZ")] == 6
    assert top[("Moon Jae-in", "PERSON", "KOR")] == 5


def test_money_figures(query) -> None:
    seed = [row[1:] for row in analysis(query, "money_figures") if row[0].startswith("tokayev")]
    assert seed == [
        ("more than $6 billion", 6e9, "USD", "more_than"),
        ("$5.9 billion", 5.9e9, "USD", None),
    ]


def test_quotes_by_speaker(query) -> None:
    speakers = [speaker for speaker, _, _ in analysis(query, "quotes_by_speaker")]
    assert speakers.count("Moon Jae-in") == 4
    assert speakers.count("Kassym-Jomart Tokayev") == 2
