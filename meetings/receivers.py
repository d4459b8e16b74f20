"""How the casusoverleg follows the case register: its PDFs go when their sources go.

Connected in MeetingsConfig.ready(). The case register does not know this app; it announces
(cases.signals.access_reduced) or simply writes (a DestructionRecord, a deleted Case), and
the receivers here withdraw, remake or delete the documents made from that case.
"""

from __future__ import annotations

from django.db.models.signals import post_save, pre_delete
from django.dispatch import receiver

from cases.models import Case, DestructionRecord, RetentionCategory
from cases.signals import access_reduced

from . import services


@receiver(access_reduced, dispatch_uid="meetings.withdraw_stale_documents")
def withdraw_stale_documents(sender, *, case_id, **kwargs):
    services.withdraw_stale_documents(case_id=case_id)


@receiver(pre_delete, sender=Case, dispatch_uid="meetings.remove_documents_of_case")
def remove_documents_of_case(sender, instance, **kwargs):
    """In the transaction that destroys the case: its documents go with it."""
    services.remove_documents_of_case(case_id=instance.pk)


@receiver(post_save, sender=DestructionRecord, dispatch_uid="meetings.remake_documents")
def remake_documents(sender, instance, created, **kwargs):
    """Retention removed free text, attachments or persons: documents made from the case
    are made again without them (a destroyed case has no documents left by now)."""
    # A partner's own contributions destroyed (organisation_id_ref set) leave the case.
    if created and (
        instance.category != RetentionCategory.CASE or instance.organisation_id_ref is not None
    ):
        services.remake_documents_of_case(case_id=instance.case_id_ref)
