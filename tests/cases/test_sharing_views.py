"""The sharing section, its forms, the page "Gedeeld met mijn organisatie" and sensitive notes."""

import pytest
from django.urls import reverse
from django.utils import timezone

from cases.models import AccessLog, Event, Note, Participation
from cases.models.choices import AccessLevel, LegalGround, Sensitivity, Visibility
from partners.models import OrganisationKind
from tests.factories import OrganisationFactory, UserFactory, make_case, share


@pytest.fixture
def ggd(db):
    return UserFactory(
        username="ggd",
        organisation=OrganisationFactory(name="GGD Regio", kind=OrganisationKind.GGD),
    )


def test_lead_shares_through_the_form_and_sees_the_participation(client_for, consulent, ggd):
    case = make_case(consulent)
    client = client_for(consulent)
    page = client.get(reverse("cases:detail", args=[case.reference])).content.decode()
    assert "nog met geen enkele ketenpartner gedeeld" in page
    assert reverse("cases:share_add", args=[case.reference]) in page

    response = client.post(
        reverse("cases:share_add", args=[case.reference]),
        {
            "organisation": ggd.organisation_id,
            "level": AccessLevel.PROCES,
            "legal_ground": LegalGround.CONVENANT,
            "convenant_name": "Convenant Zorg en Veiligheid",
        },
    )
    assert response.status_code == 302
    participation = Participation.objects.get()
    assert (participation.level, participation.shared_by) == (AccessLevel.PROCES, consulent)
    page = client.get(reverse("cases:detail", args=[case.reference])).content.decode()
    section = page[page.index('id="sharing-heading"') :]
    assert "GGD Regio" in section
    assert "alleen proces" in section
    assert "convenant: Convenant Zorg en Veiligheid" in section
    assert "Carla Consulent" in section
    assert "Gedeeld met ketenpartner" in page  # the event on the timeline


