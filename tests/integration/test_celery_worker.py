"""A real Celery worker against the configured broker (Redis in CI, the file broker locally)."""

import time
from datetime import timedelta

import pytest
from celery.contrib.testing.worker import start_worker
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone

from partners.tasks import clear_expired_sessions
from woonoverlast.celery import app


def _wait_until(condition, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


@pytest.mark.integration
@pytest.mark.django_db(transaction=True)
def test_worker_runs_the_session_sweep_from_the_broker():
    expired = SessionStore()
    expired["marker"] = "old"
    expired.create()
    Session.objects.filter(pk=expired.session_key).update(
        expire_date=timezone.now() - timedelta(days=1)
    )
    current = SessionStore()
    current["marker"] = "new"
    current.create()

    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        clear_expired_sessions.delay()
        removed = _wait_until(lambda: not Session.objects.filter(pk=expired.session_key).exists())

    assert removed, "the worker did not run the sweep within 30 seconds"
    assert Session.objects.filter(pk=current.session_key).exists()
