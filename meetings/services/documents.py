"""Writes that keep the generated PDFs true to their sources (ADR 0014).

A document records the cases it was made from and the level each was cut for. When that no
longer holds it is taken out of circulation here and a replacement is made for the levels of
now, by the same Celery task that made the first one:

- a share revoked or lowered (cases.signals.access_reduced, after the commit): documents
  that could not be made like that any more are *withdrawn*: the file is deleted, the row and
  its sources stay, so a download of the old link is refused and logged per case;
- retention removing data from a case (a DestructionRecord): documents made from it are
  withdrawn and made again, without what was removed;
- retention destroying a case (before the delete, in its transaction): documents made from
  it are deleted outright, tombstones included, since nothing of the case may remain.

These run for no user (a sweep or a receiver), so they take no actor and check no permission:
they only ever take documents away.
"""

from __future__ import annotations

from django.db import transaction

from meetings import selectors
from meetings.models import MeetingDocument, MeetingDocumentSource


def _storage():
    return MeetingDocument._meta.get_field("file").storage


def _delete_files_on_commit(names: list[str]) -> None:
    names = [name for name in names if name]
    if names:
        storage = _storage()
        transaction.on_commit(lambda: [storage.delete(name) for name in names])


def _replace(documents: list[MeetingDocument]) -> list[MeetingDocument]:
    """A new pending document for each ready one, made after the commit for today's levels."""
    made = [
        MeetingDocument.objects.create(
            meeting_id=document.meeting_id,
            kind=document.kind,
            organisation_id=document.organisation_id,
            requested_by_id=document.requested_by_id,
        )
        for document in documents
        if document.status == MeetingDocument.Status.READY
    ]
    from meetings.tasks import generate_document

    ids = [document.pk for document in made]
    if ids:
        transaction.on_commit(lambda: [generate_document.delay(pk) for pk in ids])
    return made


def _withdraw(documents: list[MeetingDocument]) -> list[MeetingDocument]:
    """Take documents out of circulation; the rows and their sources stay as tombstones."""
    replacements = _replace(documents)
    _delete_files_on_commit([document.file.name for document in documents])
    for document in documents:
        document.status = MeetingDocument.Status.WITHDRAWN
        document.file = ""
        document.save(update_fields=["status", "file"])
    return replacements


def _made_from(case_id: int):
    """Documents with this case among their sources, locked (no DISTINCT: FOR UPDATE)."""
    made_from = MeetingDocumentSource.objects.filter(case_id=case_id).values("document_id")
    return (
        MeetingDocument.objects.select_for_update(of=("self",))
        .filter(pk__in=made_from)
        .select_related("requested_by")
        .order_by("pk")
    )


def _ready_made_from(case_id: int):
    return _made_from(case_id).filter(status=MeetingDocument.Status.READY)


@transaction.atomic
def withdraw_stale_documents(*, case_id: int) -> int:
    """Withdraw the ready documents made from this case that could not be made so now."""
    stale = [
        document for document in _ready_made_from(case_id) if selectors.stale_sources(document)
    ]
    _withdraw(stale)
    return len(stale)


@transaction.atomic
def withdraw_document(*, document: MeetingDocument) -> MeetingDocument | None:
    """Withdraw one document found stale at its download; its replacement, if one is made."""
    locked = (
        MeetingDocument.objects.select_for_update(of=("self",))
        .filter(pk=document.pk, status=MeetingDocument.Status.READY)
        .first()
    )
    if locked is None:
        return None
    made = _withdraw([locked])
    return made[0] if made else None


@transaction.atomic
def remake_documents_of_case(*, case_id: int) -> int:
    """Retention removed data from this case: withdraw what was made from it, make it again."""
    documents = list(_ready_made_from(case_id))
    _withdraw(documents)
    return len(documents)


@transaction.atomic
def remove_documents_of_case(*, case_id: int) -> int:
    """The case is being destroyed: delete every document made from it (any status)."""
    documents = list(_made_from(case_id))
    _replace(documents)
    _delete_files_on_commit([document.file.name for document in documents])
    MeetingDocument.objects.filter(pk__in=[document.pk for document in documents]).delete()
    return len(documents)
