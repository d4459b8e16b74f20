"""Browser test of sharing: the consulent shares a case with politie (volledig) and GGD
(proces); each partner sees what their level allows, another corporatie gets 404, and the
privacy officer sees every one of those reads in the access log."""

import re
from datetime import date

import pytest
from playwright.sync_api import expect

from cases import services
from cases.models import AccessLog
from cases.models.choices import Visibility
from partners.models import Instrument, OrganisationKind
from tests.factories import (
    PASSWORD,
    OrganisationFactory,
    UserFactory,
    access_for,
    add_note,
    add_person,
    make_case,
    seed_reference_data,
)

pytestmark = pytest.mark.e2e

NOTE = "Huisbezoek: bewoner erkent de overlast en wil hulp."
MEASURE = "Buurtbemiddeling"


@pytest.fixture
def rivierstad(live_server):
    seed_reference_data()
    linde = OrganisationFactory(name="Woonstichting De Linde", kind=OrganisationKind.CORPORATIE)
    users = {
        "consulent": UserFactory(username="consulent", organisation=linde),
        "privacy": UserFactory(username="privacy", organisation=linde, role="Privacy officer"),
        "consulent-b": UserFactory(
            username="consulent-b",
            organisation=OrganisationFactory(
                name="Stadswonen Rivierenland", kind=OrganisationKind.CORPORATIE
            ),
        ),
        "politie": UserFactory(
            username="politie",
            organisation=OrganisationFactory(
                name="Politie basisteam Rivierstad", kind=OrganisationKind.POLITIE
            ),
        ),
        "ggd": UserFactory(
            username="ggd",
            organisation=OrganisationFactory(
                name="GGD Regio Rivierstad", kind=OrganisationKind.GGD
            ),
        ),
    }
    case = make_case(users["consulent"], street="Havenkade", house_number="3")
    add_person(users["consulent"], case, first_name="Jan", last_name="Jansen")
    add_note(users["consulent"], case, text=NOTE, visibility=Visibility.PARTICIPANTS)
    services.add_measure(
        actor=users["consulent"],
        access=access_for(users["consulent"], case),
        instrument=Instrument.objects.filter(name=MEASURE).first(),
        owner_organisation=users["consulent"].organisation,
        start_date=date(2026, 11, 2),
    )
    return users, case


def log_in(page, live_server, username):
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/account/login/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()


def share(page, organisation, level, ground, convenant=""):
    page.get_by_role("link", name="Zaak delen").click()
    expect(page.get_by_role("heading", name="Zaak delen met een ketenpartner")).to_be_visible()
    page.get_by_label("Organisatie").select_option(label=organisation)
    page.get_by_label(level, exact=True).check()
    page.get_by_label("Grondslag").select_option(label=ground)
    if convenant:
        page.get_by_label("Naam convenant").fill(convenant)
    page.get_by_role("button", name="Delen").click()


def test_share_with_politie_and_ggd_and_see_it_in_the_access_log(
    page, live_server, rivierstad, axe
):
    users, case = rivierstad
    case_url = f"{live_server.url}/zaken/{case.reference}/"

    log_in(page, live_server, "consulent")
    page.goto(case_url)
    expect(page.get_by_text("nog met geen enkele ketenpartner gedeeld")).to_be_visible()
    page.get_by_role("link", name="Zaak delen").click()
    page.get_by_role("button", name="Delen").click()  # empty: Dutch errors, nothing shared
    expect(page.get_by_text("Kies de organisatie waarmee u de zaak deelt.")).to_be_visible()
    axe(page, "share form with errors")
    page.goto(case_url)
    share(
        page,
        "Politie basisteam Rivierstad",
        "volledig",
        "convenant",
        "Convenant Zorg- en Veiligheidshuis",
    )
    expect(page.get_by_text("De zaak is gedeeld met Politie basisteam Rivierstad")).to_be_visible()
    share(page, "GGD Regio Rivierstad", "alleen proces", "publieke taak")
    sharing = page.locator("section[aria-labelledby=sharing-heading]")
    expect(sharing).to_contain_text("Politie basisteam Rivierstad")
    expect(sharing).to_contain_text("Convenant Zorg- en Veiligheidshuis")
    expect(sharing.get_by_role("row", name=re.compile("GGD Regio"))).to_contain_text(
        "alleen proces"
    )
    axe(page, "case page with sharing section")
    page.get_by_role("link", name=re.compile("^Intrekken voor GGD")).click()
    expect(page.get_by_role("button", name="Ja, delen intrekken")).to_be_visible()
    axe(page, "revoke confirmation")
    page.get_by_role("link", name="Annuleren").click()

    log_in(page, live_server, "politie")
    page.get_by_role("link", name="Gedeeld met mijn organisatie").click()
    expect(page.get_by_role("heading", name="Gedeeld met mijn organisatie")).to_be_visible()
    axe(page, "shared with my organisation")
    page.get_by_role("link", name=case.reference).click()
    expect(page.get_by_text(NOTE)).to_be_visible()
    expect(page.get_by_text("Jan Jansen", exact=True)).to_be_visible()

    log_in(page, live_server, "ggd")
    page.goto(case_url)
    expect(page.get_by_role("heading", name="Fase en aanpak")).to_be_visible()
    expect(page.get_by_role("heading", name="Maatregelen")).to_be_visible()
    expect(page.get_by_text(MEASURE).first).to_be_visible()
    expect(page.locator("body")).not_to_contain_text("Jan Jansen")
    expect(page.locator("body")).not_to_contain_text(NOTE)
    expect(page.locator("body")).not_to_contain_text("Havenkade")

    log_in(page, live_server, "consulent-b")
    response = page.goto(case_url)
    assert response.status == 404
    expect(page.get_by_role("heading", name="Niet gevonden")).to_be_visible()
    expect(page.locator("body")).not_to_contain_text("Havenkade")

    log_in(page, live_server, "privacy")
    page.get_by_role("link", name="Toegangslog").click()
    axe(page, "access log")
    page.goto(f"{live_server.url}/zaken/toegangslog/zaken/{case.reference}/")
    table = page.locator("table.app-log-table")
    for name in ("politie", "ggd", "consulent-b"):
        expect(
            table.get_by_role("row", name=re.compile(rf"\b{re.escape(name)}\b")).first
        ).to_be_visible()
    expect(table.get_by_role("row", name=re.compile("consulent-b")).first).to_contain_text(
        "geweigerd"
    )
    axe(page, "access log of one case")

    for username in ("politie", "ggd"):
        assert AccessLog.objects.filter(
            username=username, case_id_ref=case.pk, outcome=AccessLog.Outcome.ALLOWED
        ).exists()
    assert AccessLog.objects.filter(
        username="consulent-b", case_id_ref=case.pk, outcome=AccessLog.Outcome.DENIED
    ).exists()
