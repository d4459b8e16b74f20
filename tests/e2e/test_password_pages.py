"""Browser test of the password pages: a forgotten password leads to the Beheerder, a
changed one is refused with a Dutch message when the old one is wrong; each page passes axe."""

import pytest
from playwright.sync_api import expect

from partners.models import OrganisationKind
from tests.e2e.test_user_management import log_in
from tests.factories import PASSWORD, OrganisationFactory, UserFactory, seed_reference_data

pytestmark = pytest.mark.e2e


def test_forgotten_and_changed_password(page, live_server, axe):
    seed_reference_data()
    corporatie = OrganisationFactory(name="Woonstichting A", kind=OrganisationKind.CORPORATIE)
    user = UserFactory(username="consulent-a", organisation=corporatie, role="Medewerker")

    page.goto(f"{live_server.url}/account/login/")
    page.get_by_role("link", name="Wachtwoord vergeten?").click()
    expect(page.get_by_role("heading", name="Wachtwoord vergeten")).to_be_visible()
    expect(page.get_by_text("Neem contact op met de beheerder van uw organisatie.")).to_be_visible()
    axe(page, "password forgotten")

    log_in(page, live_server, user)
    page.get_by_role("link", name="mijn account").click()
    page.get_by_role("link", name="Wachtwoord wijzigen").click()
    axe(page, "password change")
    page.get_by_label("Oud wachtwoord").fill("niet-mijn-wachtwoord")
    page.get_by_label("Nieuw wachtwoord (verplicht)").fill("een-ander-lang-wachtwoord-7")
    page.get_by_label("Nieuw wachtwoord bevestigen").fill("een-ander-lang-wachtwoord-7")
    page.get_by_role("button", name="Wachtwoord opslaan").click()
    expect(page.get_by_text("Uw oude wachtwoord is niet juist ingevoerd.").first).to_be_visible()
    axe(page, "password change refused")
    page.get_by_label("Oud wachtwoord").fill(PASSWORD)
    page.get_by_label("Nieuw wachtwoord (verplicht)").fill("een-ander-lang-wachtwoord-7")
    page.get_by_label("Nieuw wachtwoord bevestigen").fill("een-ander-lang-wachtwoord-7")
    page.get_by_role("button", name="Wachtwoord opslaan").press("Enter")
    expect(page.get_by_role("heading", name="Uw wachtwoord is gewijzigd")).to_be_visible()
    axe(page, "password changed")
