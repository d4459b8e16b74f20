"""Making and storing the PDFs of a meeting (called by the Celery task).

A finished document records its sources (case and level, ADR 0014) in the transaction that
marks it ready. Rendering takes a while; if a share was revoked or lowered meanwhile, the
sources no longer hold at that moment and the document is rendered again for the levels of
now, so no document becomes ready with more than may be shown.
"""

from __future__ import annotations

import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from . import pdf, selectors
from .models import MeetingDocument, MeetingDocumentSource

logger = logging.getLogger(__name__)

ATTEMPTS = 3


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
    for _attempt in range(ATTEMPTS):
        document = MeetingDocument.objects.select_related(
            "meeting__series__organisation", "organisation", "requested_by"
        ).get(pk=document_id)
        try:
            content, sources, pages = pdf.render_pdf(document)
        except Exception:
            logger.exception("PDF %s mislukt", document_id)
            mark_failed(document_id, "Het maken van de PDF is mislukt.")
            return "failed"
        outcome = _store(document, content, sources, pages)
        if outcome != "stale":
            return outcome
    mark_failed(document_id, "De toegang tot de zaken veranderde steeds tijdens het maken.")
    return "failed"


def _store(document: MeetingDocument, content: bytes, sources: dict[int, str], pages: int) -> str:
    name = f"{document.kind}-{document.meeting_id}-{document.organisation_id or 'voorzitter'}.pdf"
    with transaction.atomic():
        locked = (
            MeetingDocument.objects.select_for_update(of=("self",))
            .order_by()
            .filter(pk=document.pk, status=MeetingDocument.Status.RUNNING)
            .select_related("requested_by")
            .first()
        )
        if locked is None:  # replaced or withdrawn while it was being made
            return "skipped"
        MeetingDocumentSource.objects.bulk_create(
            MeetingDocumentSource(document=locked, case_id=case_id, level=level)
            for case_id, level in sorted(sources.items())
        )
        if selectors.stale_sources(locked):
            transaction.set_rollback(True)
            return "stale"
        locked.file.save(name, ContentFile(content), save=False)
        locked.pages = pages
        locked.status = MeetingDocument.Status.READY
        locked.finished_at = timezone.now()
        locked.save()
    return "ready"


def mark_failed(document_id: int, message: str) -> None:
    MeetingDocument.objects.filter(pk=document_id).update(
        status=MeetingDocument.Status.FAILED, error=message[:300], finished_at=timezone.now()
    )
