"""The figures page, its CSV and PDF: permissions, bad filters, and what they contain."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from cases.models import AccessLog
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_page_shows_the_figures_and_is_in_the_navigation(client, region):
    client.force_login(region.consulent)
    response = client.get(reverse("figures:page"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="/cijfers/"' in html and "Cijfers van mijn organisatie" in html
    assert 'role="img"' in html and "<table" in html
    assert "Adressen met de meeste meldingen" in html  # its own hot spots
    assert "Regio (alleen totalen)" not in html  # a medewerker has no regional view


def test_the_regional_view_lists_no_address_and_hides_small_numbers(client, region):
    client.force_login(region.coordinator)
    response = client.get(reverse("figures:page"), {"weergave": "regio"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Cijfers van de regio" in html and "&lt;5" in html
    assert "Dorpsstraat" not in html and "5678 CD" not in html
    for case in region.cases.values():
        assert case.reference not in html


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"van": "gisteren"}, "Voer een geldige datum in."),
        ({"van": "2030-01-01", "tot": "2029-01-01"}, "niet in de toekomst"),
        ({"van": "2020-01-01", "tot": "2026-01-01"}, "hoogstens 36 maanden"),
        ({"weergave": "regio"}, "Selecteer een geldige keuze"),
        ({"soort": "bestaat-niet"}, "Selecteer een geldige keuze"),
    ],
)
def test_bad_filters_get_a_dutch_message_and_no_figures(client, region, query, message):
    client.force_login(region.consulent)
    response = client.get(reverse("figures:page"), query)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert 'role="img"' not in response.content.decode()


def test_without_the_permission_the_page_is_refused(client, db):
    client.force_login(UserFactory(role="Beheerder"))
    assert client.get(reverse("figures:page")).status_code == 403


def test_csv_holds_the_protected_numbers_and_is_logged(client, region):
    client.force_login(region.coordinator)
    response = client.get(reverse("figures:csv", args=["actiepunten"]), {"weergave": "regio"})
    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    assert text.splitlines()[0] == "Partner;Verlopen;Open"
    assert "<5" in text and ";1" not in text
    log = AccessLog.objects.get(action=AccessLog.Action.EXPORT)
    assert log.resource == "cijfers/actiepunten (regio)" and log.case_id_ref is None
    assert client.get(reverse("figures:csv", args=["onbekend"])).status_code == 404
    assert client.get(reverse("figures:csv", args=["instroom"]), {"tot": "x"}).status_code == 400


def test_the_page_as_pdf_reads_back(client, region):
    client.force_login(region.consulent)
    response = client.get(reverse("figures:pdf"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Cijfers van Woonstichting De Linde" in text
    assert "Instroom, uitstroom en voorraad per maand" in text
    assert "Recidive na afsluiting" in text
    assert AccessLog.objects.filter(action=AccessLog.Action.PRINT, resource="cijfers").exists()
