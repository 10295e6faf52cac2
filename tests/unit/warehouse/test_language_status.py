"""`newsledger status` counts the stored articles of each language, most first; a warehouse
whose articles were stored before languages were detected has no such count yet."""

import duckdb

from orchestration.warehouse.status import articles_by_language, language_rows


def test_articles_are_counted_by_language_most_first() -> None:
    con = duckdb.connect()
    con.execute("create table raw_articles (article_id varchar, language varchar)")
    con.execute(
        "insert into raw_articles values ('a', 'en'), ('b', 'fr'), ('c', 'en'), ('d', null),"
        " ('e', 'ru'), ('f', 'en')"
    )
    languages = articles_by_language(con)
    assert list(languages.items()) == [("en", 3), ("fr", 1), ("ru", 1), ("unknown", 1)]
    assert language_rows(languages) == [("articles by language", "en 3, fr 1, ru 1, unknown 1")]


def test_a_warehouse_without_languages_has_no_count() -> None:
    con = duckdb.connect()
    con.execute("create table raw_articles (article_id varchar)")
    assert articles_by_language(con) == {}
    assert language_rows({}) == []
