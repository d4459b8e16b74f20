"""The PDFs of a meeting: progress (polled by htmx) and the logged download.

A download re-checks what the document was made from (ADR 0014): the reader's organisation,
and the organisation the copy is for, must still have at least the recorded level on every
case in it. If not, or if the document was withdrawn, the answer is 404 with a denied row per
case in the access log; a stale document found here is withdrawn and made again.
"""

from django.http import FileResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from cases.models import AccessLog
from woonoverlast.refusals import Refusal

from .. import selectors, services
from ..models import MeetingDocument
from .common import log_cases, log_refused, meeting_for
from .planning import documents_context


@require_GET
def document_status(request, meeting_id):
    meeting, _refusal = meeting_for(request, meeting_id)
    coordinating = selectors.may_coordinate(request.user, meeting.series)
    return render(
        request,
        "meetings/partials/documents.html",
        {
            "meeting": meeting,
            **documents_context(request.user, meeting, coordinating),
            "coordinating": coordinating,
        },
    )


def _resource(document: MeetingDocument, meeting) -> str:
    recipient = document.organisation.name if document.organisation else "voorzitter"
    return f"{document.get_kind_display()} {meeting} voor {recipient}"[:200]


@require_GET
def document_download(request, meeting_id, document_id):
    """Recipients download their own organisation's copy; the coordinator every copy."""
    meeting, _refusal = meeting_for(request, meeting_id)
    coordinating = selectors.may_coordinate(request.user, meeting.series)
    document = (
        meeting.documents.select_related("organisation", "requested_by")
        .filter(
            pk=document_id,
            status__in=[MeetingDocument.Status.READY, MeetingDocument.Status.WITHDRAWN],
        )
        .first()
    )
    if document is None or not (
        coordinating or document.organisation_id == request.user.organisation_id
    ):
        raise Refusal.not_found("Document niet gevonden")
    resource = _resource(document, meeting)
    refused = selectors.document_refusals(request.user, document)
    if document.status == MeetingDocument.Status.WITHDRAWN or refused:
        if document.status == MeetingDocument.Status.READY and selectors.stale_sources(document):
            services.withdraw_document(document=document)
        sources = refused or list(document.sources.select_related("case"))
        reader = selectors.levels_for_user(request.user, [source.case for source in sources])
        log_refused(
            request,
            [source.case for source in sources],
            action=AccessLog.Action.PRINT,
            resource=resource,
            levels=reader,
        )
        raise Refusal.not_found("Document niet gevonden")
    log_cases(
        request,
        [(source.case, source.level) for source in document.sources.select_related("case")],
        action=AccessLog.Action.PRINT,
        resource=resource,
    )
    recipient = document.organisation.name if document.organisation else "voorzitter"
    filename = f"{document.kind}-{meeting.starts_at:%Y-%m-%d}-{recipient}.pdf".replace(" ", "-")
    response = FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=filename,
        content_type="application/pdf",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
