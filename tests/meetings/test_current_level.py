"""The casusoverleg shows and logs each case at the level the reader's organisation has now
(issue 12, findings 11 and 12): reads and prints are logged with that level, so "wie heeft
mijn dossier ingezien" finds them; a dropped share empties what the pages and forms show."""

import pytest
from django.urls import reverse

from cases import access as case_access
from cases import services as case_services
from cases.models import AccessLog, Person
from cases.models.choices import AccessLevel
from meetings import documents, services
from meetings.models import AgendaRequest
from tests.factories import UserFactory, access_for
from woonoverlast.refusals import Refusal

from .conftest import request_and_accept

pytestmark = pytest.mark.django_db

MINUTES = "Vera weigert hulp; de huisarts is ongerust."
AGREEMENTS = "Als zij meewerkt, geen sommatie."


def _participation(case, organisation):
    return case.participations.get(organisation=organisation, revoked_at__isnull=True)


def _revoke(overleg, case, organisation):
    case_services.revoke_share(
        actor=overleg.consulent,
        access=access_for(overleg.consulent, case),
        participation=_participation(case, organisation),
    )


def _lower(overleg, case, organisation, level):
    case_services.change_share_level(
        actor=overleg.consulent,
        access=access_for(overleg.consulent, case),
        participation=_participation(case, organisation),
        level=level,
    )


# -- finding 11: logged with the level they were cut for ------------------------------------


def test_prints_and_meeting_reads_are_logged_with_their_level_and_reach_the_person_log(
    client_for, overleg
):
    request_and_accept(overleg, overleg.case_all)
    made = services.send_agenda(actor=overleg.coordinator, meeting=overleg.meeting)
    for document in made:
        documents.generate(document.pk)
    copies = {document.organisation_id: document for document in made}
    meeting_url = reverse("meetings:detail", args=[overleg.meeting.pk])
    for user, organisation in ((overleg.ggd_user, overleg.ggd), (overleg.agent, overleg.politie)):
        client = client_for(user)
        assert client.get(meeting_url).status_code == 200
        copy = copies[organisation.pk]
        url = reverse("meetings:document", args=[overleg.meeting.pk, copy.pk])
        assert client.get(url).status_code == 200

    def logged(user, action):
        return list(
            AccessLog.objects.filter(
                user=user, action=action, case_id_ref=overleg.case_all.pk
            ).values_list("level", flat=True)
        )

    assert logged(overleg.ggd_user, AccessLog.Action.PRINT) == [AccessLevel.VOLLEDIG]
    assert logged(overleg.ggd_user, AccessLog.Action.VIEW) == [AccessLevel.VOLLEDIG]
    assert logged(overleg.agent, AccessLog.Action.PRINT) == [AccessLevel.PROCES]
    assert logged(overleg.agent, AccessLog.Action.VIEW) == [AccessLevel.PROCES]

    privacy = UserFactory(organisation=overleg.corporatie, role="Privacy officer")
    vera = Person.objects.get(last_name="Veroorzaakster")
    seen = case_access.person_access_log(privacy, vera).filter(
        username__in=[overleg.ggd_user.username, overleg.agent.username]
    )
    # The GGD saw Vera's name in full, on the page and on paper; the politie saw no person.
    assert set(seen.values_list("username", "action")) == {
        (overleg.ggd_user.username, AccessLog.Action.VIEW),
        (overleg.ggd_user.username, AccessLog.Action.PRINT),
    }


def test_the_outcome_page_is_logged_with_the_coordinators_level(client_for, overleg):
    item = request_and_accept(overleg, overleg.case_private)  # the gemeente sees it at proces
    url = reverse("meetings:item", args=[overleg.meeting.pk, item.pk])
    assert client_for(overleg.coordinator).get(url).status_code == 200
    row = AccessLog.objects.get(user=overleg.coordinator, case_id_ref=overleg.case_private.pk)
    assert (row.outcome, row.level) == (AccessLog.Outcome.ALLOWED, AccessLevel.PROCES)


# -- finding 12: the casusoverleg follows a dropped share ------------------------------------


