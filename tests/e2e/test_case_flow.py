"""The foundation's browser test: log in, open a case, add a melding and a logboek entry."""

import re

import pytest
from playwright.sync_api import expect

from cases.models import Note, Report
from partners.models import OrganisationKind
from tests.factories import (
    PASSWORD,
    OrganisationFactory,
    UserFactory,
    make_case,
    seed_reference_data,
)

pytestmark = pytest.mark.e2e


@pytest.fixture
def consulent_with_case(live_server):
    # live_server runs on a transactional database: migration data must be seeded again.
    seed_reference_data()
    corporatie = OrganisationFactory(
        name="Woonstichting Rivierstad", kind=OrganisationKind.CORPORATIE
    )
    user = UserFactory(
        username="consulent", first_name="Carla", last_name="Consulent", organisation=corporatie
    )
    case = make_case(user, street="Havenkade", house_number="3", postcode="1234 AB")
    return user, case


def test_log_in_add_melding_and_note_see_both_on_timeline(
    page, live_server, consulent_with_case, axe
):
    user, case = consulent_with_case

    page.goto(f"{live_server.url}/account/login/")
    expect(page.get_by_role("heading", name="Inloggen")).to_be_visible()
    axe(page, "login page")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()

    expect(page.get_by_role("heading", name="Zaken", exact=True)).to_be_visible()
    axe(page, "case list")
    page.get_by_role("link", name=case.reference).click()
    expect(page).to_have_url(re.compile(rf"/zaken/{case.reference}/$"))
    expect(page.get_by_role("heading", name=f"Zaak {case.reference}")).to_be_visible()
    axe(page, "case page")

    page.get_by_role("link", name="Melding vastleggen").click()
    expect(page.get_by_role("heading", name="Melding vastleggen")).to_be_visible()
    axe(page, "melding form")
    page.get_by_label("Soort overlast").select_option(label="Geluid")
    page.get_by_label("Bron").select_option(label="telefoon")
    page.get_by_label("Omschrijving").fill("Luide muziek na middernacht, buren klagen.")
    page.get_by_role("button", name="Melding vastleggen").click()
    expect(page).to_have_url(re.compile(rf"/zaken/{case.reference}/$"))

    page.get_by_role("link", name="Logboekregel toevoegen").click()
    expect(page.get_by_role("heading", name="Logboekregel toevoegen")).to_be_visible()
    page.get_by_label(re.compile(r"^Soort\b")).select_option(label="huisbezoek")
    page.get_by_label("Tekst").fill("Huisbezoek afgelegd, afspraken gemaakt over geluid.")
    page.get_by_role("button", name="Logboekregel toevoegen").click()
    expect(page).to_have_url(re.compile(rf"/zaken/{case.reference}/$"))

    items = page.locator(".app-timeline__item")
    expect(items.first).to_contain_text("Huisbezoek afgelegd, afspraken gemaakt over geluid.")
    expect(items.nth(1)).to_contain_text("Luide muziek na middernacht, buren klagen.")
    expect(items.last).to_contain_text("Zaak geopend")
    axe(page, "case page with timeline")

    assert Report.objects.get(case=case).created_by == user
    assert Note.objects.get(case=case).author == user


def test_axe_check_reports_a_violation(page, live_server, axe):
    """The accessibility check can fail: a form field without its label is a violation."""
    page.goto(f"{live_server.url}/account/login/")
    page.evaluate("document.querySelector('label[for=id_username]').remove()")
    with pytest.raises(AssertionError, match="label"):
        axe(page, "login page without a label")
