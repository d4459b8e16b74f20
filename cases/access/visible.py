"""Querysets of the cases (and actiepunten) a reader may know of."""

from __future__ import annotations

from django.db.models import (
    Exists,
    Q,
    QuerySet,
    Subquery,
)

from ..models import (
    Case,
)
from ..models.choices import AccessLevel
from .levels import _active_participation, _granted, _organisation_id


def visible_cases(user) -> QuerySet[Case]:
    """Every case the user's organisation may know of, at any level.

    Filtered through guardian's object permissions, which the sharing services keep equal to
    lead + participations: one indexed table instead of an OR over two (ADR 0007).
    """
    return cases_seen_at(user, AccessLevel.BESTAAN)


def cases_seen_at(user, level: str) -> QuerySet[Case]:
    """The cases the user's organisation sees at `level` or more (guardian, as above)."""
    organisation_id = _organisation_id(user)
    if organisation_id is None or not user.has_perm("cases.view_case"):
        return Case.objects.none()
    return Case.objects.filter(Exists(_granted(user, f"view_case_{level}")))


def process_cases(user) -> QuerySet[Case]:
    """The cases the user's organisation sees at level `proces` or more.

    Everything a reminder or notification says about a case (a stage over its target, an
    open actiepunt, "Verkennend onderzoek Wvggz … staat al sinds … open") is process
    information, so a notification is made and shown only for these cases: a partner at
    `bestaan` knows the case exists and nothing more.
    """
    return cases_seen_at(user, AccessLevel.PROCES)


def process_shown_q(user, case_field: str = "case") -> Q:
    """For rows that point at a case (a notification's `case`): whether the user's
    organisation sees that case at `proces` or more, as `process_cases` says. One index probe
    per row; `case__in=process_cases(user)` built the whole case query and let PostgreSQL hash
    every grant of the organisation for a handful of notifications."""
    if _organisation_id(user) is None or not user.has_perm("cases.view_case"):
        return Q(pk__in=[])
    return Q(Exists(_granted(user, f"view_case_{AccessLevel.PROCES}", case=case_field)))


def cases_via_participations(user) -> QuerySet[Case]:
    """The same cases as `visible_cases`, read from lead and participations.

    The other candidate of the benchmark (bench_access) and the reference the property test
    holds guardian to.
    """
    organisation_id = _organisation_id(user)
    if organisation_id is None or not user.has_perm("cases.view_case"):
        return Case.objects.none()
    return Case.objects.filter(
        Q(lead_organisation_id=organisation_id) | Q(Exists(_active_participation(organisation_id)))
    )


def shared_with_organisation(user) -> QuerySet[Case]:
    """Cases other organisations shared with the user's organisation (active participation)."""
    organisation_id = _organisation_id(user)
    if organisation_id is None or not user.has_perm("cases.view_case"):
        return Case.objects.none()
    return Case.objects.filter(Exists(_active_participation(organisation_id))).exclude(
        lead_organisation_id=organisation_id
    )


def shared_at(user) -> Subquery:
    """For a case queryset: when the case was shared with the user's organisation."""
    return Subquery(_active_participation(_organisation_id(user)).values("shared_at")[:1])


def visible_action_items(user):
    """Actiepunten in cases the user's organisation sees at least at level `proces`."""
    from ..models import ActionItem

    organisation_id = _organisation_id(user)
    if organisation_id is None or not user.has_perm("cases.view_actionitem"):
        return ActionItem.objects.none()
    process_cases = visible_cases(user).filter(
        Q(lead_organisation_id=organisation_id)
        | Q(
            Exists(
                _active_participation(organisation_id).filter(
                    level__in=[AccessLevel.PROCES, AccessLevel.VOLLEDIG]
                )
            )
        )
    )
    return ActionItem.objects.filter(case__in=process_cases)


def cases_for_sweeps() -> QuerySet[Case]:
    """All cases, for system sweeps (reminders, retention) that act for no user.

    What a sweep derives from them reaches a person only through a per-user check
    (a notification is created only for a recipient who can see the case).
    """
    return Case.objects.all()
