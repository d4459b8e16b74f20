"""Browser test of a revoked share (issue 12): the coordinating gemeente has opened a case,
its agenda item and the agenda PDF; the consulent revokes the gemeente's share; every one of
those now answers 404, the gemeente's copies are made again without the case, and the
privacy officer sees the refused attempts in the access log of the case."""

import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from cases.models import AccessLog
from meetings import services
from meetings.models import MeetingDocument
from tests.e2e.test_sharing import log_in
from tests.factories import UserFactory, seed_reference_data
from tests.meetings.conftest import build_overleg, request_and_accept

pytestmark = pytest.mark.e2e

ADDRESS = "Havenkade"


def _pdf_text(path) -> str:
    with open(path, "rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_after_revocation_every_page_and_pdf_the_partner_opened_answers_404(page, live_server, axe):
    seed_reference_data()
    overleg = build_overleg()
    UserFactory(username="privacy", organisation=overleg.corporatie, role="Privacy officer")
    case = overleg.case_all
    item = request_and_accept(overleg, case)
    request_and_accept(overleg, overleg.case_police)
    # Outside the integration tests Celery runs in-process: the PDFs are made at the commit.
    services.send_agenda(actor=overleg.coordinator, meeting=overleg.meeting)
    assert not overleg.meeting.documents.exclude(status=MeetingDocument.Status.READY).exists()

    base = live_server.url
    case_url = f"{base}/zaken/{case.reference}/"
    meeting_url = f"{base}/overleg/{overleg.meeting.pk}/"
    item_url = f"{meeting_url}punten/{item.pk}/"

    # The coordinator opens the case, the agenda item and the chair's agenda PDF.
    log_in(page, live_server, "coordinator")
    page.goto(case_url)
    expect(page.get_by_role("heading", name=re.compile(case.reference))).to_be_visible()
    page.goto(meeting_url)
    page.get_by_role("link", name=f"Uitkomst vastleggen {case.reference}").click()
    expect(page.get_by_role("heading", name=re.compile("Agendapunt 1"))).to_be_visible()
    assert page.url == item_url
    page.goto(meeting_url)
    chair_link = page.get_by_role("link", name="Download agenda voorzitter (PDF)")
    pdf_url = base + chair_link.get_attribute("href")
    with page.expect_download() as download_info:
        chair_link.click()
    text = _pdf_text(download_info.value.path())
    assert case.reference in text and ADDRESS in text
    axe(page, "meeting page before the revocation")

    # The consulent revokes the gemeente's share.
    log_in(page, live_server, "consulent")
    page.goto(case_url)
    page.get_by_role("link", name="Intrekken voor Gemeente Rivierstad").click()
    axe(page, "revoke confirmation")
    page.get_by_role("button", name="Ja, delen intrekken").click()
    expect(page.get_by_text("Het delen met Gemeente Rivierstad is ingetrokken.")).to_be_visible()

    # Everything the gemeente opened before is gone: 404, never a hint of what was there.
    log_in(page, live_server, "coordinator")
    for url, label in ((case_url, "case"), (item_url, "agenda item"), (pdf_url, "agenda PDF")):
        response = page.goto(url)
        assert response.status == 404, label
        expect(page.get_by_role("heading", name="Niet gevonden")).to_be_visible()
        expect(page.locator("body")).not_to_contain_text(ADDRESS)
    axe(page, "404 for the withdrawn agenda PDF")
    # The meeting itself stays, without the case; the new chair's copy leaves it out.
    page.goto(meeting_url)
    agenda = page.locator("#agenda")
    expect(agenda).not_to_contain_text(case.reference)
    expect(agenda).to_contain_text(overleg.case_police.reference)
    new_link = page.get_by_role("link", name="Download agenda voorzitter (PDF)")
    assert base + new_link.get_attribute("href") != pdf_url
    with page.expect_download() as download_info:
        new_link.click()
    text = _pdf_text(download_info.value.path())
    assert case.reference not in text and ADDRESS not in text
    assert overleg.case_police.reference in text
    axe(page, "meeting page after the revocation")

    # The privacy officer of the corporatie sees the three refused attempts.
    log_in(page, live_server, "privacy")
    page.goto(f"{base}/zaken/toegangslog/zaken/{case.reference}/")
    refused = page.locator("table.app-log-table").get_by_role(
        "row", name=re.compile(r"\bcoordinator\b.*geweigerd")
    )
    expect(refused).to_have_count(3)
    axe(page, "access log of the case with refused attempts")
    denied = AccessLog.objects.filter(
        username="coordinator", case_id_ref=case.pk, outcome=AccessLog.Outcome.DENIED
    )
    assert sorted(denied.values_list("action", flat=True)) == [
        AccessLog.Action.PRINT,
        AccessLog.Action.VIEW,
        AccessLog.Action.VIEW,
    ]
