"""Readable case references, WO-<year>-<5 digits>, sequential per year."""

from django.db import transaction

from .models import CaseReferenceCounter


def next_case_reference(year: int) -> str:
    """Take the next number for `year`. Must run inside the transaction that creates the case.

    The counter row is locked with SELECT … FOR UPDATE, so concurrent creations queue behind
    each other and a rolled-back creation gives its number back.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("next_case_reference must run inside a transaction")
    # Make sure the row exists without racing on its creation, then lock it.
    CaseReferenceCounter.objects.bulk_create(
        [CaseReferenceCounter(year=year, last_number=0)], ignore_conflicts=True
    )
    counter = CaseReferenceCounter.objects.select_for_update().get(year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return f"WO-{year}-{counter.last_number:05d}"
