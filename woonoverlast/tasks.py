"""The retry policy of every Celery task in the project.

Tasks are idempotent (keys, locks, records of what was done), so they are acknowledged late:
a worker that dies mid-task gets its task redelivered (docs/worker-recovery.md), and transient
errors (database, SMTP, network) are retried with backoff.
"""

from smtplib import SMTPException

from django.db import InterfaceError, OperationalError

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
