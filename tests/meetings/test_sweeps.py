"""The periodic sweeps: each notice once, no personal data in the mails."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from meetings import notices, planning, services
from meetings.models import Meeting, Notice

from .conftest import build_overleg, request_and_accept

pytestmark = pytest.mark.django_db


def _bodies():
    return "\n".join(f"{m.subject}\n{m.body}" for m in mail.outbox)


def test_compose_at_cutoff_notifies_coordinator_once(db):
    overleg = build_overleg(days_ahead=14)
    request_and_accept(overleg, overleg.case_all)
    assert notices.compose_due_agendas() == 0  # cut-off not yet passed
    after_cutoff = planning.cutoff_date(overleg.meeting) + timedelta(days=1)
    with time_machine.travel(
        timezone.make_aware(timezone.datetime.combine(after_cutoff, timezone.datetime.min.time()))
        + timedelta(hours=8)
    ):
        assert notices.compose_due_agendas() == 1
        assert notices.compose_due_agendas() == 0
    assert [m.to for m in mail.outbox] == [[overleg.coordinator.email]]
    assert "Conceptagenda" in mail.outbox[0].subject
    assert overleg.case_all.reference not in _bodies()
    overleg.meeting.refresh_from_db()
    assert overleg.meeting.composed_at is not None


def test_participant_notice_n_working_days_before_without_case_data(db, settings):
    settings.MEETING_NOTICE_WORKING_DAYS = 2
    overleg = build_overleg(days_ahead=1)
    request_and_accept_next = overleg.next_meeting  # far away: no notice yet
    assert request_and_accept_next
    sent = notices.send_participant_notices()
    recipients = sorted(address for m in mail.outbox for address in m.to)
    # Everyone in the participating organisations with the view permission, once.
    assert recipients == sorted(
        [
            overleg.consulent.email,
            overleg.agent.email,
            overleg.ggd_user.email,
            overleg.coordinator.email,
        ]
    )
    assert sent == 4
    assert notices.send_participant_notices() == 0
    body = _bodies()
    for secret in (overleg.case_all.reference, "Havenkade", "Veroorzaakster", "Meldster"):
        assert secret not in body
    assert f"/overleg/{overleg.meeting.pk}/" in body


def test_minutes_reminder_daily_until_final(db):
    overleg = build_overleg(days_ahead=7)
    item = request_and_accept(overleg, overleg.case_all)
    meeting = overleg.meeting
    # A working day, the morning after the meeting.
    day = timezone.localdate(meeting.starts_at) + timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    morning = timezone.make_aware(timezone.datetime.combine(day, timezone.datetime.min.time()))
    with time_machine.travel(morning + timedelta(hours=9)):
        assert notices.remind_unfinished_minutes() == 1
        assert notices.remind_unfinished_minutes() == 0
        services.mark_held(actor=overleg.coordinator, meeting=meeting)
        services.record_outcome(
            actor=overleg.coordinator,
            item=item,
            minutes="",
            agreements="",
            next_review_on=None,
            betrokkene_informed=True,
        )
        services.finalise_minutes(actor=overleg.coordinator, meeting=meeting)
    with time_machine.travel(morning + timedelta(days=7, hours=9)):
        assert notices.remind_unfinished_minutes() == 0
    assert Notice.objects.filter(key__startswith="verslag:").count() == 1
    assert Meeting.objects.get(pk=meeting.pk).status == Meeting.Status.FINAL
