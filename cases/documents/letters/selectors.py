"""Reads of letter templates: an organisation's own, never another's (ADR 0013)."""

from __future__ import annotations

from django.db.models import QuerySet

from cases.selectors_beheer import not_found

from .models import Letterhead, LetterTemplate


def own_templates(user) -> QuerySet[LetterTemplate]:
    """The templates of the user's organisation, for its functional admin."""
    if user.organisation_id is None:
        return LetterTemplate.objects.none()
    return LetterTemplate.objects.filter(organisation_id=user.organisation_id).select_related(
        "instrument"
    )


def templates_for_letters(user) -> QuerySet[LetterTemplate]:
    """The active templates a user may make a letter from: their organisation's."""
    return own_templates(user).filter(active=True).order_by("name")


def get_own_template(request, pk) -> LetterTemplate:
    """One template of the user's organisation, or a 404 (logged) for anyone else's."""
    template = own_templates(request.user).filter(pk=pk).first()
    if template is None:
        raise not_found(request, "briefsjabloon", pk)
    return template


def own_letterhead(user) -> Letterhead | None:
    return Letterhead.objects.filter(organisation_id=user.organisation_id).first()
