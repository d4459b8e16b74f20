"""Browser test of a case's whole life (issue 13): the consulent closes a case (refused while
an actiepunt is open and not carried over), finds it under "gesloten", reopens it with a
reason, and opening a new case on the same address, typed differently, shows the earlier ones."""

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from cases import services
from cases.models import Case, CaseResult, Event
from cases.services.lifecycle import close_case
from partners.models import OrganisationKind
from tests.factories import (
    PASSWORD,
    OrganisationFactory,
    UserFactory,
    access_for,
    make_case,
    seed_reference_data,
    set_case_state,
)

pytestmark = pytest.mark.e2e


@pytest.fixture
def consulent_with_cases(live_server):
    seed_reference_data()
    corporatie = OrganisationFactory(
        name="Woonstichting Rivierstad", kind=OrganisationKind.CORPORATIE
    )
    user = UserFactory(
        username="consulent", first_name="Carla", last_name="Consulent", organisation=corporatie
    )
    # An older case at the address, closed long ago with "Verhuisd".
    older = make_case(
        user,
        street="Havenkade",
        house_number="12A",
        postcode="1234 AB",
        opened_on=date.today() - timedelta(days=400),
    )
    set_case_state(older, user, stage=older.workflow.stages.get(is_final=True))
    close_case(
        actor=user,
        access=access_for(user, older),
        result=CaseResult.objects.get(code="verhuisd"),
        note="Bewoner verhuisd.",
        closed_on=date.today() - timedelta(days=200),
        melder_informed=True,
        veroorzaker_informed=True,
    )
    case = make_case(
        user,
        street="Havenkade",
        house_number="12A",
        postcode="1234 AB",
        opened_on=date.today() - timedelta(days=60),
    )
    set_case_state(case, user, stage=case.workflow.stages.get(is_final=True))
    services.add_action_item(
        actor=user,
        access=access_for(user, case),
        title="Nabellen met de buren",
        owner_organisation=corporatie,
        due_on=timezone.localdate() + timedelta(days=10),
    )
    return user, older, case


def log_in(page, live_server, user):
    page.goto(f"{live_server.url}/account/login/")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", name="Zaken", exact=True)).to_be_visible()


def test_close_find_reopen_and_meet_the_address_again(page, live_server, consulent_with_cases, axe):
    user, older, case = consulent_with_cases
    log_in(page, live_server, user)
    page.goto(f"{live_server.url}/zaken/{case.reference}/")
    expect(page.get_by_text("Eerder bekend op dit adres:")).to_be_visible()
    axe(page, "case page in the final stage")

    page.get_by_role("link", name="Zaak afsluiten").click()
    expect(page.get_by_role("heading", name="Zaak afsluiten")).to_be_visible()
    axe(page, "close form")
    page.get_by_label("Resultaat").select_option(label="Overlast gestopt")
    page.get_by_label("Toelichting").fill("Na de gedragsovereenkomst geen meldingen meer.")
    page.get_by_label("De melder is geïnformeerd over de afsluiting").check()
    page.get_by_label("De veroorzaker is geïnformeerd over de afsluiting").check()
    page.get_by_label(re.compile("^Ik sluit deze zaak af")).check()
    page.get_by_role("button", name="Zaak afsluiten").click()

    # Refused: the actiepunt is open and not carried over; nothing is saved.
    expect(
        page.get_by_text(re.compile("Actiepunt “Nabellen met de buren” staat nog open"))
    ).to_be_visible()
    axe(page, "close form refused")
    case.refresh_from_db()
    assert case.closed_on is None

    page.get_by_label(re.compile("Nabellen met de buren")).check()
    page.get_by_role("button", name="Zaak afsluiten").click()
    expect(page).to_have_url(re.compile(rf"/zaken/{case.reference}/$"))
    expect(page.get_by_role("heading", name="Afgesloten, in nazorg")).to_be_visible()
    axe(page, "closed case page")
    case.refresh_from_db()
    assert case.closing_result.code == "overlast-gestopt"

    # The list's status filter "gesloten" shows it.
    page.get_by_role("link", name="Alle zaken").click()
    page.get_by_label("Status").select_option(label="Gesloten")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("link", name=case.reference)).to_be_visible()
    axe(page, "case list, closed")

    page.get_by_role("link", name=case.reference).click()
    page.get_by_role("link", name="Zaak heropenen", exact=True).click()
    expect(page.get_by_role("heading", name="Zaak heropenen")).to_be_visible()
    page.get_by_role("button", name="Zaak heropenen").click()
    expect(page.get_by_text("Geef de reden om de zaak te heropenen.").first).to_be_visible()
    axe(page, "reopen form with an error")
    page.get_by_label("Reden om te heropenen").fill("Nieuwe meldingen van geluidsoverlast.")
    page.get_by_role("button", name="Zaak heropenen").click()
    expect(page).to_have_url(re.compile(rf"/zaken/{case.reference}/$"))
    expect(page.locator(".app-timeline__item").first).to_contain_text("Zaak heropend")
    case.refresh_from_db()
    assert case.closed_on is None
    assert case.events.filter(kind=Event.Kind.CASE_REOPENED).exists()

    # A new case on the same address, typed differently.
    page.get_by_role("link", name="Alle zaken").click()
    page.get_by_role("link", name="Nieuwe zaak openen").click()
    page.get_by_label("Straat").fill("Havenkade")
    page.get_by_label("Huisnummer").fill("12 a")
    page.get_by_label("Postcode").fill("1234ab")
    page.get_by_label("Plaats").fill("Rivierstad")
    page.get_by_label("Geluid").check()
    page.get_by_label("Korte feitelijke samenvatting").fill("Weer harde muziek in de nacht.")
    page.get_by_role("button", name="Zaak openen").click()
    notice = page.locator(".app-earlier-cases")
    expect(notice).to_contain_text("Eerder bekend op dit adres:")
    expect(notice).to_contain_text(older.reference)
    expect(notice).to_contain_text("met Verhuisd")
    expect(notice.get_by_role("link", name=older.reference, exact=True)).to_be_visible()
    axe(page, "case form with an earlier case")
    assert Case.objects.count() == 2

    page.get_by_role("button", name="Toch een nieuwe zaak openen").click()
    expect(page.get_by_role("heading", name=re.compile(r"^Zaak WO-"))).to_be_visible()
    new = Case.objects.order_by("-pk").first()
    assert new.predecessor == case
    assert new.address_key == "1234AB|12|a"
