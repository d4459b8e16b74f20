"""Reads of the inzage that depend on who asks: the verzoeken of the reader's organisation."""

from __future__ import annotations

from django.db.models import Q, QuerySet, Value
from django.db.models.functions import Concat
from django.utils.translation import gettext as _

from woonoverlast.refusals import Refusal

from .models import InzageVerzoek


def visible_verzoeken(user) -> QuerySet[InzageVerzoek]:
    """The verzoeken of the user's own organisation, for a role that reads them."""
    if (
        not user.is_authenticated
        or user.organisation_id is None
        or not user.has_perm("cases.view_inzageverzoek")
    ):
        return InzageVerzoek.objects.none()
    return InzageVerzoek.objects.filter(organisation_id=user.organisation_id).select_related(
        "person", "organisation"
    )


def search_verzoeken(user, *, term: str = "", status: str = "") -> QuerySet[InzageVerzoek]:
    rows = visible_verzoeken(user)
    if status:
        rows = rows.filter(status=status)
    term = term.strip()
    if term:
        rows = rows.annotate(
            person_name=Concat("person__first_name", Value(" "), "person__last_name")
        ).filter(Q(person_name__icontains=term) | Q(identity_checked_by__icontains=term))
    return rows.order_by("status", "deadline", "pk")


def get_verzoek(user, verzoek_id: int) -> InzageVerzoek:
    """One verzoek of the user's organisation; any other is not there (404, logged)."""
    verzoek = visible_verzoeken(user).filter(pk=verzoek_id).first()
    if verzoek is None:
        raise Refusal.not_found(_("Inzageverzoek niet gevonden"))
    return verzoek