def test_a_pending_request_disappears_when_the_coordinator_loses_the_case(client_for, overleg):
    question = "Kan de politie meekijken bij Kerkstraat 8?"
    services.request_discussion(
        actor=overleg.consulent,
        access=access_for(overleg.consulent, overleg.case_police),
        series=overleg.series,
        question=question,
    )
    client = client_for(overleg.coordinator)
    url = reverse("meetings:detail", args=[overleg.meeting.pk])
    assert question in client.get(url).content.decode()

    _revoke(overleg, overleg.case_police, overleg.gemeente)
    reads = AccessLog.objects.filter(
        user=overleg.coordinator, case_id_ref=overleg.case_police.pk
    ).count()

    page = client.get(url).content.decode()
    assert question not in page
    assert overleg.case_police.reference not in page
    assert (
        AccessLog.objects.filter(
            user=overleg.coordinator, case_id_ref=overleg.case_police.pk
        ).count()
        == reads
    )
    # Deciding on it by its URL is refused as if it did not exist, and logged.
    request = AgendaRequest.objects.get()
    decide = reverse("meetings:request_decide", args=[overleg.meeting.pk, request.pk, "accepteren"])
    assert client.post(decide).status_code == 404
    assert AccessLog.objects.filter(
        user=overleg.coordinator,
        case_id_ref=overleg.case_police.pk,
        outcome=AccessLog.Outcome.DENIED,
    ).exists()
    assert not overleg.meeting.items.exists()
    # And the service refuses it too.
    with pytest.raises(Refusal, match="ziet deze zaak niet") as refused:
        services.accept_request(actor=overleg.coordinator, request=request)
    assert refused.value.kind == Refusal.NOT_FOUND
    assert refused.value.case == overleg.case_police


def test_the_outcome_form_shows_no_full_only_texts_once_the_coordinator_is_at_process(
    client_for, overleg
):
    item = request_and_accept(overleg, overleg.case_all)
    services.record_outcome(
        actor=overleg.coordinator,
        item=item,
        minutes=MINUTES,
        agreements=AGREEMENTS,
        next_review_on=None,
        betrokkene_informed=False,
        not_informed_reason="Gesprek volgt na het huisbezoek.",
    )
    url = reverse("meetings:item", args=[overleg.meeting.pk, item.pk])
    client = client_for(overleg.coordinator)
    assert MINUTES in client.get(url).content.decode()

    _lower(overleg, overleg.case_all, overleg.gemeente, AccessLevel.PROCES)

    page = client.get(url).content.decode()
    for secret in (MINUTES, AGREEMENTS, "Gesprek volgt", 'name="minutes"', 'name="agreements"'):
        assert secret not in page, secret
    assert 'name="next_review_on"' in page  # what proces may see and set stays
    # Saving the outcome at proces keeps the texts it could not read.
    response = client.post(
        url,
        {
            "form": "uitkomst",
            "minutes": "Overschreven.",
            "next_review_on": "",
            "betrokkene_informed": "nee",
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.minutes, item.agreements) == (MINUTES, AGREEMENTS)
    assert item.not_informed_reason == "Gesprek volgt na het huisbezoek."
    with pytest.raises(Refusal, match="volledige toegang"):
        services.record_outcome(
            actor=overleg.coordinator,
            item=item,
            minutes="Overschreven.",
            next_review_on=None,
            betrokkene_informed=True,
        )


def test_the_outcome_page_is_404_and_logged_once_the_share_is_revoked(client_for, overleg):
    item = request_and_accept(overleg, overleg.case_all)
    url = reverse("meetings:item", args=[overleg.meeting.pk, item.pk])
    client = client_for(overleg.coordinator)
    assert client.get(url).status_code == 200

    _revoke(overleg, overleg.case_all, overleg.gemeente)

    assert client.get(url).status_code == 404
    assert AccessLog.objects.filter(
        user=overleg.coordinator,
        case_id_ref=overleg.case_all.pk,
        outcome=AccessLog.Outcome.DENIED,
    ).exists()
    page = client.get(reverse("meetings:detail", args=[overleg.meeting.pk])).content.decode()
    assert overleg.case_all.reference not in page
    assert "1 agendapunt gaat over een zaak die uw organisatie niet (meer) ziet." in page
