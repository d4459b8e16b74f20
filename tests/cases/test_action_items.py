"""Actiepunten: services, the case page and "mijn actiepunten"."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cases import services
from cases.models import ActionItem, Event
from cases.models.choices import AccessLevel
from partners.models import OrganisationKind
from tests.factories import OrganisationFactory, UserFactory, access_for, make_case, share
from woonoverlast.refusals import Refusal

pytestmark = pytest.mark.django_db


@pytest.fixture
def ggd(db):
    return OrganisationFactory(name="GGD Regio", kind=OrganisationKind.GGD)


@pytest.fixture
def ggd_user(ggd):
    return UserFactory(username="ggd", first_name="Gijs", last_name="Zorg", organisation=ggd)


def _add(actor, case, organisation, owner=None, title="Huisbezoek met wijkverpleging plannen"):
    return services.add_action_item(
        actor=actor,
        access=access_for(actor, case),
        title=title,
        owner_organisation=organisation,
        owner=owner,
        due_on=timezone.localdate() + timedelta(days=10),
    )


def test_add_and_complete_write_history_and_events(consulent, ggd, ggd_user):
    case = make_case(consulent)
    share(case, ggd, AccessLevel.PROCES, consulent)
    item = _add(consulent, case, ggd, owner=ggd_user)
    assert item.history.count() == 1
    assert Event.objects.filter(case=case, kind=Event.Kind.ACTION_ADDED, target_id=item.pk).exists()

    services.complete_action_item(actor=ggd_user, access=access_for(ggd_user, case), item=item)
    item.refresh_from_db()
    assert item.status == ActionItem.Status.DONE
    assert item.completed_by == ggd_user
    assert item.history.count() == 2
    assert Event.objects.filter(case=case, kind=Event.Kind.ACTION_DONE).count() == 1
    # A second completion (double click) changes nothing.
    services.complete_action_item(actor=ggd_user, access=access_for(ggd_user, case), item=item)
    assert Event.objects.filter(case=case, kind=Event.Kind.ACTION_DONE).count() == 1


def test_owner_must_see_the_case_and_person_must_work_there(consulent, ggd, ggd_user, other_org):
    case = make_case(consulent)
    with pytest.raises(Refusal, match="partner die de zaak ziet"):
        _add(consulent, case, ggd)
    share(case, ggd, AccessLevel.BESTAAN, consulent)
    with pytest.raises(Refusal, match="partner die de zaak ziet"):
        _add(consulent, case, ggd)
    with pytest.raises(Refusal, match="werkt niet bij"):
        _add(consulent, case, consulent.organisation, owner=ggd_user)
    assert not ActionItem.objects.exists()


def test_only_owner_or_lead_completes(consulent, ggd, ggd_user, partner_org, partner_user):
    case = make_case(consulent)
    share(case, ggd, AccessLevel.PROCES, consulent)
    share(case, partner_org, AccessLevel.VOLLEDIG, consulent)
    item = _add(consulent, case, ggd)
    with pytest.raises(Refusal):
        services.complete_action_item(
            actor=partner_user, access=access_for(partner_user, case), item=item
        )
    item.refresh_from_db()
    assert item.is_open


def test_case_page_shows_action_items_at_process_level_not_existence(
    client_for, consulent, ggd, ggd_user, partner_org, partner_user
):
    case = make_case(consulent)
    share(case, ggd, AccessLevel.PROCES, consulent)
    share(case, partner_org, AccessLevel.BESTAAN, consulent)
    _add(consulent, case, ggd, title="Contact leggen met huisarts")
    url = reverse("cases:detail", args=[case.reference])

    page = client_for(ggd_user).get(url).content.decode()
    assert "Contact leggen met huisarts" in page
    assert "Afronden" in page
    page = client_for(partner_user).get(url).content.decode()
    assert "Contact leggen met huisarts" not in page


def test_add_view_keeps_input_and_shows_dutch_errors(client_for, consulent):
    case = make_case(consulent)
    url = reverse("cases:action_add", args=[case.reference])
    response = client_for(consulent).post(
        url,
        {
            "title": "Buurtbemiddeling aanbieden",
            "owner_organisation": consulent.organisation_id,
            "due_on": (timezone.localdate() - timedelta(days=1)).isoformat(),
        },
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Een deadline kan niet in het verleden liggen." in body
    assert 'value="Buurtbemiddeling aanbieden"' in body
    assert not ActionItem.objects.exists()


def test_my_actions_lists_own_and_unassigned_of_own_organisation(
    client_for, consulent, ggd, ggd_user
):
    case = make_case(consulent)
    other_case = make_case(consulent, street="Kerkstraat")
    share(case, ggd, AccessLevel.PROCES, consulent)
    colleague = UserFactory(organisation=ggd)
    _add(consulent, case, ggd, owner=ggd_user, title="Mijn eigen punt")
    _add(consulent, case, ggd, title="Nog niet verdeeld punt")
    _add(consulent, case, ggd, owner=colleague, title="Punt van collega")
    _add(consulent, other_case, consulent.organisation, title="Punt van de corporatie")

    client = client_for(ggd_user)
    page = client.get(reverse("cases:my_actions")).content.decode()
    assert "Mijn eigen punt" in page
    assert "Nog niet verdeeld punt" in page
    assert "Punt van collega" not in page
    assert "Punt van de corporatie" not in page
    page = client.get(reverse("cases:my_actions"), {"wie": "organisatie"}).content.decode()
    assert "Punt van collega" in page
    assert "Punt van de corporatie" not in page


def test_my_actions_hides_items_once_the_share_is_revoked(client_for, consulent, ggd, ggd_user):
    case = make_case(consulent)
    participation = share(case, ggd, AccessLevel.PROCES, consulent)
    _add(consulent, case, ggd, owner=ggd_user, title="Geheim na intrekken")
    participation.revoked_at = timezone.now()
    participation.revoked_by = consulent
    participation.save()
    page = client_for(ggd_user).get(reverse("cases:my_actions")).content.decode()
    assert "Geheim na intrekken" not in page
