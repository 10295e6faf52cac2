"""The report queries on a hand-built warehouse: grouping per article, loading run, fallbacks."""

from datetime import datetime

from orchestration.core.connection import connect
from orchestration.reports.queries import article_records, dashboard_rows, loaded_articles, rows


def test_records_group_each_fact_under_its_article(small_warehouse) -> None:
    with connect(small_warehouse, read_only=True) as con:
        assert loaded_articles(con) == {"a1": "2024-05-02 12:00:00", "a2": "2024-05-02 12:00:00"}
        a2, a1 = article_records(con, ["a2", "a1", "unknown"])
    assert (a1["article_id"], a2["article_id"]) == ("a1", "a2")
    assert [m["surface"] for m in a1["mentions"]][:2] == ["Kassym-Jomart Tokayev", "Moon Jae-in"]
    assert [q["speaker"] for q in a1["quotes"]] == ["Kassym-Jomart Tokayev"]
    assert a1["dates"] == [] and [d["resolved_value"] for d in a2["dates"]] == ["2023"]
    assert (a2["title"], a2["outlet"]) == ("Port reopens", "Gazette")
    assert a1["outlet"] is None  # the 'unknown' outlet reads as none


def test_checks_come_from_the_run_that_loaded_the_article(small_warehouse) -> None:
    with connect(small_warehouse) as con:
        con.execute(
            "insert into dq_results values ('later', 'stg_articles', 'x', null, 'error', false,"
            " 1, 1, 100.0, null, ?)",
            [datetime(2024, 5, 3)],
        )
        [record] = article_records(con, ["a1"])
    assert {c["run_id"] for c in record["checks"]} == {"run1"}
    assert len(record["checks"]) == 2


def test_money_pairs_fall_back_to_the_articles_countries(small_warehouse) -> None:
    with connect(small_warehouse, read_only=True) as con:
        money = dashboard_rows(con)["money"]
    assert money == [
        {"pair": "KOR → KAZ", "currency": "USD", "total_value": 6e9, "figures": 1,
         "figures_inferred": 0, "stories": 1, "copies": 1},
        {"pair": "MLT → MLT", "currency": "EUR", "total_value": 45e6, "figures": 1,
         "figures_inferred": 1, "stories": 1, "copies": 1},
    ]  # fmt: skip


def test_money_object_falls_back_to_the_next_country_named(small_warehouse) -> None:
    with connect(small_warehouse) as con:
        con.execute("update fct_figure set object_entity_id = null where figure_id = 'f0'")
        con.execute("update fct_figure set subject_entity_id = null where figure_id = 'f0'")
        [usd] = [r for r in dashboard_rows(con)["money"] if r["currency"] == "USD"]
    # a1's mentions name KAZ four times (Tokayev three times, Kazakhstan) and KOR three times.
    assert (usd["pair"], usd["figures_inferred"]) == ("KAZ → KOR", 1)


def test_cooccurrence_is_symmetric_and_per_sentence(small_warehouse) -> None:
    with connect(small_warehouse, read_only=True) as con:
        pairs = {(r["entity_a"], r["entity_b"]): r["sentences"]
                 for r in dashboard_rows(con)["cooccurrence"]}  # fmt: skip
    assert pairs[("Kazakhstan", "South Korea")] == pairs[("South Korea", "Kazakhstan")] == 1
    assert pairs[("Kassym-Jomart Tokayev", "Moon Jae-in")] == 1
    assert ("Moon Jae-in", "Kazakhstan") not in pairs
    assert all(a != b for a, b in pairs)


def test_held_back_articles_are_the_quarantined_never_loaded(small_warehouse) -> None:
    with connect(small_warehouse) as con:
        con.execute(
            "insert into raw_articles (article_id, source, outlet, url, title, body,"
            " published_date, published_date_source, ingested_at)"
            " values ('a3', 'inbox/a3.txt', null, null, null, 'Body', null, null, ?)",
            [datetime(2024, 5, 2)],
        )
        for article_id in ["a1", "a3"]:
            con.execute(
                "insert into quarantined_articles values ('run1', ?, 'stg_figures', 'x', ?)",
                [article_id, datetime(2024, 5, 2, 11, 40)],
            )
        held = rows(con, "reports/select_held_back_articles")
    assert [(h["article_id"], h["title"], h["reasons"]) for h in held] == [
        ("a3", "a3.txt", "stg_figures: x")
    ]
