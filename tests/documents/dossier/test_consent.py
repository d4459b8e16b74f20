"""The melder's consent to be named in the procesdossier: recorded with the melding, with a
date, only for a named melder; shown on the timeline to whoever sees the melder."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cases.models import Report
from cases.models.choices import AccessLevel
from partners.models import OrganisationKind
from tests.factories import OrganisationFactory, UserFactory, add_report, category, make_case, share
from woonoverlast.refusals import Refusal

pytestmark = pytest.mark.django_db
MODEL_BACKEND = "partners.backends.UserBackend"


def post_report(user, case, **fields):
    client = Client()
    client.force_login(user, backend=MODEL_BACKEND)
    data = {
        "received_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        "category": category("geluid").pk,
        "source": "telefoon",
        "description": "Bonkende bas tot diep in de nacht.",
        **fields,
    }
    return client.post(reverse("cases:report_add", args=[case.reference]), data)


def test_consent_with_a_date_is_recorded(consulent):
    case = make_case(consulent)
    response = post_report(
        consulent,
        case,
        new_melder_first_name="Dorien",
        new_melder_last_name="Vriesema",
        melder_consents_to_be_named="on",
        melder_consent_on="2026-03-03",
    )
    assert response.status_code == 302, response.content.decode()
    report = Report.objects.get()
    assert report.melder_consents_to_be_named
    assert report.melder_consent_on == date(2026, 3, 3)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"new_melder_last_name": "Vriesema", "melder_consents_to_be_named": "on"},
            "Vul de datum in waarop de melder heeft ingestemd.",
        ),
        (
            {
                "melder_anonymous": "on",
                "melder_consents_to_be_named": "on",
                "melder_consent_on": "2026-03-03",
            },
            "kan alleen bij een melder met naam",
        ),
        (
            {"melder_consents_to_be_named": "on", "melder_consent_on": "2026-03-03"},
            "kan alleen bij een melder met naam",
        ),
        (
            {
                "new_melder_last_name": "Vriesema",
                "melder_consents_to_be_named": "on",
                "melder_consent_on": (timezone.localdate() + timedelta(days=3)).isoformat(),
            },
            "kan niet in de toekomst liggen",
        ),
    ],
)
def test_consent_without_a_date_or_a_named_melder_is_refused(consulent, fields, message):
    case = make_case(consulent)
    response = post_report(consulent, case, **fields)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Report.objects.exists()


def test_the_service_refuses_consent_without_date_or_melder(consulent):
    case = make_case(consulent)
    with pytest.raises(Refusal) as refused:
        add_report(consulent, case, melder_anonymous=True, melder_consents_to_be_named=True)
    assert set(refused.value.errors) == {"melder_consents_to_be_named", "melder_consent_on"}
    assert not Report.objects.exists()


def test_the_timeline_shows_consent_only_to_who_sees_the_melder(consulent):
    case = make_case(consulent)
    add_report(
        consulent,
        case,
        new_melder={"first_name": "Dorien", "last_name": "Vriesema"},
        melder_consents_to_be_named=True,
        melder_consent_on=date(2026, 3, 3),
    )
    partner = OrganisationFactory(kind=OrganisationKind.GEMEENTE)
    share(case, partner, AccessLevel.VOLLEDIG, consulent)
    pages = {}
    for user in (consulent, UserFactory(organisation=partner)):
        client = Client()
        client.force_login(user, backend=MODEL_BACKEND)
        pages[user] = client.get(reverse("cases:detail", args=[case.reference])).content.decode()
    assert (
        "stemt in met vermelding van de naam in het procesdossier (d.d. 3 maart 2026)"
        in (pages[consulent])
    )
    others = [page for user, page in pages.items() if user != consulent]
    assert "Vriesema" not in others[0] and "stemt in met vermelding" not in others[0]
