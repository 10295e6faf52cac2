"""The quality stage's resource: where Data Docs go and when failures stop being local."""

import dagster as dg

from orchestration.core.location import DEFAULT_LOCATION, QUALITY_DOCS_FOLDER, beside
from orchestration.quality.quarantine import DEFAULT_MAX_FAILURE_SHARE


class QualityResource(dg.ConfigurableResource):
    """Where Great Expectations writes its Data Docs, and when failures stop being local.

    Articles whose rows fail error-level expectations are quarantined while their share of
    the batch stays at or under `max_failure_share`; above it the whole load is blocked.
    """

    docs_dir: str = str(beside(DEFAULT_LOCATION, QUALITY_DOCS_FOLDER))
    max_failure_share: float = DEFAULT_MAX_FAILURE_SHARE
