"""Which fields of a case each level shows, for readers that send a case as data (the
partner API, cases/api/): the same levels as the lists and the case page header
(`listing.FIELD_LEVELS`), plus the fields only the case page shows.

A serializer asks `shown_case_fields(level)` and leaves every other field empty; it never
decides a level itself.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Exists, OuterRef, Q, QuerySet

from ..models import Case, CaseAddress
from ..models.choices import AccessLevel
from .levels import at_least
from .listing import FIELD_LEVELS

CASE_FIELD_LEVELS: dict[str, str] = {
    **FIELD_LEVELS,
    "house_number": AccessLevel.VOLLEDIG,
    "summary": AccessLevel.VOLLEDIG,
    # When a case last changed is process information: a partner at `bestaan` knows that
    # the case exists, not when someone worked on it.
    "updated_at": AccessLevel.PROCES,
}


def shown_case_fields(level: str | None) -> frozenset[str]:
    """The fields of a case a reader at `level` may see (None: none)."""
    return frozenset(
        field for field, minimum in CASE_FIELD_LEVELS.items() if at_least(level, minimum)
    )


def changed_since_q(since) -> Q:
    """For a queryset from `with_access_level`: cases changed at or after `since`, among
    those whose change time the reader's level shows (a hidden time never matches)."""
    return Q(updated_at__gte=since, sees_process=True)


def with_further_address_flag(cases: QuerySet[Case]) -> QuerySet[Case]:
    """Annotate `has_further_addresses`, so that `attach_further_addresses` reads the
    addresses only when a case on the page has any (most have none). Never shown itself."""
    return cases.annotate(
        has_further_addresses=Exists(CaseAddress.objects.filter(case_id=OuterRef("pk")))
    )


def attach_further_addresses(cases: Iterable) -> None:
    """Give each case (with its `access_level`) `shown_further_addresses`: its further
    addresses where the level shows them, else None. One query for a page of cases, and only
    for the cases seen at that level: the others' addresses are not read at all."""
    cases = list(cases)
    shown = [
        case
        for case in cases
        if at_least(case.access_level, CASE_FIELD_LEVELS["further_addresses"])
    ]
    found: dict[int, list[CaseAddress]] = {case.pk: [] for case in shown}
    having = [case.pk for case in shown if getattr(case, "has_further_addresses", True)]
    if having:
        for address in CaseAddress.objects.filter(case_id__in=having):
            found[address.case_id].append(address)
    for case in cases:
        case.shown_further_addresses = found.get(case.pk)
