"""Melder identities stay with the receiving organisation, decided per case (issue 12).

A person who is melder in case X and bewoner in case Y is known to a partner of both as the
bewoner of Y only: neither the name search, nor a picker of X, nor the page of X names her
for X. And a melder is recorded with the melding, not as a bare betrokkene.
"""

import pytest
from django.urls import reverse

from cases import access, services
from cases.models import CasePerson
from cases.models.choices import AccessLevel, PersonRole
from tests.factories import access_for, add_person, add_report, make_case, share
from woonoverlast.refusals import Refusal

pytestmark = pytest.mark.django_db


@pytest.fixture
def melder_here_bewoner_there(consulent, partner_user):
    """Mila is melder in X (melding received by the consulent's organisation) and bewoner
    in Y; the partner sees both cases in full."""
    x = make_case(consulent, street="Meldhof")
    y = make_case(consulent, street="Woonhof")
    mila = add_report(
        consulent, x, new_melder={"first_name": "Mila", "last_name": "Meldster"}
    ).melder
    services.add_person(
        actor=consulent, access=access_for(consulent, y), role=PersonRole.BEWONER, person=mila
    )
    add_person(consulent, x, first_name="Vera", last_name="Veroorzaakster")
    share(x, partner_user.organisation, AccessLevel.VOLLEDIG, consulent)
    share(y, partner_user.organisation, AccessLevel.VOLLEDIG, consulent)
    return x, y, mila


def test_name_search_finds_only_the_case_where_she_is_known(
    consulent, partner_user, melder_here_bewoner_there
):
    x, y, _mila = melder_here_bewoner_there
    found = set(access.cases_with_person_named(partner_user, "Meldster"))
    assert found == {y}
    # The receiving organisation finds her in both.
    assert set(access.cases_with_person_named(consulent, "Meldster")) == {x, y}


def test_name_search_on_the_list(client_for, partner_user, melder_here_bewoner_there):
    x, y, _mila = melder_here_bewoner_there
    html = client_for(partner_user).get(reverse("cases:list"), {"q": "Mila"}).text
    assert y.reference in html
    assert x.reference not in html


def test_melder_picker_of_x_does_not_name_her(
    client_for, consulent, partner_user, melder_here_bewoner_there
):
    x, _y, mila = melder_here_bewoner_there
    page = client_for(partner_user).get(reverse("cases:report_add", args=[x.reference])).text
    assert "Meldster" not in page
    assert "Veroorzaakster" in page  # persons known in X are still offered
    assert mila not in access_for(partner_user, x).persons()
    # The page of X hides her as well (as it did before).
    detail = client_for(partner_user).get(reverse("cases:detail", args=[x.reference])).text
    assert "Meldster" not in detail
    # The receiving organisation is offered her as melder of a next melding.
    own = client_for(consulent).get(reverse("cases:report_add", args=[x.reference])).text
    assert "Meldster" in own


def test_a_posted_melder_of_a_foreign_melding_is_refused(
    client_for, partner_user, melder_here_bewoner_there
):
    x, _y, mila = melder_here_bewoner_there
    response = client_for(partner_user).post(
        reverse("cases:report_add", args=[x.reference]),
        {
            "received_at": "2026-01-05T10:00",
            "category": x.categories.first().pk,
            "source": "telefoon",
            "description": "Nog een melding.",
            "melder": mila.pk,
        },
    )
    assert response.status_code == 200
    assert not x.reports.filter(receiving_organisation=partner_user.organisation).exists()


def test_betrokkene_toevoegen_refuses_the_role_melder(client_for, consulent):
    case = make_case(consulent)
    client = client_for(consulent)
    form = client.get(reverse("cases:person_add", args=[case.reference])).text
    assert 'value="melder"' not in form
    assert "Melding vastleggen" in form
    response = client.post(
        reverse("cases:person_add", args=[case.reference]),
        {"role": PersonRole.MELDER, "existing": "", "last_name": "Verdwijnsma"},
    )
    assert response.status_code == 200
    assert "Melding vastleggen" in response.text
    assert not CasePerson.objects.filter(case=case).exists()


def test_the_service_refuses_a_melder_without_melding(consulent):
    case = make_case(consulent)
    with pytest.raises(Refusal) as refused:
        services.add_person(
            actor=consulent,
            access=access_for(consulent, case),
            role=PersonRole.MELDER,
            last_name="Verdwijnsma",
        )
    assert "Melding vastleggen" in str(refused.value.errors["role"])
    assert not CasePerson.objects.filter(case=case).exists()
    # With the melding the melder is recorded, and seen by the receiving organisation.
    report = add_report(consulent, case, new_melder={"last_name": "Verdwijnsma"})
    assert report.melder in access_for(consulent, case).persons()
