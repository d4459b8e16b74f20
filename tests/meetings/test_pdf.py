"""The agenda and verslag PDFs, rendered for real and read back with pypdf."""

import io

import pytest
from pypdf import PdfReader

from meetings import documents, services
from meetings.models import MeetingDocument

from .conftest import request_and_accept

pytestmark = pytest.mark.django_db(transaction=False)


def _text(document: MeetingDocument) -> str:
    document.refresh_from_db()
    assert document.status == MeetingDocument.Status.READY, document.error
    with document.file.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    return "\n".join(page.extract_text() for page in reader.pages), reader


def _agenda(overleg, django_capture_on_commit_callbacks):
    for case in (overleg.case_all, overleg.case_police, overleg.case_private):
        request_and_accept(overleg, case)
    # The Celery task runs after the commit; here it is called in-process.
    made = services.send_agenda(actor=overleg.coordinator, meeting=overleg.meeting)
    for document in made:
        assert documents.generate(document.pk) == "ready"
    return {doc.organisation_id: doc for doc in made}


def test_each_organisation_gets_only_its_cases_at_its_level(
    overleg, django_capture_on_commit_callbacks
):
    docs = _agenda(overleg, django_capture_on_commit_callbacks)

    politie, reader = _text(docs[overleg.politie.pk])
    assert overleg.case_all.reference in politie
    assert overleg.case_police.reference in politie
    assert overleg.case_private.reference not in politie
    # Process level: no address, summary or persons; never the melder.
    for secret in (
        "Havenkade",
        "Kerkstraat",
        "Geluidsoverlast in de nacht",
        "Veroorzaakster",
        "Overlastig",
        "Meldster",
        "Bewaarder",
    ):
        assert secret not in politie, secret
    assert "Wie neemt de regie op zorg?" in politie
    assert "VERTROUWELIJK" in politie
    assert "Politie Basisteam" in politie
    assert "Afgedrukt door Ingrid Bakker" in politie
    assert f"pagina 1 van {len(reader.pages)}" in politie

    ggd, _reader = _text(docs[overleg.ggd.pk])
    assert overleg.case_all.reference in ggd
    assert overleg.case_police.reference not in ggd
    assert overleg.case_private.reference not in ggd
    assert "Havenkade" in ggd
    assert "Vera Veroorzaakster" in ggd
    assert "Meldster" not in ggd  # full access, still never a melder on an agenda

    # The lead corporatie sees all its cases in full, but not the melder either.
    linde, _reader = _text(docs[overleg.corporatie.pk])
    assert "Molenweg" not in linde  # the gemeente (maker) sees this case at process level only
    assert overleg.case_private.reference in linde
    assert "Havenkade" in linde
    assert "Meldster" not in linde

    chair, _reader = _text(docs[None])
    for case in (overleg.case_all, overleg.case_police, overleg.case_private):
        assert case.reference in chair
    assert "Bewaarder" not in chair
    assert "Meldster" not in chair


def test_pdf_is_a4_tagged_with_embedded_fonts_and_dutch_dates(
    overleg, django_capture_on_commit_callbacks
):
    docs = _agenda(overleg, django_capture_on_commit_callbacks)
    text, reader = _text(docs[overleg.politie.pk])
    page = reader.pages[0]
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    assert (round(width), round(height)) == (595, 842)
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    fonts = page["/Resources"]["/Font"]
    for ref in fonts.values():
        descriptor = ref.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        assert "/FontFile2" in descriptor or "/FontFile3" in descriptor
    month = overleg.meeting.starts_at.strftime("%m")
    dutch = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ][int(month) - 1]
    assert dutch in text


def test_minutes_show_notes_only_in_full_and_decision_kinds_to_process(
    overleg, django_capture_on_commit_callbacks
):
    item = request_and_accept(overleg, overleg.case_all)
    services.record_outcome(
        actor=overleg.coordinator,
        item=item,
        minutes="Vera Veroorzaakster weigert hulp; huisarts ongerust.",
        agreements="Als zij meewerkt, geen sommatie.",
        next_review_on=None,
        betrokkene_informed=False,
        not_informed_reason="Gesprek volgt na huisbezoek.",
    )
    services.record_item_decision(
        actor=overleg.coordinator, item=item, kind="escaleren", text="Opschalen naar drang."
    )
    overleg.meeting.starts_at = overleg.meeting.starts_at.replace(year=2020)
    overleg.meeting.save()
    services.mark_held(actor=overleg.coordinator, meeting=overleg.meeting)
    made = services.request_documents(
        actor=overleg.coordinator, meeting=overleg.meeting, kind=MeetingDocument.Kind.MINUTES
    )
    for document in made:
        documents.generate(document.pk)
    by_org = {doc.organisation_id: doc for doc in made}
    politie, _reader = _text(by_org[overleg.politie.pk])
    assert "Verslag" in politie
    assert "Opschalen" in politie  # the kind of decision
    assert "Opschalen naar drang." not in politie
    assert "weigert hulp" not in politie
    assert "Gesprek volgt" not in politie
    ggd, _reader = _text(by_org[overleg.ggd.pk])
    assert "weigert hulp" in ggd
    assert "Opschalen naar drang." in ggd
