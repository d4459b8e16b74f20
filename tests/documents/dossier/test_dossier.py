"""The procesdossier, read back: what is in the PDF, who may make one, and what is logged."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from cases import services
from cases.models import AccessLog, Event
from tests.factories import access_for

from .conftest import FOREIGN_NOTE, HIDDEN_MELDER, LETTER_TEXT, NAMED_MELDER

pytestmark = pytest.mark.django_db
MODEL_BACKEND = "partners.backends.UserBackend"


def client_for(user) -> Client:
    client = Client()
    client.force_login(user, backend=MODEL_BACKEND)
    return client


def everything(world, *, without=()) -> dict:
    return {
        "reports": [r.pk for r in world.reports.values()],
        "notes": [world.notes["shared"].pk],
        "measures": [world.measure.pk],
        "attachments": [
            a.pk for key, a in world.attachments.items() if key != "foreign" and key not in without
        ],
    }


def make(user, world, data):
    return client_for(user).post(reverse("cases:dossier", args=[world.case.reference]), data)


def read(response) -> tuple[PdfReader, list[str]]:
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    reader = PdfReader(io.BytesIO(response.content))
    return reader, [page.extract_text() for page in reader.pages]


def exports(world) -> int:
    return AccessLog.objects.filter(
        case_id_ref=world.case.pk,
        action=AccessLog.Action.EXPORT,
        outcome=AccessLog.Outcome.ALLOWED,
    ).count()


def test_the_dossier_has_cover_contents_overview_items_and_page_numbers(dossier_world):
    world = dossier_world
    reader, pages = read(make(world.lead, world, everything(world)))
    text = "\n".join(pages)
    assert "Procesdossier" in pages[0] and world.case.reference in pages[0]
    assert "Kastanjelaan 12" in pages[0]
    assert "Inhoudsopgave" in pages[1]
    assert "Chronologisch overzicht" in text
    for heading in ("Meldingen", "Logboek", "Maatregelen", "Bijlagen"):
        assert heading in text
    assert "Huisbezoek: bewoner erkent de overlast." in text
    assert "Geschreeuw en bonken op de muur." in text
    total = len(reader.pages)
    for number, page in enumerate(pages, start=1):
        assert f"pagina {number} van {total}" in page, number


def test_the_cover_lists_the_further_addresses_with_the_address(dossier_world):
    world = dossier_world
    services.move_case_address(
        actor=world.lead,
        access=access_for(world.lead, world.case),
        street="Beukenlaan",
        house_number="7",
        postcode="3011 BD",
        city="Rotterdam",
        moved_on=date(2026, 1, 5),
    )
    _reader, pages = read(make(world.lead, world, everything(world)))
    assert "Beukenlaan 7" in pages[0]  # the current address
    assert "Andere adressen" in pages[0] and "Kastanjelaan 12" in pages[0]


def test_melders_are_numbered_and_named_only_with_consent(dossier_world):
    world = dossier_world
    _reader, pages = read(make(world.lead, world, everything(world)))
    text = "\n".join(pages)
    items = "\n".join(pages[1:])  # the cover explains "melder 1", "melder 2"
    assert HIDDEN_MELDER not in text
    assert HIDDEN_MELDER.split()[1] not in text
    assert "melder 1" in text
    assert "anonieme melder" in text
    assert f"{NAMED_MELDER} (instemming d.d. 3 maart 2026)" in text
    # The named melder takes no number; the hidden one keeps "melder 1" on both meldingen.
    assert "melder 2" not in items


def test_a_partner_that_did_not_receive_the_melding_never_sees_a_name(dossier_world):
    world = dossier_world
    data = everything(world)
    data["attachments"] = []
    _reader, pages = read(make(world.zorg_user, world, data))
    text = "\n".join(pages)
    assert NAMED_MELDER not in text and NAMED_MELDER.split()[1] not in text
    assert HIDDEN_MELDER not in text
    items = "\n".join(pages[1:])
    assert "melder 1" in items and "melder 2" in items


def test_attached_pdf_pages_follow_and_images_are_embedded(dossier_world):
    world = dossier_world
    reader, pages = read(make(world.lead, world, everything(world)))
    # The letter's two pages are the last two pages, after the dossier itself.
    assert LETTER_TEXT in pages[-2]
    assert "Tweede pagina van de brief" in pages[-1]
    start = len(pages) - 1
    contents = pages[1]
    assert "sommatie.pdf" in contents and f"vanaf pagina {start}" in contents
    assert f"bijgevoegd vanaf pagina {start} (2 pagina's)" in "\n".join(pages)
    # WeasyPrint shares one resource dictionary between pages: the same image, once.
    embedded = {image.data: image for page in reader.pages[: start - 1] for image in page.images}
    assert len(embedded) == 1
    (photo,) = embedded.values()
    assert photo.image.size == (120, 80)


def test_damaged_and_unsupported_files_are_named_not_attached(dossier_world):
    world = dossier_world
    _reader, pages = read(make(world.lead, world, everything(world)))
    text = " ".join(" ".join(pages).split())
    assert "niet bijgevoegd: het PDF-bestand is beschadigd of onleesbaar" in text
    assert "niet bijgevoegd: dit bestandstype (DOCX)" in text


def test_a_dossier_is_logged_as_an_export_with_an_event(dossier_world):
    world = dossier_world
    reader, _pages = read(make(world.lead, world, everything(world)))
    row = AccessLog.objects.get(case_id_ref=world.case.pk, action=AccessLog.Action.EXPORT)
    assert row.outcome == AccessLog.Outcome.ALLOWED
    assert row.level == "volledig" and row.user == world.lead
    event = world.case.events.get(kind=Event.Kind.DOSSIER_EXPORTED)
    assert event.data["pages"] == len(reader.pages)
    assert sorted(event.data["reports"]) == sorted(r.pk for r in world.reports.values())
    assert HIDDEN_MELDER.split()[1] not in str(event.data)


def test_a_partner_at_proces_level_cannot_make_a_dossier(dossier_world):
    world = dossier_world
    client = client_for(world.politie_user)
    url = reverse("cases:dossier", args=[world.case.reference])
    page = client.get(url)
    assert page.status_code == 403
    assert "procesniveau" in page.content.decode()
    assert "Geschreeuw" not in page.content.decode()
    refused = client.post(url, everything(world))
    assert refused.status_code == 403
    assert refused["Content-Type"].startswith("text/html")
    assert exports(world) == 0
    assert not world.case.events.filter(kind=Event.Kind.DOSSIER_EXPORTED).exists()


def test_another_organisations_own_note_is_neither_listed_nor_accepted(dossier_world):
    world = dossier_world
    page = client_for(world.lead).get(reverse("cases:dossier", args=[world.case.reference]))
    assert page.status_code == 200
    assert FOREIGN_NOTE not in page.content.decode()
    assert "zorgplan.pdf" not in page.content.decode()
    denied_before = AccessLog.objects.filter(outcome=AccessLog.Outcome.DENIED).count()
    data = everything(world)
    data["notes"] = data["notes"] + [world.notes["foreign"].pk]
    response = make(world.lead, world, data)
    assert response.status_code == 404
    assert exports(world) == 0
    assert not world.case.events.filter(kind=Event.Kind.DOSSIER_EXPORTED).exists()
    denied = AccessLog.objects.filter(outcome=AccessLog.Outcome.DENIED)
    assert denied.count() == denied_before + 1
    assert denied.latest("at").case_id_ref == world.case.pk


def test_another_organisations_own_attachment_is_refused(dossier_world):
    world = dossier_world
    data = everything(world)
    data["attachments"] = [world.attachments["foreign"].pk]
    assert make(world.lead, world, data).status_code == 404
    assert exports(world) == 0


def test_nothing_chosen_is_a_clear_message_and_nothing_is_made(dossier_world):
    world = dossier_world
    response = make(world.lead, world, {})
    assert response.status_code == 200
    assert "Kies ten minste één onderdeel" in response.content.decode()
    assert exports(world) == 0


def test_the_selection_page_lists_the_records_and_warns_about_free_text(dossier_world):
    world = dossier_world
    page = client_for(world.lead).get(reverse("cases:dossier", args=[world.case.reference]))
    html = page.content.decode()
    assert "Vrije tekst" in html
    for kind in ("reports", "notes", "measures", "attachments"):
        assert f'name="{kind}"' in html
    assert "sommatie.pdf" in html
    # The user sees how each melder will be named before making the dossier.
    assert "(in het dossier: melder 1)" in html
    assert f"(in het dossier: {NAMED_MELDER} (instemming d.d. 3 maart 2026))" in html
    assert not AccessLog.objects.filter(action=AccessLog.Action.EXPORT).exists()
