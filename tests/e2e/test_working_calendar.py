"""Browser test of the working calendar (issue 13): the functional admin of corporatie A adds
a brugdag with the keyboard, meets a refusal that keeps the input, and removes the day after
confirming; the page passes axe."""

from datetime import date, timedelta

import pytest
from django.utils import formats, timezone
from playwright.sync_api import expect

from cases.calendars import working_days
from cases.models import ExtraDayOff
from partners.models import OrganisationKind
from tests.e2e.test_user_management import log_in
from tests.factories import OrganisationFactory, UserFactory, seed_reference_data

pytestmark = pytest.mark.e2e


def a_working_day_ahead() -> date:
    day = timezone.localdate() + timedelta(days=10)
    while not working_days.is_working_day(day):
        day += timedelta(days=1)
    return day


def test_functional_admin_adds_and_removes_a_day_off(page, live_server, axe):
    seed_reference_data()
    corporatie = OrganisationFactory(name="Woonstichting A", kind=OrganisationKind.CORPORATIE)
    admin = UserFactory(
        username="fb-a", first_name="Fleur", organisation=corporatie, role="Functioneel beheerder"
    )
    log_in(page, live_server, admin)
    page.get_by_role("link", name="Instellingen", exact=True).click()
    expect(page.get_by_role("heading", name="Werkkalender")).to_be_visible()
    axe(page, "reminder settings with the working calendar")

    day = a_working_day_ahead()
    shown = formats.date_format(day, "l j F Y")
    page.get_by_label("Datum").fill(day.isoformat())
    page.get_by_label("Omschrijving").fill("Brugdag")
    page.get_by_label("Omschrijving").press("Enter")
    expect(page.get_by_text(f"{shown} staat nu als vrije dag in de kalender.")).to_be_visible()
    expect(page.get_by_role("cell", name="Brugdag (extra vrije dag)")).to_be_visible()

    page.get_by_label("Datum").fill(day.isoformat())
    page.get_by_label("Omschrijving").fill("Nog een keer")
    page.get_by_role("button", name="Vrije dag toevoegen").click()
    expect(
        page.get_by_text("Deze datum staat al als extra vrije dag in de kalender.")
    ).to_be_visible()
    expect(page.get_by_label("Omschrijving")).to_have_value("Nog een keer")
    axe(page, "day off refused")

    page.get_by_role("link", name=f"Verwijderen {formats.date_format(day, 'j F Y')}").click()
    expect(
        page.get_by_text("Termijnen in werkdagen tellen die dag daarna weer mee.")
    ).to_be_visible()
    axe(page, "remove day off: confirmation")
    page.get_by_role("button", name="Verwijderen").press("Enter")
    expect(page.get_by_text(f"{shown} is geen extra vrije dag meer.")).to_be_visible()
    assert not ExtraDayOff.objects.exists()
