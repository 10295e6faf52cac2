"""The executor a run's steps go to, as the deployment says: this process, or Celery workers.

The in-process executor runs every step in the run's process, which imports Dagster, Great
Expectations and spaCy once. The Celery executor sends each step to the workers listening on
the deployment's broker (see deploy/celery.yaml for how they start, and how a step whose
worker died is delivered again); dagster_celery is imported only then, as the embedded
installation need not have it.
"""

import dagster as dg

from orchestration.core.deployment import Deployment


def run_executor(deployment: Deployment) -> dg.ExecutorDefinition:
    """The executor of every run of the code location under `deployment`."""
    if deployment.executor != "celery":
        return dg.in_process_executor
    from dagster_celery import celery_executor

    return celery_executor.configured(
        {
            "broker": deployment.celery_broker,
            "backend": deployment.celery_backend,
            # A step that raises under a retry policy (see extract_chunk) runs again.
            "retries": {"enabled": {}},
        },
        name="celery",
    )
