"""The extract stage's resource: the spaCy pipeline with newsledger's components."""

from typing import TYPE_CHECKING

import dagster as dg

if TYPE_CHECKING:
    from spacy.language import Language


class NlpResource(dg.ConfigurableResource):
    """The spaCy pipeline with newsledger's components, loaded once per process."""

    def pipeline(self) -> "Language":
        """Return the loaded pipeline (spaCy is imported here, by the process that uses it)."""
        from orchestration.extract.document import load_pipeline

        return load_pipeline()
