"""Celery entry points of the casusoverleg: PDF generation and the periodic sweeps.

The sweeps run from the static beat schedule (settings.CELERY_BEAT_SCHEDULE); each one is
idempotent, so running it twice (or on two workers) sends nothing twice.
"""

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded

from . import notices
from .documents import generate

PDF_SOFT_LIMIT = 240


@shared_task(acks_late=True, soft_time_limit=PDF_SOFT_LIMIT, time_limit=PDF_SOFT_LIMIT + 30)
def generate_document(document_id: int) -> str:
    try:
        return generate(document_id)
    except SoftTimeLimitExceeded:
        from .documents import mark_failed

        mark_failed(document_id, "Het maken van de PDF duurde te lang.")
        raise


@shared_task(acks_late=True)
def compose_agendas() -> int:
    """At the cut-off: compose the draft agenda and tell the coordinator."""
    return notices.compose_due_agendas()


@shared_task(acks_late=True)
def send_meeting_notices() -> int:
    """N working days before the meeting: a notice to the participants (no personal data)."""
    return notices.send_participant_notices()


@shared_task(acks_late=True)
def remind_minutes() -> int:
    """After the meeting, once per working day: ask the coordinator to finalise the verslag."""
    return notices.remind_unfinished_minutes()
