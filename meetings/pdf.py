"""The agenda and verslag of a casusoverleg as PDF, per participating organisation.

Each document shows every case at the lower of the recipient's and the maker's level
(selectors.levels_for_document): only cases the recipient participates in, address,
summary, betrokkenen and notulen only at `volledig`, and never a melder.
"""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone, translation
from weasyprint import HTML

from cases import access as case_access
from cases.models import Case

from . import selectors
from .models import MeetingDocument

PDF_OPTIONS = {"pdf_variant": "pdf/ua-1", "uncompressed_pdf": False}


def _levels(cases, organisation, maker) -> dict[int, str]:
    own = case_access.organisation_levels(maker.organisation_id, cases)
    if organisation is None:
        return own
    theirs = case_access.organisation_levels(organisation.pk, cases)
    levels = {}
    for case in cases:
        level = case_access.lowest_level(own.get(case.pk), theirs.get(case.pk))
        if level is not None:
            levels[case.pk] = level
    return levels


def document_context(document: MeetingDocument, *, printed_at=None) -> dict:
    meeting = document.meeting
    maker = document.requested_by
    item_cases = list(Case.objects.filter(pk__in=meeting.items.values("case_id")))
    carried_cases = list(
        Case.objects.filter(
            pk__in=selectors.AgendaItem.objects.filter(
                meeting__series=meeting.series, meeting__starts_at__lt=meeting.starts_at
            ).values("case_id")
        )
    )
    levels = _levels(list({*item_cases, *carried_cases}), document.organisation, maker)
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
    }


def render_html(document: MeetingDocument, **kwargs) -> tuple[str, list[int]]:
    with translation.override("nl"):
        context = document_context(document, **kwargs)
        html = render_to_string("meetings/pdf/document.html", context)
    case_ids = [entry.case.pk for entry in context["entries"]]
    case_ids += [action.case_id for action in context["carried"]]
    return html, sorted(set(case_ids))


def render_pdf(document: MeetingDocument, **kwargs) -> tuple[bytes, list[int], int]:
    """(PDF bytes, ids of the cases in it, number of pages)."""
    html, case_ids = render_html(document, **kwargs)
    rendered = HTML(string=html).render()
    pdf = rendered.write_pdf(**PDF_OPTIONS)
    return pdf, case_ids, len(rendered.pages)
