"""Celery entry point for the retention sweep (daily, see CELERY_BEAT_SCHEDULE).

Each case is removed in its own transaction, so a redelivered sweep continues where the
interrupted one stopped.
"""

from celery import shared_task

from woonoverlast.tasks import RETRY

from . import services as retention


@shared_task(**RETRY)
def retention_sweep() -> int:
    return retention.run_retention_sweep()
