"""Where the reports live and how they are written: atomically, with a manifest of what is done."""

import hashlib
import json
import os
import tempfile
from pathlib import Path

from orchestration.core.location import REPORTS_FOLDER, Warehouse, beside


def reports_dir(warehouse: Warehouse) -> Path:
    """The reports folder of `warehouse`: beside it, as data/reports/ is (see core/location.py)."""
    return beside(warehouse, REPORTS_FOLDER)


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` so that a reader (or a killed run) never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def read_manifest(path: Path) -> dict:
    """The manifest at `path` (what was written, for which load), or {} when there is none."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return {}


def write_manifest(path: Path, manifest: dict) -> None:
    """Record `manifest` at `path`, after the files it describes were written."""
    write_atomic(path, json.dumps(manifest, indent=1, sort_keys=True, default=str))


def stale_articles(loaded: dict[str, str], manifest: dict, pages: Path) -> list[str]:
    """Articles whose page is missing or was written for an earlier load than their latest.

    `loaded` maps each article to its latest load time, `manifest` each written page to the
    load it shows.
    """
    return [
        article_id
        for article_id, loaded_at in loaded.items()
        if manifest.get(article_id, {}).get("loaded_at") != loaded_at
        or not (pages / f"{article_id}.html").exists()
    ]


def digest(data: object) -> str:
    """A fingerprint of what a page shows, to tell whether it needs writing again."""
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()
