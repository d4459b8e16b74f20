"""Celery entry points for reminders, e-mail and retention: thin wrappers around services.

Every task is idempotent (keys, locks, records of what was done), acknowledged late so a
worker that dies mid-task gets it redelivered, and retried with backoff on transient errors.
"""

from smtplib import SMTPException

from celery import shared_task
from django.db import InterfaceError, OperationalError

from cases.services import notifications, retention

TRANSIENT = (OperationalError, InterfaceError, SMTPException, ConnectionError, TimeoutError)
RETRY = {
    "acks_late": True,
    "reject_on_worker_lost": True,
    "autoretry_for": TRANSIENT,
    "retry_backoff": 30,
    "retry_backoff_max": 600,
    "retry_jitter": True,
    "max_retries": 8,
}


@shared_task(**RETRY)
def sweep_reminders() -> int:
    return notifications.run_reminder_sweep()


@shared_task(**RETRY)
def send_notification_email(notification_id: int) -> bool:
    return notifications.send_notification_email_now(notification_id)


@shared_task(**RETRY)
def send_pending_emails() -> int:
    """Catch e-mails whose on-commit task was lost; sending is once per notification."""
    sent = 0
    for pk in notifications.pending_direct_email_ids():
        sent += notifications.send_notification_email_now(pk)
    return sent


@shared_task(**RETRY)
def send_daily_digests() -> int:
    return notifications.send_all_digests()


@shared_task(**RETRY)
def retention_sweep() -> int:
    return retention.run_retention_sweep()
