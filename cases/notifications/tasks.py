"""Celery entry points for reminders and e-mail: thin wrappers around the services.

Every task is idempotent (keys, records of what was sent) and runs with the project's retry
policy (`woonoverlast.tasks.RETRY`): acknowledged late, retried on transient errors.
"""

from celery import shared_task

from woonoverlast.tasks import RETRY

from . import services as notifications


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
