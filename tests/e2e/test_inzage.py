"""Browser test of the AVG inzage (issue 15): the privacy officer registers an inzageverzoek
(first with a mistake), reads the dry run, downloads the export and closes the verzoek.
The PDF is read back: the person is in it, the melder who did not agree to be named is not.
axe on every page; the Nu HTML Checker reads every page at the end of the session."""

import io

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.e2e.test_sharing import log_in
from tests.factories import (
    UserFactory,
    add_note,
    add_person,
    add_report,
    make_case,
    seed_reference_data,
)

pytestmark = pytest.mark.e2e


@pytest.fixture
def story(live_server):
    seed_reference_data()
    consulent = UserFactory(username="consulent")
    UserFactory(username="privacy", organisation=consulent.organisation, role="Privacy officer")
    case = make_case(consulent)
    add_person(consulent, case, "veroorzaker", first_name="Vera", last_name="Kloosterman")
    add_report(
        consulent,
        case,
        description="Geschreeuw in de nacht.",
        new_melder={"first_name": "Mila", "last_name": "Zandvoort"},
    )
    add_note(consulent, case, text="Gesprek met Vera Kloosterman en Mila Zandvoort.")
    return case


def test_privacy_officer_registers_an_inzageverzoek_and_downloads_the_export(
    page, live_server, story, axe
):
    log_in(page, live_server, "privacy")
    page.get_by_role("link", name="Inzageverzoeken").first.click()
    expect(page.get_by_text("Er zijn nog geen inzageverzoeken")).to_be_visible()
    axe(page, "the empty list of inzageverzoeken")

    page.get_by_role("link", name="Inzageverzoek registreren").click()
    page.get_by_label("Betrokkene").select_option(label="Kloosterman, Vera")
    page.get_by_role("button", name="Registreren").click()
    expect(page.get_by_text("Het formulier is niet opgeslagen.")).to_be_visible()
    expect(page.get_by_text("Vul de datum van ontvangst in.")).to_be_visible()
    assert "Kloosterman" in page.get_by_label("Betrokkene").locator("option:checked").inner_text()
    axe(page, "the register form with errors")
    page.get_by_label("Ontvangen op").fill(timezone.localdate().isoformat())
    page.get_by_label("Identiteit gecontroleerd").fill("paspoort gezien door J. de Vries")
    page.get_by_role("button", name="Registreren").click()

    expect(page.get_by_role("heading", name="Wat gaat er mee")).to_be_visible()
    expect(page.get_by_role("row", name=story.reference)).to_contain_text("veroorzaker")
    expect(page.get_by_text("Uiterste datum:")).to_be_visible()  # the message after saving
    axe(page, "the inzageverzoek and its dry run")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Export downloaden (PDF)").click()
    with open(download_info.value.path(), "rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    text = "\n".join(one.extract_text() for one in reader.pages)
    assert "Kloosterman" in text and story.reference in text
    assert "Zandvoort" not in text and "Mila" not in text
    assert "melder 1" in text

    page.get_by_role("link", name="Termijn verlengen").click()
    page.get_by_role("button", name="Termijn verlengen").click()
    expect(page.get_by_text("Dit veld is verplicht.")).to_be_visible()
    axe(page, "the extension form with an error")
    page.get_by_label("Reden van de verlenging").fill("Zeven zaken over vier jaar.")
    page.get_by_role("button", name="Termijn verlengen").click()
    expect(page.get_by_text("De termijn is verlengd.")).to_be_visible()
    expect(page.get_by_text("Zeven zaken over vier jaar.")).to_be_visible()
    expect(page.get_by_role("link", name="Termijn verlengen")).to_have_count(0)
    axe(page, "the extended inzageverzoek")

    page.get_by_role("link", name="Verzoek afhandelen").click()
    axe(page, "the confirmation")
    page.get_by_role("button", name="Ja, afhandelen").click()
    expect(page.get_by_text("Het inzageverzoek is afgehandeld.")).to_be_visible()
    page.get_by_role("link", name="Inzageverzoeken").first.click()
    expect(page.get_by_role("row", name="Kloosterman")).to_contain_text("afgehandeld op")
    axe(page, "the list with the closed verzoek")
