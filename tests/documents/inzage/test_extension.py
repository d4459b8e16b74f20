"""Extending the term of an inzageverzoek by two months (art. 12(3) AVG): once, within the
first month, with a reason; the reminders follow the new deadline."""

from datetime import date, timedelta

import pytest
import time_machine
from django.urls import reverse

from cases.documents.inzage import tasks
from cases.documents.inzage.deadline import extended_deadline
from cases.documents.inzage.models import InzageVerzoek
from cases.documents.inzage.services import extend_inzageverzoek, register_inzageverzoek
from cases.models import Notification
from woonoverlast.refusals import Refusal

pytestmark = pytest.mark.django_db
RECEIVED = date(2027, 1, 31)


@pytest.fixture
def received(privacy, story):
    with time_machine.travel(date(2027, 2, 1)):
        return register_inzageverzoek(
            actor=privacy,
            person=story.causer,
            received_on=RECEIVED,
            identity_checked_by="paspoort gezien door J. de Vries",
        )


@pytest.mark.parametrize(
    ("received_on", "deadline"),
    [
        (date(2027, 1, 15), date(2027, 4, 15)),
        (date(2026, 11, 30), date(2027, 2, 28)),  # February has no 30th: its last day
        (date(2027, 12, 31), date(2028, 3, 31)),
    ],
)
def test_the_extended_deadline_is_three_months_after_receipt(received_on, deadline):
    assert extended_deadline(received_on) == deadline


def test_extending_moves_the_deadline_once_and_keeps_history(privacy, received):
    with time_machine.travel(date(2027, 2, 20)):
        extended = extend_inzageverzoek(
            actor=privacy, verzoek=received, reason="  Zeven zaken over vier jaar. "
        )
        assert extended.deadline == date(2027, 4, 30)
        assert extended.extended_on == date(2027, 2, 20) and extended.extended_by == privacy
        assert extended.extension_reason == "Zeven zaken over vier jaar."
        assert extended.history.count() == 2
        with pytest.raises(Refusal, match="al verlengd"):
            extend_inzageverzoek(actor=privacy, verzoek=received, reason="Nog eens.")


def test_extending_is_refused_after_the_first_month_without_a_reason_and_elsewhere(
    privacy, received, foreign_privacy, consulent
):
    # The first month ended on 28 February.
    with time_machine.travel(date(2027, 3, 1)), pytest.raises(Refusal, match="eerste maand"):
        extend_inzageverzoek(actor=privacy, verzoek=received, reason="Veel zaken.")
    with time_machine.travel(date(2027, 2, 28)):
        with pytest.raises(Refusal) as empty:
            extend_inzageverzoek(actor=privacy, verzoek=received, reason="   ")
        assert empty.value.field == "reason"
        with pytest.raises(Refusal) as foreign:
            extend_inzageverzoek(actor=foreign_privacy, verzoek=received, reason="Veel zaken.")
        assert foreign.value.kind == Refusal.NOT_FOUND
        with pytest.raises(Refusal):
            extend_inzageverzoek(actor=consulent, verzoek=received, reason="Veel zaken.")
    unchanged = InzageVerzoek.objects.get(pk=received.pk)
    assert unchanged.deadline == date(2027, 2, 28) and not unchanged.is_extended


def test_the_page_extends_with_a_reason_and_the_detail_says_so(client_for, privacy, received):
    detail = reverse("inzage:detail", args=[received.pk])
    url = reverse("inzage:extend", args=[received.pk])
    with time_machine.travel(date(2027, 2, 10)):
        client = client_for(privacy)  # logged in on the day: a session does not last months
        assert f'href="{url}"' in client.get(detail).content.decode()
        page = client.get(url).content.decode()
        assert "vrijdag 30 april 2027" in page and "zondag 28 februari 2027" in page
        refused = client.post(url, {"reason": ""})
        assert refused.status_code == 200
        assert "Dit veld is verplicht." in refused.content.decode()
        assert not InzageVerzoek.objects.get(pk=received.pk).is_extended
        done = client.post(url, {"reason": "Zeven zaken over vier jaar."}, follow=True)
        content = done.content.decode()
        assert "De termijn is verlengd." in content
        assert "vrijdag 30 april 2027" in content and "Zeven zaken over vier jaar." in content
        assert f'href="{url}"' not in content  # once only


def test_an_extended_verzoek_is_reminded_before_its_new_deadline(privacy, received):
    with time_machine.travel(date(2027, 2, 21)):
        assert tasks.services.remind_inzage_deadlines(today=date(2027, 2, 21)) == 1  # 7 days
        extend_inzageverzoek(actor=privacy, verzoek=received, reason="Veel zaken.")
    assert tasks.services.remind_inzage_deadlines(today=date(2027, 2, 27)) == 0
    new_deadline = date(2027, 4, 30)
    assert tasks.services.remind_inzage_deadlines(today=new_deadline - timedelta(days=7)) == 1
    assert tasks.services.remind_inzage_deadlines(today=new_deadline - timedelta(days=1)) == 1
    texts = Notification.objects.filter(recipient=privacy).values_list("text", flat=True)
    assert any("30-04-2027" in text for text in texts)
