"""Browser test of a letter (issue 15): the consulent makes a waarschuwingsbrief from a case,
previews it, makes it, and downloads the PDF and the Word file from the timeline."""

import io
import re

import pytest
from docx import Document
from playwright.sync_api import expect
from pypdf import PdfReader

from cases.documents.letters.seed import seed_letter_templates
from partners.models import OrganisationKind
from tests.e2e.test_sharing import log_in
from tests.factories import (
    OrganisationFactory,
    UserFactory,
    add_person,
    make_case,
    seed_reference_data,
)

pytestmark = pytest.mark.e2e


def test_consulent_makes_a_waarschuwingsbrief_and_downloads_it(page, live_server, axe):
    seed_reference_data()
    corporatie = OrganisationFactory(
        name="Woonstichting Rivierstad", kind=OrganisationKind.CORPORATIE
    )
    consulent = UserFactory(
        username="consulent", first_name="Carla", last_name="Consulent", organisation=corporatie
    )
    seed_letter_templates([corporatie])
    case = make_case(consulent, street="Havenkade", house_number="3", postcode="1234 AB")
    add_person(consulent, case, first_name="Henk", last_name="de Vries")

    log_in(page, live_server, "consulent")
    page.goto(f"{live_server.url}/zaken/{case.reference}/")
    page.get_by_role("link", name="Brief maken").click()
    expect(page.get_by_role("heading", name="Brief maken")).to_be_visible()
    axe(page, "letter form")
    page.get_by_label("Briefsjabloon").select_option(label="Waarschuwingsbrief")
    page.get_by_label("Geadresseerde").select_option(label="Henk de Vries")
    page.get_by_role("button", name="Voorbeeld bekijken").click()
    expect(page.get_by_role("heading", name="Voorbeeld")).to_be_visible()
    expect(page.locator(".app-letter-preview")).to_contain_text("Geachte Henk de Vries,")
    axe(page, "letter preview")
    page.get_by_role("button", name="Brief maken (PDF en Word)").click()
    expect(page.get_by_text("De brief Waarschuwingsbrief is gemaakt")).to_be_visible()
    expect(page).to_have_url(re.compile(rf"/zaken/{case.reference}/"))
    axe(page, "case page with the letter on the timeline")

    with page.expect_download() as pdf_download:
        page.get_by_role("link", name="Download PDF Waarschuwingsbrief").click()
    with open(pdf_download.value.path(), "rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "Geachte Henk de Vries," in text
    assert "Havenkade 3, 1234 AB" in text and case.reference in text
    with page.expect_download() as word_download:
        page.get_by_role("link", name="Download Word Waarschuwingsbrief").click()
    with open(word_download.value.path(), "rb") as handle:
        words = "\n".join(p.text for p in Document(io.BytesIO(handle.read())).paragraphs)
    assert "Geachte Henk de Vries," in words and "Woonstichting Rivierstad" in words
