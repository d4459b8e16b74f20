"""Registering and closing an inzageverzoek: its deadline, who may, bad input."""

from datetime import date, timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from cases.documents.inzage.deadline import inzage_deadline
from cases.documents.inzage.models import InzageVerzoek
from cases.documents.inzage.services import close_inzageverzoek, register_inzageverzoek
from cases.models import AccessLog
from woonoverlast.refusals import Refusal

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("received", "deadline"),
    [
        (date(2027, 1, 15), date(2027, 2, 15)),
        (date(2027, 1, 31), date(2027, 2, 28)),  # February has no 31st: its last day
        (date(2028, 1, 31), date(2028, 2, 29)),  # a leap year
        (date(2026, 12, 20), date(2027, 1, 20)),  # across the year
        # Saturday 20 February 2027: not moved to Monday (docs/adr/0025).
        (date(2027, 1, 20), date(2027, 2, 20)),
    ],
)
def test_the_deadline_is_one_calendar_month(received, deadline):
    assert inzage_deadline(received) == deadline


def test_registering_sets_the_deadline_and_history(privacy, story):
    with time_machine.travel(date(2027, 2, 3)):
        verzoek = register_inzageverzoek(
            actor=privacy,
            person=story.causer,
            received_on=date(2027, 1, 31),
            identity_checked_by="  rijbewijs gezien door F. Bouzid ",
        )
    assert verzoek.deadline == date(2027, 2, 28)
    assert verzoek.status == InzageVerzoek.Status.OPEN
    assert verzoek.identity_checked_by == "rijbewijs gezien door F. Bouzid"
    assert verzoek.organisation == privacy.organisation
    assert verzoek.history.get().history_user == privacy


def test_bad_input_is_refused_on_each_field_and_saves_nothing(privacy, story, foreign_privacy):
    with pytest.raises(Refusal) as refused:
        register_inzageverzoek(
            actor=privacy,
            person=None,
            received_on=timezone.localdate() + timedelta(days=1),
            identity_checked_by=" ",
        )
    assert set(refused.value.errors) == {"person", "received_on", "identity_checked_by"}
    # A person the organisation does not know is no choice either.
    with pytest.raises(Refusal) as refused:
        register_inzageverzoek(
            actor=foreign_privacy,
            person=story.causer,
            received_on=timezone.localdate(),
            identity_checked_by="paspoort",
        )
    assert set(refused.value.errors) == {"person"}
    assert not InzageVerzoek.objects.exists()


def test_a_medewerker_may_not_register(consulent, story):
    with pytest.raises(Refusal) as refused:
        register_inzageverzoek(
            actor=consulent,
            person=story.causer,
            received_on=timezone.localdate(),
            identity_checked_by="paspoort",
        )
    assert refused.value.kind == Refusal.FORBIDDEN


def test_the_form_shows_dutch_errors_and_keeps_the_input(client_for, privacy, story):
    client = client_for(privacy)
    url = reverse("inzage:create")
    response = client.post(url, {"person": story.causer.pk, "received_on": "31-02-2027"})
    assert response.status_code == 200
    text = response.content.decode()
    assert "Vul een geldige datum in" in text
    assert "Vul in wie de identiteit heeft gecontroleerd en hoe." in text
    assert f'<option value="{story.causer.pk}" selected>' in text
    assert not InzageVerzoek.objects.exists()
    response = client.post(
        url,
        {
            "person": story.causer.pk,
            "received_on": timezone.localdate().isoformat(),
            "identity_checked_by": "paspoort gezien door J. de Vries",
        },
    )
    verzoek = InzageVerzoek.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("inzage:detail", args=[verzoek.pk])


def test_the_form_offers_only_persons_the_organisation_knows(client_for, foreign_privacy, story):
    response = client_for(foreign_privacy).get(reverse("inzage:create"))
    assert response.status_code == 200
    assert "Kloosterman" not in response.content.decode()


def test_another_organisations_verzoek_is_404_and_logged(client_for, foreign_privacy, verzoek):
    client = client_for(foreign_privacy)
    for name in ("detail", "pdf", "json", "close"):
        before = AccessLog.objects.filter(user=foreign_privacy, outcome="denied").count()
        response = client.get(reverse(f"inzage:{name}", args=[verzoek.pk]))
        assert response.status_code == 404, name
        after = AccessLog.objects.filter(user=foreign_privacy, outcome="denied").count()
        assert after == before + 1, name
        assert b"Kloosterman" not in response.content
    assert client.post(reverse("inzage:close", args=[verzoek.pk])).status_code == 404
    verzoek.refresh_from_db()
    assert verzoek.is_open
    assert not client.get(reverse("inzage:list")).context["page"].object_list


def test_a_medewerker_gets_403_everywhere(client_for, consulent, verzoek):
    client = client_for(consulent)
    assert client.get(reverse("inzage:list")).status_code == 403
    assert client.get(reverse("inzage:create")).status_code == 403
    for name in ("detail", "pdf", "json", "close"):
        assert client.get(reverse(f"inzage:{name}", args=[verzoek.pk])).status_code == 403


def test_closing_asks_confirmation_and_happens_once(client_for, privacy, verzoek):
    client = client_for(privacy)
    url = reverse("inzage:close", args=[verzoek.pk])
    page = client.get(url)
    assert "Ja, afhandelen" in page.content.decode()
    verzoek.refresh_from_db()
    assert verzoek.is_open  # a GET changes nothing
    assert client.post(url).status_code == 302
    verzoek.refresh_from_db()
    assert verzoek.status == InzageVerzoek.Status.AFGEHANDELD
    assert verzoek.closed_on == timezone.localdate() and verzoek.closed_by == privacy
    with pytest.raises(Refusal):
        close_inzageverzoek(actor=privacy, verzoek=verzoek)
    response = client.post(url, follow=True)
    assert "al afgehandeld" in response.content.decode()


def test_the_list_searches_filters_and_marks_overdue(client_for, privacy, story):
    for received, person in ((date(2026, 1, 5), story.causer), (timezone.localdate(), story.other)):
        register_inzageverzoek(
            actor=privacy, person=person, received_on=received, identity_checked_by="paspoort"
        )
    client = client_for(privacy)
    page = client.get(reverse("inzage:list")).content.decode()
    assert page.count("termijn verstreken") == 1
    found = client.get(reverse("inzage:list"), {"q": "hagedoorn"}).context["page"].object_list
    assert [v.person for v in found] == [story.other]
    closed = client.get(reverse("inzage:list"), {"status": "afgehandeld"})
    assert not closed.context["page"].object_list
    assert "Geen inzageverzoeken gevonden" in closed.content.decode()


def test_the_empty_list_says_what_to_do(client_for, privacy):
    page = client_for(privacy).get(reverse("inzage:list")).content.decode()
    assert "Inzageverzoek registreren" in page and "Er zijn nog geen inzageverzoeken" in page
