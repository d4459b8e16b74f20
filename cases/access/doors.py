"""The entry of a request to one case or attachment: allowed and logged, or 404 and logged."""

from __future__ import annotations

from django.db.models import Exists, OuterRef
from django.http import Http404

from ..models import (
    AccessLog,
    Attachment,
    Case,
    CaseAddress,
    category_names,
)
from ..models.choices import AccessLevel
from ..notifications.calendars import may_differ_from_common
from .case_access import CaseAccess
from .fields import with_further_address_flag
from .levels import LEVEL_RANK, with_access_level
from .log import log_access
from .visible import visible_cases


def _case_id(reference: str) -> int | None:
    return Case.objects.filter(reference=reference[:20]).values_list("pk", flat=True).first()


def get_case_access(
    request,
    reference: str,
    *,
    action: str = AccessLog.Action.VIEW,
    resource: str = "",
    minimum_level: str = AccessLevel.BESTAAN,
    purpose: str = "",
) -> CaseAccess:
    """The case with this reference as the requesting user may see it, or 404 (logged)."""
    # The level comes with the case in one query (an annotation), not in a second lookup.
    case = (
        # `has_further_addresses` spares the page the query for them when there are none.
        with_further_address_flag(with_access_level(visible_cases(request.user), request.user))
        .select_related("stage", "workflow", "regisseur", "lead_organisation")
        .annotate(
            category_names=category_names(),
            # Whether any other case shares the current address, visible or not: never shown,
            # it only spares the case page the query for earlier cases here when there are
            # none. The others' current and further addresses count; a case with further
            # addresses of its own (`has_further_addresses`) always asks (docs/adr/0030).
            others_at_address=Exists(
                Case.objects.filter(address_key=OuterRef("address_key"))
                .exclude(address_key="")
                .exclude(pk=OuterRef("pk"))
            )
            | Exists(
                CaseAddress.objects.filter(address_key=OuterRef("address_key"))
                .exclude(address_key="")
                .exclude(case_id=OuterRef("pk"))
            ),
            # Configuration, not case data: whether the lead's working calendar has more days
            # off than the common one, so the page reads that calendar only when it does.
            lead_calendar_differs=may_differ_from_common("lead_organisation_id"),
        )
        .filter(reference=reference)
        .first()
    )
    level = case.access_level if case is not None else None
    if case is None or level is None or LEVEL_RANK[level] < LEVEL_RANK[minimum_level]:
        log_access(
            request,
            action=action,
            outcome=AccessLog.Outcome.DENIED,
            case=case if level is not None else None,
            # The id of a case the user may not see is logged, never shown: the privacy officer
            # of its organisation must see attempts on it.
            case_id=None if level is not None else _case_id(reference),
            reference=reference,
            resource=resource or request.path,
            purpose=purpose,
            level=level or "",
        )
        raise Http404("Zaak niet gevonden")
    log_access(
        request,
        action=action,
        outcome=AccessLog.Outcome.ALLOWED,
        case=case,
        resource=resource or request.path,
        purpose=purpose,
        level=level,
    )
    return CaseAccess(case=case, user=request.user, level=level)


def get_attachment(request, reference: str, attachment_id: int) -> tuple[CaseAccess, Attachment]:
    access = get_case_access(
        request,
        reference,
        action=AccessLog.Action.DOWNLOAD,
        minimum_level=AccessLevel.VOLLEDIG,
    )
    attachment = access.attachments().filter(pk=attachment_id).first()
    if attachment is None:
        log_access(
            request,
            action=AccessLog.Action.DOWNLOAD,
            outcome=AccessLog.Outcome.DENIED,
            case=access.case,
            resource=request.path,
        )
        raise Http404("Bijlage niet gevonden")
    return access, attachment
