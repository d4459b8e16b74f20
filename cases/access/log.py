"""The access log (NEN 7513): one row per read, print, export or change of case data."""

from __future__ import annotations

from ..models import (
    AccessLog,
    Case,
)


def client_address(request) -> str | None:
    return request.META.get("REMOTE_ADDR") if request is not None else None


# Why case data is read, as NEN 7513 asks; views with another purpose say so.
DEFAULT_PURPOSE = "uitvoering integrale aanpak woonoverlast"


def log_access(
    request,
    *,
    action: str,
    outcome: str,
    case: Case | None = None,
    case_id: int | None = None,
    reference: str = "",
    resource: str = "",
    person_id: int | None = None,
    purpose: str = "",
    level: str = "",
) -> None:
    user = request.user
    organisation = getattr(user, "organisation", None) if user.is_authenticated else None
    AccessLog.objects.create(
        user=user if user.is_authenticated else None,
        username=user.get_username() if user.is_authenticated else "",
        organisation_id_ref=organisation.pk if organisation else None,
        organisation_name=organisation.name if organisation else "",
        action=action,
        case_id_ref=case.pk if case else case_id,
        case_reference=case.reference if case else reference[:40],
        person_id_ref=person_id,
        resource=resource[:200],
        purpose=(purpose or DEFAULT_PURPOSE)[:200],
        outcome=outcome,
        client_address=client_address(request),
        level=level,
    )