def test_share_form_errors_are_dutch_and_keep_the_input(client_for, consulent, ggd):
    case = make_case(consulent)
    response = client_for(consulent).post(
        reverse("cases:share_add", args=[case.reference]),
        {"organisation": ggd.organisation_id, "level": "", "legal_ground": "convenant"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Kies het niveau waarop u deelt." in html
    assert "Vul de naam van het convenant in" in html
    assert f'<option value="{ggd.organisation_id}" selected>' in html
    assert not Participation.objects.exists()


def test_change_level_revoke_with_confirmation_and_hand_over(client_for, consulent, partner_user):
    case = make_case(consulent)
    participation = share(case, partner_user.organisation, AccessLevel.PROCES, consulent)
    client = client_for(consulent)
    level_url = reverse("cases:share_level", args=[case.reference, participation.pk])
    assert client.post(level_url, {"level": "volledig"}).status_code == 302
    participation.refresh_from_db()
    assert participation.level == AccessLevel.VOLLEDIG
    same = client.post(level_url, {"level": "volledig"})
    assert "al op dit niveau gedeeld" in same.content.decode()

    response = client.post(
        reverse("cases:hand_over", args=[case.reference]), {"regisseur": partner_user.pk}
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.regisseur == partner_user

    revoke_url = reverse("cases:share_revoke", args=[case.reference, participation.pk])
    confirm = client.get(revoke_url).content.decode()
    assert "Ja, delen intrekken" in confirm
    assert Participation.objects.filter(revoked_at__isnull=True).count() == 1  # GET changes nothing
    refused = client.post(revoke_url, {"reason": ""}).content.decode()
    assert "Draag eerst de regie over" in refused
    client.post(reverse("cases:hand_over", args=[case.reference]), {"regisseur": consulent.pk})
    assert client.post(revoke_url, {"reason": "Taak afgerond"}).status_code == 302
    assert not Participation.objects.filter(revoked_at__isnull=True).exists()
    kinds = set(case.events.values_list("kind", flat=True))
    assert {Event.Kind.SHARE_CHANGED, Event.Kind.REGISSEUR_HANDED_OVER} <= kinds
    assert Event.Kind.SHARE_REVOKED in kinds


def test_empty_hand_over_is_refused(client_for, consulent):
    case = make_case(consulent)
    response = client_for(consulent).post(reverse("cases:hand_over", args=[case.reference]), {})
    assert "Kies een nieuwe aanbrengende partner" in response.content.decode()


def test_partners_see_the_list_but_may_not_manage_it(client_for, consulent, partner_user, ggd):
    case = make_case(consulent)
    share(case, partner_user.organisation, AccessLevel.VOLLEDIG, consulent)
    participation = share(case, ggd.organisation, AccessLevel.BESTAAN, consulent)
    client = client_for(partner_user)
    page = client.get(reverse("cases:detail", args=[case.reference])).content.decode()
    assert "GGD Regio" in page
    assert reverse("cases:share_add", args=[case.reference]) not in page
    assert client.get(reverse("cases:share_add", args=[case.reference])).status_code == 403
    url = reverse("cases:share_revoke", args=[case.reference, participation.pk])
    assert client.post(url).status_code == 403
    assert Participation.objects.filter(revoked_at__isnull=True).count() == 2
    # At level bestaan the partner list is not shown at all.
    bestaan = client_for(ggd).get(reverse("cases:detail", args=[case.reference]))
    assert 'id="sharing-heading"' not in bestaan.content.decode()


def test_outsiders_get_404_on_sharing_pages_and_it_is_logged(client_for, consulent, other_org_user):
    case = make_case(consulent)
    participation = share(case, OrganisationFactory(), AccessLevel.VOLLEDIG, consulent)
    client = client_for(other_org_user)
    for url in (
        reverse("cases:share_add", args=[case.reference]),
        reverse("cases:hand_over", args=[case.reference]),
        reverse("cases:share_level", args=[case.reference, participation.pk]),
        reverse("cases:share_revoke", args=[case.reference, participation.pk]),
    ):
        assert client.get(url).status_code == 404
        assert client.post(url, {"level": "bestaan"}).status_code == 404
    denied = AccessLog.objects.filter(user=other_org_user, outcome=AccessLog.Outcome.DENIED)
    assert denied.count() == 8
    assert set(denied.values_list("case_id_ref", flat=True)) == {case.pk}
    assert Participation.objects.get().level == AccessLevel.VOLLEDIG


def test_participation_of_another_case_is_404(client_for, consulent, partner_user):
    case, other = make_case(consulent), make_case(consulent)
    foreign = share(other, partner_user.organisation, AccessLevel.PROCES, consulent)
    url = reverse("cases:share_level", args=[case.reference, foreign.pk])
    assert client_for(consulent).post(url, {"level": "volledig"}).status_code == 404
    foreign.refresh_from_db()
    assert foreign.level == AccessLevel.PROCES


def test_shared_with_my_organisation_page(client_for, consulent, partner_user):
    not_shared = make_case(consulent, street="Nietgedeeld")
    proces = make_case(consulent, street="Procesweg")
    volledig = make_case(consulent, street="Volledigstraat")
    share(proces, partner_user.organisation, AccessLevel.PROCES, consulent)
    share(volledig, partner_user.organisation, AccessLevel.VOLLEDIG, consulent)
    client = client_for(partner_user)
    html = client.get(reverse("cases:shared_list")).content.decode()
    assert "2 gedeelde zaken gevonden" in html
    assert not_shared.reference not in html
    assert "Volledigstraat" in html
    assert "Procesweg" not in html  # the address is not shared at level proces
    assert "alleen proces" in html

    by_level = client.get(reverse("cases:shared_list"), {"level": "proces"}).content.decode()
    assert proces.reference in by_level and volledig.reference not in by_level
    by_street = client.get(reverse("cases:shared_list"), {"q": "Procesweg"}).content.decode()
    assert "0 gedeelde zaken gevonden" in by_street
    by_ref = client.get(reverse("cases:shared_list"), {"q": volledig.reference}).content.decode()
    assert "1 gedeelde zaak gevonden" in by_ref
    bad = client.get(reverse("cases:shared_list"), {"level": "x", "page": "zz"})
    assert bad.status_code == 200

    # The lead's own cases are not "shared with" the lead.
    own = client_for(consulent).get(reverse("cases:shared_list")).content.decode()
    assert "0 gedeelde zaken gevonden" in own
    assert "Vraag de aanbrengende partner" in own


def test_partner_at_volledig_adds_own_logboek_entry(client_for, consulent, partner_user, ggd):
    case = make_case(consulent)
    share(case, partner_user.organisation, AccessLevel.VOLLEDIG, consulent)
    share(case, ggd.organisation, AccessLevel.PROCES, consulent)
    note = {
        "kind": "overleg",
        "occurred_on": timezone.localdate().isoformat(),
        "text": "Wijkteam heeft contact gelegd.",
        "sensitivity": "",
        "visibility": Visibility.PARTICIPANTS,
    }
    url = reverse("cases:note_add", args=[case.reference])
    assert client_for(partner_user).post(url, note).status_code == 302
    assert Note.objects.get().organisation == partner_user.organisation
    assert client_for(ggd).post(url, note).status_code == 404
    assert Note.objects.count() == 1


def test_zorg_information_stays_own_unless_shared_explicitly(client_for, consulent, ggd):
    case = make_case(consulent)
    share(case, ggd.organisation, AccessLevel.VOLLEDIG, consulent)
    client = client_for(ggd)
    url = reverse("cases:note_add", args=[case.reference])
    form = client.get(url).content.decode()
    assert '<option value="zorg" selected>' in form
    note = {
        "kind": "huisbezoek",
        "occurred_on": timezone.localdate().isoformat(),
        "text": "Bewoner is bekend bij de GGZ.",
        "sensitivity": Sensitivity.ZORG,
        "visibility": Visibility.PARTICIPANTS,
    }
    refused = client.post(url, note).content.decode()
    assert "blijft bij uw eigen organisatie" in refused
    assert not Note.objects.exists()
    assert client.post(url, {**note, "visibility": Visibility.OWN_ORGANISATION}).status_code == 302
    assert client.post(url, {**note, "share_sensitive": "on"}).status_code == 302
    assert Note.objects.filter(visibility=Visibility.PARTICIPANTS).count() == 1

    page = client_for(consulent).get(reverse("cases:detail", args=[case.reference]))
    html = page.content.decode()
    assert html.count("Bewoner is bekend bij de GGZ.") == 1  # the own-organisation one is hidden
    assert "app-badge-sensitive" in html and "zorginformatie" in html
