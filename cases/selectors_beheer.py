"""Reads of the configuration a functional admin keeps: workflows, bewaartermijnen and
reminder settings, each belonging to an organisation or being a regional default.

A functional admin knows the defaults (organisation empty) and the configuration of their
own organisation, never another organisation's: a lookup of that by id is a 404. Changing a
default needs `cases.manage_regional_defaults` (the regional functional admin); changing the
own organisation's configuration needs only the model permission. See docs/adr/0013.
"""

from __future__ import annotations

import logging

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from .models import Workflow

log = logging.getLogger("woonoverlast.security")

REGIONAL_PERMISSION = "cases.manage_regional_defaults"


def keeps_regional_defaults(user) -> bool:
    return user.has_perm(REGIONAL_PERMISSION)


def owns_configuration(user, organisation_id: int | None) -> bool:
    """May `user` change configuration of this organisation (None: the regional default)?"""
    if user.is_superuser:
        return True
    if organisation_id is None:
        return keeps_regional_defaults(user)
    return user.organisation_id is not None and organisation_id == user.organisation_id


def own_or_default(user) -> Q:
    own = Q(organisation__isnull=True)
    if user.is_superuser:
        return Q()
    if user.organisation_id is not None:
        own |= Q(organisation_id=user.organisation_id)
    return own


def not_found(request, what: str, pk) -> Http404:
    """A configuration object this user may not know: logged, and answered with 404."""
    log.warning(
        "beheer: user id %s asked for %s %s of another organisation", request.user.pk, what, pk
    )
    return Http404(what)


def visible_workflows(user) -> QuerySet[Workflow]:
    """The versions of the defaults and of the user's organisation, with the number of the
    organisation's running cases on each (counts only, never case data)."""
    running = Q(case__closed_on__isnull=True)
    if not user.is_superuser:
        running &= Q(case__lead_organisation_id=user.organisation_id)
    return (
        Workflow.objects.filter(own_or_default(user))
        .select_related("organisation")
        .annotate(running=Count("case", filter=running))
        .order_by("organisation__name", "name", "-version")
    )


def get_workflow(request, pk) -> Workflow:
    workflow = visible_workflows(request.user).filter(pk=pk).first()
    if workflow is None:
        raise not_found(request, "werkwijze", pk)
    return workflow


def published_targets(user, source: Workflow) -> QuerySet[Workflow]:
    """Published versions the user's running cases may move to."""
    return (
        Workflow.objects.filter(own_or_default(user), status=Workflow.Status.PUBLISHED)
        .exclude(pk=source.pk)
        .select_related("organisation")
    )


def has_own_published_workflow(user) -> bool:
    return Workflow.objects.filter(
        organisation_id=user.organisation_id, status=Workflow.Status.PUBLISHED
    ).exists()
