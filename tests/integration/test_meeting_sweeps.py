"""The casusoverleg sweeps and PDF generation on a real Celery worker (Redis in CI)."""

import time
from datetime import timedelta

import pytest
from celery.contrib.testing.worker import start_worker
from django.core import mail
from django.utils import timezone

from cases.calendars import working_days
from meetings import planning, services, tasks
from meetings.models import Meeting, MeetingDocument, Notice
from tests.factories import seed_reference_data
from tests.meetings.conftest import build_overleg, request_and_accept
from woonoverlast.celery import app


def _wait_until(condition, timeout=60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


@pytest.mark.integration
@pytest.mark.django_db(transaction=True)
def test_sweeps_and_pdfs_run_end_to_end_on_the_worker(settings):
    settings.MEETING_NOTICE_WORKING_DAYS = 20  # every planned meeting is within notice range
    seed_reference_data()
    overleg = build_overleg(days_ahead=1)  # cut-off passed: the sweep composes the agenda
    assert planning.cutoff_date(overleg.meeting) < timezone.localdate()
    # A past meeting without final minutes: the coordinator gets a reminder.
    past = Meeting.objects.create(
        series=overleg.series,
        starts_at=timezone.now() - timedelta(days=2),
        status=Meeting.Status.HELD,
    )
    item = request_and_accept(overleg, overleg.case_all)

    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        for _round in range(2):  # the second round must send nothing new
            results = [
                tasks.compose_agendas.delay(),
                tasks.send_meeting_notices.delay(),
                tasks.remind_minutes.delay(),
            ]
            assert results
            composed = _wait_until(
                lambda: (
                    Meeting.objects.get(pk=overleg.meeting.pk).composed_at is not None
                    and Notice.objects.filter(key__startswith="uitnodiging:").count() >= 8
                )
            )
            assert composed, "the worker did not run the sweeps"
        # Let the second round finish before counting.
        time.sleep(3)
        made = services.send_agenda(actor=overleg.coordinator, meeting=item.meeting)
        ready = _wait_until(
            lambda: (
                MeetingDocument.objects.filter(
                    pk__in=[d.pk for d in made], status=MeetingDocument.Status.READY
                ).count()
                == len(made)
            )
        )
    assert ready, "the worker did not make the PDFs"

    keys = list(Notice.objects.values_list("key", flat=True))
    assert len(keys) == len(set(keys))
    # One concept-agenda mail, invitations for both planned meetings to all 4 users.
    assert sum(key.startswith("concept-agenda:") for key in keys) == 1
    assert sum(key.startswith("uitnodiging:") for key in keys) == 8
    reminders = [key for key in keys if key.startswith("verslag:")]
    is_workday = working_days.is_working_day(timezone.localdate())
    assert len(reminders) == (1 if is_workday else 0)
    assert all(f":{past.pk}:" in key for key in reminders)
    assert len(mail.outbox) == len(keys)
    assert item.case.reference not in "".join(m.body for m in mail.outbox)
