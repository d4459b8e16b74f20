"""The agenda and verslag of a casusoverleg as PDF, per participating organisation.

Each document shows every case at the lower of the recipient's and the maker's level
(selectors.levels_for_document): only cases the recipient participates in, address,
summary, betrokkenen and notulen only at `volledig`, and never a melder. Rendering also
says which cases at which level went in, which the document records as its sources.
"""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone, translation

from cases.documents.rendering import html_to_pdf

from . import selectors
from .models import MeetingDocument


def document_context(document: MeetingDocument, *, printed_at=None) -> dict:
    meeting = document.meeting
    maker = document.requested_by
    items = selectors.AgendaItem.objects.filter(
        meeting__series=meeting.series, meeting__starts_at__lte=meeting.starts_at
    ).select_related("case")
    cases = {item.case.pk: item.case for item in items}  # this agenda's and earlier ones'
    levels = selectors.levels_for_document(cases.values(), document.organisation_id, maker)
    entries = selectors.agenda_entries(meeting, levels)
    return {
        "document": document,
        "meeting": meeting,
        "series": meeting.series,
        "recipient": document.organisation,
        "maker": maker,
        "printed_at": timezone.localtime(printed_at or timezone.now()),
        "entries": entries,
        "carried": selectors.carried_actions(meeting, levels),
        "is_minutes": document.kind == MeetingDocument.Kind.MINUTES,
        "levels": levels,
    }


def render_html(document: MeetingDocument, **kwargs) -> tuple[str, dict[int, str]]:
    """(HTML, {case id: level} of every case the document shows, at the level it is cut for)."""
    with translation.override("nl"):
        context = document_context(document, **kwargs)
        html = render_to_string("meetings/pdf/document.html", context)
    sources = {entry.case.pk: entry.level for entry in context["entries"]}
    for action in context["carried"]:
        sources.setdefault(action.case_id, context["levels"][action.case_id])
    return html, sources


def render_pdf(document: MeetingDocument, **kwargs) -> tuple[bytes, dict[int, str], int]:
    """(PDF bytes, {case id: level} of the cases in it, number of pages)."""
    html, sources = render_html(document, **kwargs)
    pdf, pages = html_to_pdf(html)
    return pdf, sources, pages
