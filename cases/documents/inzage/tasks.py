"""Celery entry point of the inzage: the daily reminder sweep, thin around the service.

Idempotent (one notification per verzoek and threshold), with the project's retry policy.
"""

from celery import shared_task

from woonoverlast.tasks import RETRY

from . import services


@shared_task(**RETRY)
def remind_inzage_deadlines() -> int:
    return services.remind_inzage_deadlines()
