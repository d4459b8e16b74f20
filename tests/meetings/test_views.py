"""The casusoverleg pages: who sees what, the logged download, calendars."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cases.models import AccessLog
from meetings import documents, services
from meetings.models import AgendaRequest, CalendarToken, MeetingDocument
from tests.factories import OrganisationFactory, UserFactory, access_for

from .conftest import request_and_accept

pytestmark = pytest.mark.django_db


def test_caseworker_requests_discussion_from_the_case_page(client_for, overleg):
    client = client_for(overleg.consulent)
    case_page = client.get(reverse("cases:detail", args=[overleg.case_all.reference]))
    request_url = reverse("meetings:request", args=[overleg.case_all.reference])
    assert request_url in case_page.content.decode()

    empty = client.post(request_url, {"series": overleg.series.pk, "question": ""})
    assert "Schrijf op wat u het overleg wilt vragen." in empty.content.decode()
    assert not AgendaRequest.objects.exists()

    response = client.post(
        request_url,
        {
            "series": overleg.series.pk,
            "question": "Is opschalen naar drang nodig?",
            "partners_needed": [overleg.politie.pk],
        },
    )
    assert response.status_code == 302
    request = AgendaRequest.objects.get()
    assert request.meeting == overleg.meeting
    assert list(request.partners_needed.all()) == [overleg.politie]


def test_coordinator_accepts_from_the_meeting_page(client_for, overleg):
    services.request_discussion(
        actor=overleg.consulent,
        access=access_for(overleg.consulent, overleg.case_all),
        series=overleg.series,
        question="Wie pakt de regie?",
    )
    client = client_for(overleg.coordinator)
    url = reverse("meetings:detail", args=[overleg.meeting.pk])
    page = client.get(url).content.decode()
    assert "Wie pakt de regie?" in page
    request = AgendaRequest.objects.get()
    client.post(
        reverse("meetings:request_decide", args=[overleg.meeting.pk, request.pk, "accepteren"])
    )
    assert overleg.meeting.items.filter(case=overleg.case_all).exists()
    page = client.get(url).content.decode()
    assert "Uitkomst vastleggen" in page


def test_participants_see_only_their_items_outsiders_get_404(client_for, overleg):
    request_and_accept(overleg, overleg.case_all)
    request_and_accept(overleg, overleg.case_private)
    url = reverse("meetings:detail", args=[overleg.meeting.pk])

    page = client_for(overleg.agent).get(url).content.decode()
    assert overleg.case_all.reference in page
    assert overleg.case_private.reference not in page
    assert "Havenkade" not in page  # process level: no address
    assert "Aanmeldingen" not in page

    stranger = UserFactory(organisation=OrganisationFactory(name="Elders"))
    assert client_for(stranger).get(url).status_code == 404
    # Only the coordinator manages the meeting.
    status_url = reverse("meetings:status", args=[overleg.meeting.pk, "versturen"])
    assert client_for(overleg.agent).post(status_url).status_code == 403


def test_a_meeting_an_organisation_may_not_know_is_404_and_logged(client_for, overleg, caplog):
    """Issue 12: a denial of an object is always 404 and always logged, meetings included."""
    stranger = UserFactory(organisation=OrganisationFactory(name="Elders"))
    urls = [
        reverse("meetings:detail", args=[overleg.meeting.pk]),
        reverse("meetings:plan", args=[overleg.meeting.series_id]),
        reverse("meetings:subscribe", args=[overleg.meeting.series_id]),
    ]
    for url in urls:
        caplog.clear()
        with caplog.at_level("WARNING", logger="woonoverlast.security"):
            assert client_for(stranger).get(url).status_code == 404
        assert any(
            record.name == "woonoverlast.security" and url in record.getMessage()
            for record in caplog.records
        ), url


def test_download_is_logged_as_print_per_case_and_only_for_own_copy(
    client_for, overleg, django_capture_on_commit_callbacks
):
    request_and_accept(overleg, overleg.case_all)
    request_and_accept(overleg, overleg.case_police)
    made = services.send_agenda(actor=overleg.coordinator, meeting=overleg.meeting)
    for document in made:
        documents.generate(document.pk)
    police_copy = next(d for d in made if d.organisation_id == overleg.politie.pk)
    ggd_copy = next(d for d in made if d.organisation_id == overleg.ggd.pk)

    client = client_for(overleg.agent)
    status = client.get(reverse("meetings:documents", args=[overleg.meeting.pk])).content.decode()
    assert "data-hx-trigger" not in status  # all ready: polling stops
    url = reverse("meetings:document", args=[overleg.meeting.pk, police_copy.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    logged = AccessLog.objects.filter(action=AccessLog.Action.PRINT, user=overleg.agent)
    assert set(logged.values_list("case_id_ref", flat=True)) == {
        overleg.case_all.pk,
        overleg.case_police.pk,
    }
    other = reverse("meetings:document", args=[overleg.meeting.pk, ggd_copy.pk])
    assert client.get(other).status_code == 404


def test_documents_partial_polls_while_pending(client_for, overleg):
    request_and_accept(overleg, overleg.case_all)
    services.send_agenda(actor=overleg.coordinator, meeting=overleg.meeting)
    assert MeetingDocument.objects.filter(status=MeetingDocument.Status.PENDING).exists()
    page = client_for(overleg.coordinator).get(
        reverse("meetings:documents", args=[overleg.meeting.pk])
    )
    assert 'data-hx-trigger="every 2s"' in page.content.decode()


def test_item_outcome_form_keeps_input_on_error(client_for, overleg):
    item = request_and_accept(overleg, overleg.case_all)
    url = reverse("meetings:item", args=[overleg.meeting.pk, item.pk])
    response = client_for(overleg.coordinator).post(
        url,
        {
            "form": "uitkomst",
            "minutes": "Uitgebreid besproken.",
            "betrokkene_informed": "nee",
            "not_informed_reason": "",
        },
    )
    body = response.content.decode()
    assert "Leg vast waarom de betrokkene niet is geïnformeerd." in body
    assert "Uitgebreid besproken." in body
    item.refresh_from_db()
    assert item.minutes == ""


def test_meeting_ics_and_feed_carry_no_case_data(client, client_for, overleg):
    request_and_accept(overleg, overleg.case_all)
    ics = client_for(overleg.agent).get(reverse("meetings:ics", args=[overleg.meeting.pk]))
    assert ics["Content-Type"].startswith("text/calendar")
    assert b"Casusoverleg Rivierstad" in ics.content
    assert overleg.case_all.reference.encode() not in ics.content

    client_for(overleg.agent).post(reverse("meetings:subscribe", args=[overleg.series.pk]))
    token = CalendarToken.objects.get(user=overleg.agent)
    client.logout()
    feed = client.get(reverse("meetings:feed", args=[token.token]))
    assert feed.status_code == 200
    assert feed.content.count(b"BEGIN:VEVENT") == 2
    assert overleg.case_all.reference.encode() not in feed.content
    assert b"Havenkade" not in feed.content
    assert client.get(reverse("meetings:feed", args=["niet-geldig"])).status_code == 404
    overleg.agent.is_active = False
    overleg.agent.save()
    assert client.get(reverse("meetings:feed", args=[token.token])).status_code == 404


def test_plan_meeting_form_refuses_the_past(client_for, overleg):
    url = reverse("meetings:plan", args=[overleg.series.pk])
    yesterday = timezone.localdate() - timedelta(days=1)
    response = client_for(overleg.coordinator).post(
        url,
        {
            "date": yesterday.isoformat(),
            "start_time": "10:00",
            "duration_minutes": 90,
            "location": "Stadhuis",
        },
    )
    assert "Kies een datum en tijd in de toekomst." in response.content.decode()
    assert client_for(overleg.agent).get(url).status_code == 403
