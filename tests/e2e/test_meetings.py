"""The casusoverleg in the browser: plan, accept, print per organisation, record the outcome."""

import io
import re
from datetime import timedelta

import pytest
from celery.contrib.testing.worker import start_worker
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from cases.models import ActionItem, Decision
from meetings import services
from meetings.models import Meeting
from tests.factories import PASSWORD, access_for, seed_reference_data
from tests.meetings.conftest import build_overleg
from woonoverlast.celery import app

pytestmark = pytest.mark.e2e


def _login(page, live_server, user):
    page.goto(f"{live_server.url}/account/login/")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", name="Zaken", exact=True)).to_be_visible()


@pytest.mark.integration  # the PDFs wait on the broker for the worker the test starts
def test_coordinator_runs_a_meeting_and_ggd_sees_its_action_item(page, live_server, axe):
    seed_reference_data()
    overleg = build_overleg(with_meetings=False)
    day = timezone.localdate() + timedelta(days=21)

    _login(page, live_server, overleg.coordinator)
    page.get_by_role("link", name="Casusoverleg").click()
    expect(page.get_by_role("heading", name="Casusoverleg", exact=True)).to_be_visible()
    axe(page, "meeting list")
    page.get_by_role("link", name="Overleg plannen Casusoverleg Rivierstad").click()
    page.get_by_label("Datum").fill(day.isoformat())
    page.get_by_label("Begintijd").fill("10:00")
    axe(page, "plan meeting form")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Het overleg is gepland.")).to_be_visible()
    meeting = Meeting.objects.get()

    # Two caseworker requests arrive (the request form has its own test).
    for case in (overleg.case_all, overleg.case_police):
        services.request_discussion(
            actor=overleg.consulent,
            access=access_for(overleg.consulent, case),
            series=overleg.series,
            question=f"Vraag over {case.reference}: is drang nodig?",
        )
    page.reload()
    axe(page, "meeting page with requests")
    page.get_by_role("button", name=f"Accepteren {overleg.case_all.reference}").click()
    expect(page.get_by_text(f"{overleg.case_all.reference} staat op de agenda.")).to_be_visible()
    page.get_by_role("button", name=f"Accepteren {overleg.case_police.reference}").click()
    expect(page.locator(".app-agenda__item")).to_have_count(2)

    # No worker yet, so the PDFs wait and htmx polls for them, sending the CSRF header that
    # base.html sets with data-hx-headers; the links only appear through htmx's swap.
    with page.expect_request(re.compile(r"/overleg/\d+/documenten/$")) as polled:
        page.get_by_role("button", name="Agenda versturen en PDF's maken").click()
    headers = polled.value.all_headers()
    assert headers.get("hx-request") == "true" and headers.get("x-csrftoken")
    politie_link = page.get_by_role("link", name=re.compile(r"Download agenda Politie Basisteam"))
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        expect(politie_link).to_be_visible(timeout=60_000)
    axe(page, "meeting page with documents")
    with page.expect_download() as download_info:
        politie_link.click()
    with open(download_info.value.path(), "rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert overleg.case_all.reference in text and overleg.case_police.reference in text
    assert "Havenkade" not in text and "Meldster" not in text

    page.get_by_role("link", name=f"Uitkomst vastleggen {overleg.case_all.reference}").click()
    expect(page.get_by_role("heading", name=re.compile("Agendapunt 1"))).to_be_visible()
    axe(page, "agenda item outcome")
    page.get_by_label("Soort besluit").select_option(label="opschalen")
    page.get_by_label(re.compile(r"^Besluit\b")).fill("Opschalen naar integrale aanpak (drang).")
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.get_by_text("Het besluit is vastgelegd bij de zaak.")).to_be_visible()
    page.get_by_label(re.compile(r"^Actiepunt\b")).fill("Bemoeizorg inzetten")
    page.get_by_label(re.compile(r"^Eigenaar \(organisatie\)")).select_option(label="GGD Regio")
    page.get_by_label(re.compile(r"^Eigenaar \(persoon\)")).select_option(
        label="Gijs Zorg (GGD Regio)"
    )
    page.get_by_label(re.compile(r"^Uiterlijk op")).fill(
        (timezone.localdate() + timedelta(days=10)).isoformat()
    )
    page.get_by_role("button", name="Actiepunt vastleggen").click()
    expect(page.get_by_text("Het actiepunt is vastgelegd bij de zaak.")).to_be_visible()
    assert Decision.objects.get(case=overleg.case_all).kind == Decision.Kind.ESCALATE
    assert meeting.items.get(case=overleg.case_all).action_items.count() == 1

    page.get_by_role("button", name="Uitloggen").click()
    _login(page, live_server, overleg.ggd_user)
    page.get_by_role("link", name="Mijn actiepunten").click()
    expect(page.locator(".app-action-item")).to_contain_text("Bemoeizorg inzetten")
    axe(page, "my action items")
    assert ActionItem.objects.get().owner == overleg.ggd_user
