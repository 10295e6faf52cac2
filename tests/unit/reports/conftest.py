"""A tiny hand-built warehouse: two articles, a few entities and facts, one validation run."""

from datetime import datetime
from pathlib import Path

import pytest

from orchestration.core.connection import connect

BODY = (
    "Kassym-Jomart Tokayev met Moon Jae-in in Seoul.\n\n"
    "South Korea invested more than $6 billion in Kazakhstan, Tokayev said. "
    "“We will do more,” Tokayev said."
)
OTHER = "VALLETTA – The port reopened. Repairs cost 45 million euros, Malta said last year."
ENTITIES = [
    ("ent_tok", "Kassym-Jomart Tokayev", "PERSON", "KAZ"),
    ("ent_moon", "Moon Jae-in", "PERSON", "KOR"),
    ("ent_kor", "South Korea", "GPE", "KOR"),
    ("ent_kaz", "Kazakhstan", "GPE", "KAZ"),
    ("ent_seoul", "Seoul", "GPE", "KOR"),
    ("ent_malta", "Malta", "GPE", "MLT"),
]
# (article, entity, sentence, surface, occurrence of the surface in the body)
MENTIONS = [
    ("a1", "ent_tok", 0, "Kassym-Jomart Tokayev", 0),
    ("a1", "ent_moon", 0, "Moon Jae-in", 0),
    ("a1", "ent_seoul", 0, "Seoul", 0),
    ("a1", "ent_kor", 1, "South Korea", 0),
    ("a1", "ent_kaz", 1, "Kazakhstan", 0),
    ("a1", "ent_tok", 1, "Tokayev", 1),
    ("a1", "ent_tok", 2, "Tokayev", 2),
    ("a2", "ent_malta", 1, "Malta", 0),
]
LOADED_AT = datetime(2024, 5, 2, 12, 0, 0)


def offset(body: str, surface: str, occurrence: int) -> int:
    """Where the `occurrence`-th (0-based) copy of `surface` starts in `body`."""
    start = -1
    for _ in range(occurrence + 1):
        start = body.index(surface, start + 1)
    return start


def fill(con) -> None:
    """Insert the two articles and their facts, as a load would have left them."""
    bodies = {"a1": BODY, "a2": OTHER}
    con.execute("insert into dim_source values ('s1', 'Gazette'), ('s0', 'unknown')")
    for article_id, body, title, source_id, published in [
        ("a1", BODY, None, "s0", "2021-08-16"),
        ("a2", OTHER, "Port reopens", "s1", "2024-03-05"),
    ]:
        con.execute(
            "insert into raw_articles (article_id, source, outlet, url, title, body,"
            " published_date, published_date_source, ingested_at)"
            " values (?, ?, null, null, ?, ?, ?, 'given', ?)",
            [article_id, f"articles/{article_id}.txt", title, body, published, LOADED_AT],
        )
        con.execute(
            """insert into dim_article (article_id, source_id, date_key, source, title,
               published_date, published_date_source, dateline, dateline_entity_id,
               word_count, extractor_version, extractor_model, extracted_at, loaded_at)
               values (?, ?, null, ?, ?, ?, 'given', null, null, 20, '0.2.0', 'test-model',
               ?, ?)""",
            [article_id, source_id, f"articles/{article_id}.txt", title, published,
             datetime(2024, 5, 2, 11, 0), LOADED_AT],
        )  # fmt: skip
    con.executemany("insert into dim_entity (entity_id, canonical_name, entity_type, country_code)"
                    " values (?, ?, ?, ?)", ENTITIES)  # fmt: skip
    for i, (article_id, entity_id, sentence, surface, n) in enumerate(MENTIONS):
        start = offset(bodies[article_id], surface, n)
        con.execute(
            "insert into fct_entity_mention (mention_id, article_id, entity_id, sentence_index,"
            " start_char, end_char, surface) values (?, ?, ?, ?, ?, ?, ?)",
            [f"m{i}", article_id, entity_id, sentence, start, start + len(surface), surface],
        )
    figures = [
        ("a1", "money", 6e9, "USD", "USD", "more_than", "ent_kor", "ent_kaz", BODY,
         "more than $6 billion"),
        ("a2", "money", 45e6, "EUR", "EUR", None, None, None, OTHER, "45 million euros"),
    ]  # fmt: skip
    for i, (
        article_id,
        kind,
        value,
        unit,
        currency,
        qualifier,
        subj,
        obj,
        body,
        surface,
    ) in enumerate(figures):
        start = body.index(surface)
        con.execute(
            "insert into fct_figure (figure_id, article_id, kind, value, unit, currency, qualifier,"
            " period, subject_entity_id, object_entity_id, sentence_index, start_char, end_char,"
            " surface) values (?, ?, ?, ?, ?, ?, ?, null, ?, ?, 1, ?, ?, ?)",
            [f"f{i}", article_id, kind, value, unit, currency, qualifier, subj, obj, start,
             start + len(surface), surface],
        )  # fmt: skip
    quote = "We will do more,"
    start = BODY.index(quote)
    con.execute(
        "insert into fct_quote (quote_id, article_id, speaker_entity_id, speaker_name, quote_text,"
        " verb, sentence_index, start_char, end_char)"
        " values ('q1', 'a1', 'ent_tok', 'Tokayev', ?, 'say', 2, ?, ?)",
        [quote, start, start + len(quote)],
    )
    start = OTHER.index("last year")
    con.execute(
        "insert into fct_date_reference (date_reference_id, article_id, date_key, resolved_value,"
        " granularity, is_relative, sentence_index, start_char, end_char, surface)"
        " values ('d1', 'a2', null, '2023', 'year', true, 1, ?, ?,"
        " 'last year')",
        [start, start + len("last year")],
    )
    for expectation, severity, success in [("not_null", "error", True), ("in_set", "warn", True)]:
        con.execute(
            "insert into dq_results values ('run1', 'stg_articles', ?, 'article_id', ?, ?, 2, 0,"
            " 0.0, null, ?)",
            [expectation, severity, success, datetime(2024, 5, 2, 11, 30)],
        )


@pytest.fixture
def small_warehouse(tmp_path: Path) -> Path:
    """The path of a warehouse file holding the two hand-built articles."""
    path = tmp_path / "warehouse.duckdb"
    with connect(path) as con:
        fill(con)
    return path
