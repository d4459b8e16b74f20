"""A case with what a kantonrechter asks for: meldingen of two melders (one agreed to be
named), logboek, a maatregel and bijlagen (a PDF letter, a photo, a damaged PDF, a Word
file), shared with a partner at volledig and one at proces."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from cases import services
from cases.documents.rendering import html_to_pdf
from cases.models.choices import AccessLevel, Visibility
from partners.models import Instrument, OrganisationKind
from tests.factories import (
    OrganisationFactory,
    UserFactory,
    access_for,
    add_note,
    add_report,
    make_case,
    share,
)

NAMED_MELDER = "Dorien Vriesema"  # consented on 3 March 2026
HIDDEN_MELDER = "Jozef Jansma"  # never consented
LETTER_TEXT = "Sommatiebrief bijlagetekst"
FOREIGN_NOTE = "Zorgnotitie alleen voor de zorgaanbieder"
# The smallest thing filetype reads as a Word file (a zip with a docx part name).
DOCX = b"PK\x03\x04" + b"\x00" * 26 + b"word/document.xml" + b"\x00" * 64


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (120, 80), (200, 30, 30)).save(out, format="PNG")
    return out.getvalue()


@dataclass
class DossierWorld:
    case: object
    lead: object
    zorg_user: object
    politie_user: object
    reports: dict
    notes: dict
    measure: object
    attachments: dict


def _upload(user, case, name, content, content_type, visibility=Visibility.PARTICIPANTS):
    return services.add_attachment(
        actor=user,
        access=access_for(user, case),
        upload=SimpleUploadedFile(name, content),
        content_type=content_type,
        visibility=visibility,
        description=f"Omschrijving {name}",
    )


@pytest.fixture
def dossier_world(consulent) -> DossierWorld:
    case = make_case(consulent, street="Kastanjelaan", house_number="12", postcode="3011 BC")
    zorg = OrganisationFactory(name="Zorggroep Rivier", kind=OrganisationKind.ZORG)
    politie = OrganisationFactory(name="Politie Rivierstad", kind=OrganisationKind.POLITIE)
    share(case, zorg, AccessLevel.VOLLEDIG, consulent)
    share(case, politie, AccessLevel.PROCES, consulent)
    zorg_user = UserFactory(organisation=zorg)
    politie_user = UserFactory(organisation=politie)
    now = timezone.now()
    hidden_first, hidden_last = HIDDEN_MELDER.split()
    named_first, named_last = NAMED_MELDER.split()
    reports = {
        "hidden": add_report(
            consulent,
            case,
            received_at=now - timedelta(days=30),
            description="Geschreeuw en bonken op de muur.",
            new_melder={"first_name": hidden_first, "last_name": hidden_last},
        ),
        "named": add_report(
            consulent,
            case,
            received_at=now - timedelta(days=20),
            description="Harde muziek tot vier uur.",
            new_melder={"first_name": named_first, "last_name": named_last},
            melder_consents_to_be_named=True,
            melder_consent_on=date(2026, 3, 3),
        ),
        "anonymous": add_report(
            consulent,
            case,
            received_at=now - timedelta(days=10),
            description="Anoniem: glasgerinkel in het trappenhuis.",
            melder_anonymous=True,
        ),
    }
    reports["hidden_again"] = add_report(
        consulent,
        case,
        received_at=now - timedelta(days=5),
        description="Opnieuw geschreeuw.",
        melder=reports["hidden"].melder,
    )
    notes = {
        "shared": add_note(
            consulent,
            case,
            text="Huisbezoek: bewoner erkent de overlast.",
            visibility=Visibility.PARTICIPANTS,
        ),
        "foreign": add_note(zorg_user, case, text=FOREIGN_NOTE),
    }
    measure = services.add_measure(
        actor=consulent,
        access=access_for(consulent, case),
        instrument=Instrument.objects.filter(active=True).order_by("name").first(),
        owner_organisation=consulent.organisation,
        start_date=timezone.localdate() - timedelta(days=15),
    )
    letter, _pages = html_to_pdf(
        f"<html lang='nl'><head><title>Brief</title></head><body><p>{LETTER_TEXT}</p>"
        "<p style='break-before: page'>Tweede pagina van de brief</p></body></html>"
    )
    attachments = {
        "letter": _upload(consulent, case, "sommatie.pdf", letter, "application/pdf"),
        "photo": _upload(consulent, case, "foto.png", png_bytes(), "image/png"),
        "damaged": _upload(
            consulent, case, "kapot.pdf", b"%PDF-1.4\nniet meer dan dit", "application/pdf"
        ),
        "word": _upload(
            consulent,
            case,
            "verslag.docx",
            DOCX,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        "foreign": _upload(
            zorg_user, case, "zorgplan.pdf", letter, "application/pdf", Visibility.OWN_ORGANISATION
        ),
    }
    return DossierWorld(
        case, consulent, zorg_user, politie_user, reports, notes, measure, attachments
    )
