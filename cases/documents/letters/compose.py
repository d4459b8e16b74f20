"""One filled letter, as HTML (the preview and the PDF) and as an editable Word file.

The template's text is filled by `placeholders.fill` from the values below and then treated
as plain text: split into paragraphs and escaped by the page template, never rendered as a
template itself. The Word file has the same letterhead, date and paragraphs as real Word
paragraphs, so the consulent can still edit it before sending.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date

from django.template.loader import render_to_string
from docx import Document
from docx.shared import Pt

from ..rendering import html_to_pdf
from .placeholders import fill

MONTHS = (
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
)


def dutch_date(day: date) -> str:
    """1 december 2026: a letter is Dutch whatever the reader's language."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def term_text(weeks: int | None, days: int | None) -> str:
    if weeks:
        return f"{weeks} {'week' if weeks == 1 else 'weken'}"
    if days:
        return f"{days} {'dag' if days == 1 else 'dagen'}"
    return ""


@dataclass(frozen=True)
class LetterContent:
    """A letter ready to print: every text already filled in."""

    title: str
    subject: str
    letter_date: date
    reference: str
    letterhead: list[str]
    addressee: list[str]
    paragraphs: list[str]
    sender: str
    closing: list[str] = field(default_factory=list)

    @property
    def date_text(self) -> str:
        return dutch_date(self.letter_date)


def letter_values(*, case, person, author, letter_date, term_end=None, term="") -> dict:
    """The value of every invulplek (placeholders.PLACEHOLDERS) for one letter."""
    return {
        "zaak.kenmerk": case.reference,
        "zaak.adres": case.address,
        "betrokkene.naam": person.full_name,
        # Persons have no address of their own in the register: a letter goes to the home.
        "betrokkene.adres": case.address,
        "brief.datum": dutch_date(letter_date),
        "termijn.duur": term,
        "termijn.einddatum": dutch_date(term_end) if term_end else "",
        "afzender.naam": author.get_full_name() or author.get_username(),
        "afzender.email": author.email,
        "organisatie.naam": author.organisation.name,
    }


def compose(*, template, letterhead, values: dict, case, person, letter_date) -> LetterContent:
    body = fill(template.body, values).replace("\r\n", "\n")
    paragraphs = [part.strip() for part in body.split("\n\n") if part.strip()]
    organisation = template.organisation
    return LetterContent(
        title=template.name,
        subject=fill(template.subject, values),
        letter_date=letter_date,
        reference=case.reference,
        letterhead=letterhead.lines if letterhead else [organisation.name],
        addressee=[
            person.full_name,
            f"{case.street} {case.house_number}",
            f"{case.postcode} {case.city}",
        ],
        paragraphs=paragraphs,
        sender=values["afzender.naam"],
        closing=[line for line in (letterhead.closing if letterhead else "").splitlines() if line]
        or [organisation.name],
    )


def to_html(content: LetterContent) -> str:
    return render_to_string("documents/letters/letter.html", {"letter": content})


def to_pdf(content: LetterContent) -> bytes:
    pdf, _pages = html_to_pdf(to_html(content))
    return pdf


def to_docx(content: LetterContent) -> bytes:
    document = Document()
    style = document.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(10.5)
    document.core_properties.title = content.title
    document.core_properties.author = content.sender
    for line in content.letterhead:
        run = document.add_paragraph().add_run(line)
        run.bold = line == content.letterhead[0]
    document.add_paragraph()
    for line in content.addressee:
        document.add_paragraph(line)
    document.add_paragraph()
    document.add_paragraph(f"Datum: {content.date_text}")
    document.add_paragraph(f"Ons kenmerk: {content.reference}")
    document.add_paragraph().add_run(f"Onderwerp: {content.subject}").bold = True
    document.add_paragraph()
    for text in content.paragraphs:
        paragraph = document.add_paragraph()
        lines = text.split("\n")
        for index, line in enumerate(lines):
            run = paragraph.add_run(line)
            if index < len(lines) - 1:
                run.add_break()
    document.add_paragraph()
    document.add_paragraph(content.sender)
    for line in content.closing:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
