"""Which articles extraction reads: those written in the language of its model, English.

The model and the components read English; run on another language they would only find
noise. An article in another language is still stored, listed and loaded, with its language
and an empty record: every record list of the extraction JSON empty. An article whose language
is unknown (stored before languages were detected, or with no words to tell it by) is
extracted, as every article was before.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from orchestration.extract.schema import RECORD_LISTS
from orchestration.extract.version import EXTRACTOR_VERSION

# ISO 639-1 code of the language the model reads.
MODEL_LANGUAGE = "en"


def is_extracted(language: str | None) -> bool:
    """Whether an article written in `language` goes through the model."""
    return language is None or language == MODEL_LANGUAGE


def unextracted_record(
    model: str, language: str | None, published_date: dt.date | None
) -> dict[str, Any]:
    """The record of an article the model does not read: its language, its given date, no
    facts. `model` is the model extraction runs, recorded as for any article."""
    return {
        "article": {
            "published_date": published_date.isoformat() if published_date else None,
            "published_date_source": "given" if published_date else None,
            "dateline": None,
            "dateline_entity_id": None,
            "agency": None,
            "language": language,
        },
        **{key: [] for key in RECORD_LISTS},
        "extractor": {"version": EXTRACTOR_VERSION, "model": model},
    }
