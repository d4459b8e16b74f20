"""Browser test of the escalation workflow, measures and the functional admin's screens."""

import re

import pytest
from playwright.sync_api import expect

from cases.models import Event, Measure, Workflow
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
def people(live_server):
    seed_reference_data()
    corporatie = OrganisationFactory(
        name="Woonstichting Rivierstad", kind=OrganisationKind.CORPORATIE
    )
    consulent = UserFactory(
        username="consulent", first_name="Carla", last_name="Consulent", organisation=corporatie
    )
    beheer = UserFactory(
        username="beheer",
        first_name="Pieter",
        last_name="Beheer",
        organisation=corporatie,
        role="Regionaal functioneel beheerder",
    )
    case = make_case(consulent, street="Havenkade", house_number="3", postcode="1234 AB")
    return consulent, beheer, case


def log_in(page, live_server, user):
    page.goto(f"{live_server.url}/account/login/")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", name="Zaken", exact=True)).to_be_visible()


def take(page, label, justification=None):
    page.get_by_role("link", name=label).click()
    expect(page.get_by_role("heading", name=label)).to_be_visible()
    if justification is not None:
        page.get_by_label("Onderbouwing").fill(justification)
    page.get_by_role("button", name="Fase wijzigen").click()


def test_consulent_escalates_step_by_step_into_dwang(page, live_server, people, axe):
    consulent, _beheer, case = people
    log_in(page, live_server, consulent)
    page.goto(f"{live_server.url}/zaken/{case.reference}/")
    stage = page.locator("#stage-heading").locator("xpath=ancestor::section")

    take(page, "Geregistreerd en regie belegd: naar triage")
    expect(stage).to_contain_text("Triage")
    take(page, "Klacht gegrond: onderzoek starten")
    take(page, "Overlast bevestigd: vrijwillig kader")
    expect(stage).to_contain_text("Vrijwillig kader")
    axe(page, "case page with stage, measures and instruments")
    expect(page.get_by_role("heading", name="Wat kan wie nu inzetten")).to_be_visible()
    expect(page.locator("#instruments-heading").locator("xpath=..")).to_contain_text(
        "Buurtbemiddeling"
    )

    # A measure, started from the suggestion.
    page.get_by_role("link", name="Inzetten Buurtbemiddeling").click()
    expect(page.get_by_role("heading", name="Maatregel vastleggen")).to_be_visible()
    page.get_by_label("Status").select_option(label="afgerond")
    page.get_by_role("button", name="Maatregel vastleggen").click()
    expect(page.get_by_text("Beschrijf het resultaat wanneer")).to_be_visible()
    axe(page, "measure form with errors")
    page.get_by_label("Resultaat").fill("Bemiddeling afgebroken: bewoner kwam niet.")
    page.get_by_role("button", name="Maatregel vastleggen").click()
    expect(page.locator("#measures-heading").locator("xpath=../..")).to_contain_text(
        "Bemiddeling afgebroken"
    )

    take(
        page,
        "Overlast houdt aan: integrale aanpak (drang)",
        "Buurtbemiddeling en waarschuwingsbrief zonder resultaat.",
    )
    expect(stage).to_contain_text("Integrale aanpak (drang)")

    # Dwang needs a casusoverleg decision and a justification.
    expect(stage).to_contain_text("Hiervoor is een besluit van het casusoverleg nodig")
    page.get_by_role("link", name="Besluit vastleggen").click()
    page.get_by_label("Genomen door").fill("Casusoverleg Rivierstad")
    page.get_by_label("Soort besluit").select_option(label="opschalen")
    page.get_by_role("textbox", name=re.compile(r"^Besluit")).fill(
        "Opschalen naar het verplicht kader."
    )
    page.get_by_role("button", name="Besluit vastleggen").click()

    label = "Afspraken geschonden: verplicht kader (dwang)"
    page.get_by_role("link", name=label).click()
    page.get_by_label("Besluit casusoverleg").select_option(index=1)
    page.get_by_role("button", name="Fase wijzigen").click()
    expect(page.get_by_text("Een onderbouwing is verplicht voor deze overgang.")).to_be_visible()
    expect(page.get_by_role("heading", name=label)).to_be_visible()
    axe(page, "transition form refused")
    case.refresh_from_db()
    assert case.stage.kader == "drang"

    page.get_by_label("Onderbouwing").fill(
        "Gedragsovereenkomst tweemaal geschonden; buurtbemiddeling en waarschuwing zonder effect."
    )
    page.get_by_role("button", name="Fase wijzigen").click()
    expect(page).to_have_url(re.compile(rf"/zaken/{case.reference}/$"))
    expect(stage).to_contain_text("Verplicht kader (dwang)")
    first = page.locator(".app-timeline__item").first
    expect(first).to_contain_text("Fase gewijzigd")
    expect(first).to_contain_text("Van Integrale aanpak (drang) naar Verplicht kader (dwang)")
    expect(first).to_contain_text("Gedragsovereenkomst tweemaal geschonden")

    page.get_by_text("Doorlooptijd per fase").click()
    rows = page.locator(".app-lead-times tbody tr")
    expect(rows).to_have_count(6)
    expect(rows.last).to_contain_text("Verplicht kader (dwang)")
    expect(rows.last).to_contain_text("nu")
    axe(page, "case page in dwang with lead times")
    assert case.events.filter(kind=Event.Kind.STAGE_CHANGED).count() == 5
    assert Measure.objects.get(case=case).status == "afgerond"


