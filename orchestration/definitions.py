"""The newsledger code location: every asset, check, job and resource in one Definitions."""

import dagster as dg

from orchestration.extract.assets import extractions
from orchestration.ingest.assets import raw_articles
from orchestration.quality.assets import staging
from orchestration.quality.checks import staging_checks
from orchestration.resources import NlpResource, WarehouseResource
from orchestration.warehouse.assets import warehouse_tables

newsledger_job = dg.define_asset_job(
    "newsledger_job",
    selection=dg.AssetSelection.all(),
    description="Ingest, extract, check and load every article not yet in the warehouse.",
)

defs = dg.Definitions(
    assets=[raw_articles, extractions, staging, warehouse_tables],
    asset_checks=staging_checks,
    jobs=[newsledger_job],
    resources={"warehouse": WarehouseResource(), "nlp": NlpResource()},
)
