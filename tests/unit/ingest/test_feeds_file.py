"""feeds.yaml: its feeds and settings, and every mistake in it reported at once."""

from pathlib import Path

import dagster as dg
import pytest

from orchestration.ingest.assets import poll_feeds
from orchestration.ingest.feeds_file import Feed, FeedsFileError, read_feeds_file
from orchestration.ingest.resources import SourcesResource
from orchestration.ingest.schedules import feeds_schedule


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "feeds.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_feeds_and_settings_are_read(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "allow_private_networks: true\ncontact_url: https://example.org/crawler\n"
        "feeds:\n  - name: World\n    url: https://example.org/rss.xml\n"
        "  - url: https://news.example.org/rss.xml\n    obey_robots_txt: false\n",
    )
    config = read_feeds_file(path)
    assert config.feeds == [
        Feed("World", "https://example.org/rss.xml"),
        Feed("https://news.example.org/rss.xml", "https://news.example.org/rss.xml", False),
    ]
    assert config.settings == {
        "allow_private_networks": True,
        "contact_url": "https://example.org/crawler",
    }


def test_an_absent_file_lists_no_feed(tmp_path: Path) -> None:
    assert read_feeds_file(tmp_path / "absent.yaml").feeds == []


def test_every_mistake_is_named(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "allow_private_network: true\nhost_interval_seconds: -1\nfeeds:\n"
        "  - name: No URL\n  - url: ftp://example.org/rss\n"
        "  - url: https://example.org/rss.xml\n    obey_robots: no\n"
        "  - url: https://example.org/rss.xml\n",
    )
    with pytest.raises(FeedsFileError) as raised:
        read_feeds_file(path)
    assert raised.value.problems == [
        "unknown keys allow_private_network",
        "host_interval_seconds must be a number of seconds, 0 or more",
        "feed 1: url is missing",
        "feed 2: url ftp://example.org/rss is not http or https",
        "feed 3: unknown keys obey_robots",
        "url https://example.org/rss.xml is listed more than once",
    ]


def test_yaml_that_does_not_parse_is_reported(tmp_path: Path) -> None:
    with pytest.raises(FeedsFileError) as raised:
        read_feeds_file(write(tmp_path, "feeds: [\n"))
    [problem] = raised.value.problems
    assert problem.startswith("cannot be read: ")


def test_an_unusable_file_is_a_rejection_of_the_run_and_a_reason_for_the_schedule_to_skip(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, "feeds:\n  - name: No URL\n")
    sources = SourcesResource(feeds_file=str(path))
    result, reports = poll_feeds(sources, set(), {})
    assert [(r.source, r.reason) for r in result.rejections] == [
        (str(path), f"{path}: feed 1: url is missing")
    ]
    assert reports == []
    skip = feeds_schedule(dg.build_schedule_context(resources={"sources": sources}))
    assert isinstance(skip, dg.SkipReason)
    assert skip.skip_message == f"{path}: feed 1: url is missing (see `newsledger feeds check`)"
