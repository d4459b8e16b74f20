"""A corporatie with the example letters, a case with a veroorzaker, and helpers to read
back what was made (PDF through pypdf, Word through python-docx)."""

from __future__ import annotations

import io
from datetime import date

import pytest
from docx import Document
from pypdf import PdfReader

from cases.documents.letters.models import LetterTemplate
from cases.documents.letters.seed import seed_letter_templates
from cases.documents.letters.services import make_letter
from tests.factories import access_for, add_person, make_case

ADDRESS = "Lijsterbesstraat 41, 3011 AB Rivierstad"


@pytest.fixture
def templates(corporatie, partner_org):
    seed_letter_templates([corporatie, partner_org])
    return {
        t.name.split(" (")[0]: t for t in LetterTemplate.objects.filter(organisation=corporatie)
    }


@pytest.fixture
def case(consulent):
    return make_case(
        consulent,
        street="Lijsterbesstraat",
        house_number="41",
        postcode="3011 AB",
        city="Rivierstad",
    )


@pytest.fixture
def resident(consulent, case):
    return add_person(consulent, case, first_name="Henk", last_name="de Vries").person


def pdf_text(attachment) -> str:
    with attachment.file.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    return "\n".join(page.extract_text() for page in reader.pages)


def docx_text(attachment) -> str:
    with attachment.file.open("rb") as handle:
        document = Document(io.BytesIO(handle.read()))
    return "\n".join(paragraph.text for paragraph in document.paragraphs)


def make(user, case, template, person, letter_date=date(2026, 12, 1), **extra):
    return make_letter(
        actor=user,
        access=access_for(user, case),
        template=template,
        addressee=person,
        letter_date=letter_date,
        **extra,
    )
