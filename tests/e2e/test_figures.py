"""Browser test of the figures page (issue 14): the coordinator opens the regional view,
filters by wijk and exports a CSV; the consulent sees figures over its own cases only.
axe on every page; the Nu HTML Checker reads every page at the end of the session."""

import re

import pytest
from playwright.sync_api import expect

from partners.models import OrganisationKind
from tests.e2e.test_sharing import log_in
from tests.factories import OrganisationFactory, UserFactory, make_case, seed_reference_data

pytestmark = pytest.mark.e2e


@pytest.fixture
def region(live_server):
    seed_reference_data()
    linde = OrganisationFactory(name="Woonstichting De Linde", kind=OrganisationKind.CORPORATIE)
    oost = OrganisationFactory(name="Woonbron Oost", kind=OrganisationKind.CORPORATIE)
    gemeente = OrganisationFactory(name="Gemeente Rivierstad", kind=OrganisationKind.GEMEENTE)
    consulent = UserFactory(username="consulent", organisation=linde)
    other = UserFactory(username="consulent-b", organisation=oost)
    UserFactory(username="regisseur", organisation=gemeente, role="Coordinator")
    for number in range(2):
        make_case(consulent, house_number=str(number + 1), wijk="Noord")
    for number in range(6):
        make_case(other, street="Oostlaan", house_number=str(number + 1), wijk="Noord")
    make_case(other, street="Zuidlaan", house_number="9", wijk="Zuid")


def stage_row(page):
    table = page.locator("table", has=page.get_by_text("Open zaken per fase", exact=True))
    return table.get_by_role("row", name=re.compile("Melding en registratie"))


def test_coordinator_filters_the_region_and_the_consulent_sees_its_own(
    page, live_server, region, axe
):
    log_in(page, live_server, "consulent")
    page.get_by_role("link", name="Cijfers").click()
    expect(page.get_by_role("heading", name="Cijfers van mijn organisatie")).to_be_visible()
    expect(stage_row(page)).to_contain_text("2")  # its own two, not the nine of the region
    expect(page.get_by_label("Weergave", exact=True).locator("option")).to_have_count(1)
    axe(page, "figures of the organisation")
    page.goto(f"{live_server.url}/cijfers/?van=morgen")
    expect(page.get_by_text("Voer een geldige datum in.")).to_be_visible()
    axe(page, "figures with a bad filter")

    log_in(page, live_server, "regisseur")
    page.get_by_role("link", name="Cijfers").click()
    page.get_by_label("Weergave", exact=True).select_option(label="Regio (alleen totalen)")
    page.get_by_role("button", name="Tonen").click()
    expect(page.get_by_role("heading", name="Cijfers van de regio")).to_be_visible()
    expect(stage_row(page)).to_contain_text("10")  # 9 cases, rounded to fives
    page.get_by_label("Wijk", exact=True).select_option("Zuid")
    page.get_by_role("button", name="Tonen").click()
    expect(stage_row(page)).to_contain_text("<5")  # one case: suppressed
    page.get_by_label("Wijk", exact=True).select_option("Noord")
    page.get_by_role("button", name="Tonen").click()
    expect(stage_row(page)).to_contain_text("10")  # 8 cases, rounded
    expect(page.locator("main")).not_to_contain_text("Oostlaan")
    axe(page, "regional figures for one wijk")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="CSV downloaden van open zaken per fase").click()
    with open(download_info.value.path(), encoding="utf-8-sig") as handle:
        rows = handle.read().splitlines()
    assert rows == ["Fase;Open zaken", "Melding en registratie;10"]
