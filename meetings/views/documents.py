"""The PDFs of a meeting: progress (polled by htmx) and the logged download."""

from django.http import FileResponse, Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from cases.models import AccessLog

from .. import selectors
from ..models import MeetingDocument
from .common import log_cases, meeting_for
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


@require_GET
def document_download(request, meeting_id, document_id):
    """Recipients download their own organisation's copy; the coordinator every copy."""
    meeting, _refusal = meeting_for(request, meeting_id)
    coordinating = selectors.may_coordinate(request.user, meeting.series)
    document = meeting.documents.filter(pk=document_id, status=MeetingDocument.Status.READY).first()
    if document is None or not (
        coordinating or document.organisation_id == request.user.organisation_id
    ):
        raise Http404("Document niet gevonden")
    recipient = document.organisation.name if document.organisation else "voorzitter"
    log_cases(
        request,
        document.case_ids,
        action=AccessLog.Action.PRINT,
        resource=f"{document.get_kind_display()} {meeting} voor {recipient}"[:200],
    )
    filename = f"{document.kind}-{meeting.starts_at:%Y-%m-%d}-{recipient}.pdf".replace(" ", "-")
    response = FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=filename,
        content_type="application/pdf",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
