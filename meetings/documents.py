"""Making and storing the PDFs of a meeting (called by the Celery task)."""

from __future__ import annotations

import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from . import pdf
from .models import MeetingDocument

logger = logging.getLogger(__name__)


def generate(document_id: int) -> str:
    with transaction.atomic():
        document = (
            MeetingDocument.objects.select_for_update(of=("self",))
            .order_by()
            .filter(pk=document_id, status__in=[MeetingDocument.Status.PENDING])
            .first()
        )
        if document is None:  # replaced by a newer request, or already made
            return "skipped"
        document.status = MeetingDocument.Status.RUNNING
        document.save(update_fields=["status"])
    document = MeetingDocument.objects.select_related(
        "meeting__series__organisation", "organisation", "requested_by"
    ).get(pk=document_id)
    try:
        content, case_ids, pages = pdf.render_pdf(document)
    except Exception:
        logger.exception("PDF %s mislukt", document_id)
        mark_failed(document_id, "Het maken van de PDF is mislukt.")
        return "failed"
    name = f"{document.kind}-{document.meeting_id}-{document.organisation_id or 'voorzitter'}.pdf"
    with transaction.atomic():
        locked = (
            MeetingDocument.objects.select_for_update(of=("self",))
            .order_by()
            .filter(pk=document_id)
            .first()
        )
        if locked is None:
            return "skipped"
        locked.file.save(name, ContentFile(content), save=False)
        locked.case_ids = case_ids
        locked.pages = pages
        locked.status = MeetingDocument.Status.READY
        locked.finished_at = timezone.now()
        locked.save()
    return "ready"


def mark_failed(document_id: int, message: str) -> None:
    MeetingDocument.objects.filter(pk=document_id).update(
        status=MeetingDocument.Status.FAILED, error=message[:300], finished_at=timezone.now()
    )
