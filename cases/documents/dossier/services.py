"""Making a procesdossier: the PDF, its access-log row and its Event on the case.

The dossier is made on request and handed over as a download; it is not stored (ADR 0024).
A stored copy would outlive what it was cut from (a share revoked, a melder's consent
withdrawn, a case destroyed by retention) and would need the re-check on download of
ADR 0014; a copy made now is cut for the levels of now. The access log records what it was
made from: the case, the level, and the records by kind and id in the Event.

Rendering takes a few seconds for a large dossier (WeasyPrint, twice; see `pdf`). That is
done in the request for now: the user waits for the download as for the agenda PDFs.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cases.access import CaseAccess, log_access
from cases.models import AccessLog, Event
from cases.services.common import record_event

from . import appendices, selectors
from .content import build_content
from .pdf import render_dossier

PURPOSE = "procesdossier voor de kantonrechter"


@dataclass(frozen=True)
class Dossier:
    filename: str
    pdf: bytes
    pages: int


def _parts(content) -> list[dict]:
    return [
        {
            "anchor": "meldingen",
            "title": _("Meldingen"),
            "entries": content.reports,
            "template": "documents/dossier/report.html",
        },
        {
            "anchor": "logboek",
            "title": _("Logboek"),
            "entries": content.notes,
            "template": "documents/dossier/note.html",
        },
        {
            "anchor": "maatregelen",
            "title": _("Maatregelen"),
            "entries": content.measures,
            "template": "documents/dossier/measure.html",
        },
        {
            "anchor": "bijlagen",
            "title": _("Bijlagen"),
            "entries": content.attachments,
            "template": "documents/dossier/attachment.html",
        },
    ]


def _counts(content) -> list[str]:
    """ "4 meldingen, 1 logboekregel, …" for the cover."""
    reports, notes = len(content.reports), len(content.notes)
    measures, attachments = len(content.measures), len(content.attachments)
    return [
        ngettext("%(n)s melding", "%(n)s meldingen", reports) % {"n": reports},
        ngettext("%(n)s logboekregel", "%(n)s logboekregels", notes) % {"n": notes},
        ngettext("%(n)s maatregel", "%(n)s maatregelen", measures) % {"n": measures},
        ngettext("%(n)s bijlage", "%(n)s bijlagen", attachments) % {"n": attachments},
    ]


def generate_dossier(*, request, case_access: CaseAccess, chosen: dict[str, list[int]]) -> Dossier:
    """The procesdossier of the chosen records, made for `request.user` and logged.

    Refused (nothing made, nothing logged as an export) when the reader may not make one or
    a chosen record is not one the reader may see.
    """
    selection = selectors.selected_records(case_access, chosen)
    prepared = {a.pk: appendices.prepare(a) for a in selection.attachments}
    content = build_content(case_access, selection, prepared)
    made_at = timezone.localtime()
    context = {
        "case": case_access.case,
        # Only a reader at volledig makes a dossier; the door cuts them all the same.
        "further_addresses": list(case_access.further_addresses()),
        "maker": request.user,
        "made_at": made_at,
        "content": content,
        "parts": _parts(content),
        "counts": _counts(content),
        "appended": content.appended,
    }
    pdf, pages = render_dossier(context, content.appended)
    with transaction.atomic():
        log_access(
            request,
            action=AccessLog.Action.EXPORT,
            outcome=AccessLog.Outcome.ALLOWED,
            case=case_access.case,
            resource=f"procesdossier ({pages} pagina's)",
            purpose=PURPOSE,
            level=case_access.level,
        )
        # Identifiers only: the Event outlives the records (and names no melder).
        record_event(
            case_access.case,
            Event.Kind.DOSSIER_EXPORTED,
            request.user,
            level=case_access.level,
            pages=pages,
            **selection.ids(),
        )
    return Dossier(
        filename=f"procesdossier-{case_access.case.reference}-{made_at:%Y%m%d}.pdf",
        pdf=pdf,
        pages=pages,
    )
