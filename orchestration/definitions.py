"""The newsledger code location: every asset, check, job, sensor, schedule and resource."""

import dagster as dg

from orchestration.core.deployment import DEPLOYMENT
from orchestration.core.executors import run_executor
from orchestration.core.jobs import newsledger_job
from orchestration.core.resources import WarehouseResource, Workers
from orchestration.extract.assets import extractions
from orchestration.extract.resources import NlpResource
from orchestration.ingest.assets import raw_articles
from orchestration.ingest.resources import SourcesResource
from orchestration.ingest.schedules import feeds_schedule
from orchestration.ingest.sensors import inbox_sensor
from orchestration.quality.assets import staging
from orchestration.quality.checks import staging_checks
from orchestration.quality.resources import QualityResource
from orchestration.reports.assets import article_reports, corpus_dashboard
from orchestration.warehouse.assets import warehouse_tables
from orchestration.warehouse.sensors import backlog_sensor

defs = dg.Definitions(
    assets=[
        raw_articles,
        extractions,
        staging,
        warehouse_tables,
        article_reports,
        corpus_dashboard,
    ],
    asset_checks=staging_checks,
    jobs=[newsledger_job],
    sensors=[inbox_sensor, backlog_sensor],
    schedules=[feeds_schedule],
    resources={
        "warehouse": WarehouseResource(),
        "nlp": NlpResource(),
        "workers": Workers(),
        "sources": SourcesResource(),
        "quality": QualityResource(),
    },
    # Embedded, one process for all the steps of a run, whether it runs newsledger_job or the
    # assets a person picks in the UI ("Materialize all"): each step of a multiprocess run
    # would import Dagster, Great Expectations and spaCy again. Extraction still fans out to
    # its own workers (`Workers`). Scaled, Celery workers take the steps, extraction a chunk
    # of articles per step.
    executor=run_executor(DEPLOYMENT),
)
