"""The reminder before an inzageverzoek's deadline: 7 days and 1 day before, once each, to the
privacy officers of the organisation and no one else. The task function is called directly,
as the other reminder tests do (tests/notifications/test_reminders.py)."""

from datetime import date, timedelta

import pytest
import time_machine

from cases.documents.inzage import tasks
from cases.documents.inzage.services import close_inzageverzoek, register_inzageverzoek
from cases.models import Notification
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def due(privacy, story):
    # Received 31 January 2027, registered the next day: the deadline is 28 February.
    with time_machine.travel(date(2027, 2, 1)):
        return register_inzageverzoek(
            actor=privacy,
            person=story.causer,
            received_on=date(2027, 1, 31),
            identity_checked_by="paspoort gezien door J. de Vries",
        )


def test_reminded_seven_days_and_one_day_before_once_each(
    privacy, due, consulent, foreign_privacy, corporatie
):
    second_officer = UserFactory(organisation=corporatie, role="Privacy officer")
    deadline = due.deadline
    assert deadline == date(2027, 2, 28)
    sent = {}
    for offset in range(10, -2, -1):
        day = deadline - timedelta(days=offset)
        sent[offset] = tasks.services.remind_inzage_deadlines(today=day)
        assert tasks.services.remind_inzage_deadlines(today=day) == 0  # a rerun the same day
    assert {offset: count for offset, count in sent.items() if count} == {7: 2, 1: 2}
    for officer in (privacy, second_officer):
        notes = Notification.objects.filter(recipient=officer).order_by("created_at")
        assert [n.kind for n in notes] == [Notification.Kind.INZAGE_DUE] * 2
        assert all(due.number in n.text and "Kloosterman" not in n.text for n in notes)
        assert notes[0].link == f"/privacy/inzage/{due.pk}/"
    assert not Notification.objects.filter(recipient__in=[consulent, foreign_privacy]).exists()


def test_a_missed_day_still_reminds_and_a_closed_verzoek_does_not(privacy, due, story):
    # The sweep did not run a week before: five days before it sends the 7-day reminder.
    assert tasks.services.remind_inzage_deadlines(today=date(2027, 2, 23)) == 1
    assert tasks.services.remind_inzage_deadlines(today=date(2027, 2, 24)) == 0
    close_inzageverzoek(actor=privacy, verzoek=due)
    assert tasks.services.remind_inzage_deadlines(today=date(2027, 2, 27)) == 0


def test_the_beat_task_runs_the_sweep(privacy, due):
    # Today is long before the deadline of a verzoek received on a fixed date: nothing due.
    assert tasks.remind_inzage_deadlines.apply().get() >= 0
