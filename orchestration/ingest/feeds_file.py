"""feeds.yaml: the feeds to poll, and the fetch settings an operator may give beside them.

```yaml
allow_private_networks: false   # optional; overrides the sources resource's setting
contact_url: https://example.org/about-our-crawler
feeds:
  - name: Example World News
    url: https://example.org/world/rss.xml
  - name: Our own newsroom
    url: https://news.example.org/rss.xml
    obey_robots_txt: false       # a feed the operator owns
```

The file is checked whole, and every mistake is reported at once with where it is, so that
`newsledger feeds check` can say what to fix.
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

# The fetch settings feeds.yaml may give (IngestPolicy's fields): the types each takes, in words.
SETTINGS: dict[str, tuple[tuple[type, ...], str]] = {
    "allow_private_networks": ((bool,), "true or false"),
    "obey_robots_txt": ((bool,), "true or false"),
    "host_interval_seconds": ((int, float), "a number of seconds, 0 or more"),
    "contact_url": ((str,), "a URL"),
}
FEED_KEYS = {"name", "url", "obey_robots_txt"}


class FeedsFileError(ValueError):
    """feeds.yaml cannot be used; `problems` says each thing wrong with it."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        super().__init__(f"{path}: " + "; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Feed:
    """A configured feed; `obey_robots_txt` off for a feed whose site the operator owns."""

    name: str
    url: str
    obey_robots_txt: bool = True


@dataclass(frozen=True)
class FeedsFile:
    """The feeds of feeds.yaml and the fetch settings it gives (IngestPolicy field: value)."""

    feeds: list[Feed] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)


def _is(value: object, types: tuple[type, ...]) -> bool:
    # YAML's true is a bool, and a bool is an int: a number setting takes no true or false.
    return isinstance(value, types) and (bool in types or not isinstance(value, bool))


def _feed(index: int, entry: object, problems: list[str]) -> Feed | None:
    where = f"feed {index}"
    if not isinstance(entry, dict):
        problems.append(f"{where}: expected a mapping with name and url")
        return None
    unknown = sorted(set(map(str, entry)) - FEED_KEYS)
    if unknown:
        problems.append(f"{where}: unknown keys {', '.join(unknown)}")
    url = entry.get("url")
    if not isinstance(url, str) or not url.strip():
        problems.append(f"{where}: url is missing")
        return None
    # The scheme alone: a URL malformed past it is one feed's rejection when polled.
    scheme = url.split(":", 1)[0].strip().lower()
    if scheme not in ("http", "https"):
        problems.append(f"{where}: url {url} is not http or https")
        return None
    robots = entry.get("obey_robots_txt", True)
    if not isinstance(robots, bool):
        problems.append(f"{where}: obey_robots_txt must be true or false")
        return None
    return Feed(name=str(entry.get("name") or url), url=url, obey_robots_txt=robots)


def read_feeds_file(path: Path) -> FeedsFile:
    """The feeds and settings of `path`; none when the file is absent. FeedsFileError lists
    everything wrong with a file that cannot be used."""
    if not path.exists():
        return FeedsFile()
    try:
        config = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise FeedsFileError(path, [f"cannot be read: {error}"]) from error
    config = {} if config is None else config
    if not isinstance(config, dict):
        raise FeedsFileError(path, ["expected a mapping with a feeds list"])
    problems: list[str] = []
    unknown = sorted(set(map(str, config)) - {"feeds", *SETTINGS})
    if unknown:
        problems.append(f"unknown keys {', '.join(unknown)}")
    settings = {}
    for key, (types, words) in SETTINGS.items():
        if key in config:
            value = config[key]
            if _is(value, types) and not (isinstance(value, int | float) and value < 0):
                settings[key] = value
            else:
                problems.append(f"{key} must be {words}")
    entries = config.get("feeds") or []
    if not isinstance(entries, list):
        problems.append("feeds must be a list")
        entries = []
    feeds = [f for i, e in enumerate(entries, 1) if (f := _feed(i, e, problems))]
    urls = [f.url for f in feeds]
    twice = sorted({u for u in urls if urls.count(u) > 1})
    problems += [f"url {u} is listed more than once" for u in twice]
    if problems:
        raise FeedsFileError(path, problems)
    return FeedsFile(feeds, settings)
