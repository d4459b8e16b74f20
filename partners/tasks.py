"""Celery entry points for account housekeeping; thin wrappers around Django's own tools."""

from celery import shared_task
from django.contrib.sessions.models import Session
from django.utils import timezone

from . import sessions


@shared_task(acks_late=True)
def clear_expired_sessions() -> int:
    """Remove expired sessions and their user records (idempotent)."""
    deleted, _per_model = Session.objects.filter(expire_date__lt=timezone.now()).delete()
    return deleted + sessions.clear_stale()