def test_functional_admin_edits_a_draft_and_the_catalogue(page, live_server, people, axe):
    _consulent, beheer, _case = people
    log_in(page, live_server, beheer)
    page.get_by_role("link", name="Beheer", exact=True).click()
    axe(page, "beheer index")
    page.get_by_role("link", name="Werkwijzen").click()
    expect(page.get_by_role("heading", name="Standaard woonoverlast")).to_be_visible()
    axe(page, "workflow list")
    page.get_by_role("button", name="Concept maken").click()
    expect(page.get_by_text("Concept versie 2 is gemaakt")).to_be_visible()
    axe(page, "workflow draft editor")

    page.get_by_role("link", name="Fase toevoegen").click()
    page.get_by_label("Code").fill("nazorg")
    page.get_by_label("Naam").fill("Nazorg")
    page.get_by_label("Volgorde").fill("10")
    page.get_by_label("Streefduur (werkdagen)").fill("-5")
    page.get_by_role("button", name="Fase opslaan").click()
    expect(page.get_by_text("De streefduur kan niet negatief zijn.")).to_be_visible()
    axe(page, "stage form with errors")
    page.get_by_label("Streefduur (werkdagen)").fill("20")
    page.get_by_role("button", name="Fase opslaan").click()

    page.get_by_role("button", name="Concept publiceren").click()
    expect(page.get_by_text("Het concept is niet gepubliceerd.")).to_be_visible()
    expect(page.get_by_role("status").first).to_be_visible()
    expect(
        page.get_by_text("De fase Nazorg is niet te bereiken vanuit de beginfase").first
    ).to_be_visible()
    page.get_by_role("link", name="Overgang toevoegen").click()
    axe(page, "transition form")
    page.get_by_label("Van fase").select_option(label="Afsluiting en nazorg")
    page.get_by_label("Naar fase").select_option(label="Nazorg")
    page.get_by_label("Omschrijving").fill("Nazorg starten")
    page.get_by_role("button", name="Overgang opslaan").click()
    page.get_by_role("link", name="Wijzigen Nazorg", exact=True).click()
    page.get_by_label("Eindfase").check()
    page.get_by_role("button", name="Fase opslaan").click()
    page.get_by_role("button", name="Concept publiceren").click()
    expect(page.get_by_text("Versie 2 is gepubliceerd")).to_be_visible()
    assert Workflow.objects.get(version=2).status == Workflow.Status.PUBLISHED

    page.goto(f"{live_server.url}/beheer/instrumenten/")
    expect(page.get_by_role("heading", name="Instrumenten")).to_be_visible()
    axe(page, "instrument list")
    page.get_by_role("textbox", name="Zoeken").fill("Opiumwet")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("status")).to_contain_text("1 instrument gevonden")
    page.get_by_role("link", name="Wijzigen Sluiting van de woning").click()
    axe(page, "instrument form")
    page.get_by_role("link", name="Annuleren").click()
    page.get_by_role("link", name="Deactiveren Sluiting van de woning").click()
    expect(page.get_by_text("Wilt u Sluiting van de woning")).to_be_visible()
    axe(page, "deactivate confirmation")
    page.get_by_role("button", name="Deactiveren").click()
    expect(page.get_by_text("is niet meer actief")).to_be_visible()
