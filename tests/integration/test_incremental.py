"""Adding articles costs what they cost: a run over 500 stored articles plus 1 new one does 1."""

from pathlib import Path

from orchestration.runner import reported, run_job
from tests.conftest import write_articles


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
