"""`newsledger forget`, as an editor uses it to take down an article."""

import getpass
import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.processes import newsledger


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with the fixture articles, and the warehouse and reports a run made of them."""
    folder = tmp_path_factory.mktemp("forget")
    shutil.copytree(FIXTURES / "articles", folder / "articles")
    done = newsledger("run", str(folder / "articles"), "--warehouse", str(folder / "w.duckdb"))
    assert done.returncode == 0, done.stderr
    return folder


@pytest.fixture
def folder(loaded: Path, tmp_path: Path) -> Path:
    """A copy of the loaded folder for one test to change."""
    shutil.copytree(loaded, tmp_path / "copy")
    return tmp_path / "copy"


def query(warehouse: Path, sql: str) -> list[dict]:
    done = newsledger("sql", sql, "--warehouse", str(warehouse), "--format", "json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_forget_by_source_takes_the_article_down_and_records_who(
    loaded: Path, folder: Path
) -> None:
    warehouse = folder / "w.duckdb"
    # The run stored the path it was given, which names the module's folder.
    source = str(loaded / "articles" / "harbour-reopens.json")
    [article] = query(warehouse, f"select article_id from raw_articles where source = '{source}'")
    article_id = article["article_id"]
    assert (folder / "reports" / "articles" / f"{article_id}.html").exists()

    done = newsledger("forget", "--source", source, "--reason", "retracted by the outlet",
                      "--warehouse", str(warehouse))  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert f"forgot {article_id} ({source}): " in done.stdout
    assert "1 report pages" in done.stdout
    [audit] = query(warehouse, "select * from forgotten_articles")
    assert audit["article_id"] == article_id
    assert audit["forgotten_by"] == getpass.getuser()
    assert audit["reason"] == "retracted by the outlet"
    assert audit["rows_deleted"] > 10
    assert query(warehouse, f"select * from fct_figure where article_id = '{article_id}'") == []
    assert [r["n"] for r in query(warehouse, "select count(*) as n from dim_article")] == [1]
    assert not (folder / "reports" / "articles" / f"{article_id}.html").exists()
    assert article_id not in (folder / "reports" / "index.html").read_text(encoding="utf-8")

    again = newsledger("forget", article_id, "--warehouse", str(warehouse))
    assert again.returncode == 1
    assert f"{article_id} (forgotten on " in again.stderr
    assert f"by {getpass.getuser()})" in again.stderr


def test_forget_with_an_unknown_id_names_it_and_deletes_nothing(folder: Path) -> None:
    warehouse = folder / "w.duckdb"
    known = [r["article_id"] for r in query(warehouse, "select article_id from raw_articles")]
    done = newsledger("forget", *known, "0000-no-such-article", "--warehouse", str(warehouse))
    assert done.returncode == 1
    assert "not in the warehouse: 0000-no-such-article; nothing was deleted" in done.stderr
    after = [r["article_id"] for r in query(warehouse, "select article_id from raw_articles")]
    assert after == known
    assert query(warehouse, "select * from forgotten_articles") == []
    unread = newsledger("forget", "--source", "https://example.org/never-read",
                        "--warehouse", str(warehouse))  # fmt: skip
    assert unread.returncode == 1
    assert "no article was read from https://example.org/never-read" in unread.stderr
    assert newsledger("forget", "--warehouse", str(warehouse)).returncode == 2
