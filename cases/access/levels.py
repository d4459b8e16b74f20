"""What a level is, and the level an organisation has on one case or on a set of cases."""

from __future__ import annotations

from django.db.models import (
    BooleanField,
    CharField,
    Exists,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models import Case as Case_
from django.db.models.functions import Coalesce

from ..models import (
    Case,
    CaseGroupObjectPermission,
    Participation,
)
from ..models.choices import AccessLevel
from .grants import level_permission_ids

LEVEL_RANK: dict[str, int] = {
    AccessLevel.BESTAAN: 1,
    AccessLevel.PROCES: 2,
    AccessLevel.VOLLEDIG: 3,
}


def lowest_level(*levels: str | None) -> str | None:
    """The most restrictive of `levels` (None, no access at all, wins)."""
    if any(level is None for level in levels):
        return None
    return min(levels, key=LEVEL_RANK.__getitem__)


def _organisation_id(user) -> int | None:
    if not user.is_authenticated or not user.is_active:
        return None
    return user.organisation_id


def _active_participation(organisation_id: int) -> QuerySet[Participation]:
    return Participation.objects.filter(
        case=OuterRef("pk"), organisation_id=organisation_id, revoked_at__isnull=True
    )


def _granted(user, codename: str, case: str = "pk") -> QuerySet[CaseGroupObjectPermission]:
    """Guardian rows giving the user's organisation `codename` on the outer case (the outer
    row itself, or the case its field `case` points at)."""
    return _granted_rows(user, codename).filter(content_object=OuterRef(case))


def _probe(user, codename: str) -> Coalesce:
    """Whether the user's organisation holds `codename` on the outer case, as a scalar
    subquery: one index probe per row that is read. PostgreSQL turns an EXISTS in the select
    list into a hash of every grant of the organisation, built before the first row, so a first
    page of 50 cost as much as the organisation's whole list (131,000 grants at a million
    cases); a scalar subquery with LIMIT 1 it leaves per row."""
    return Coalesce(
        Subquery(
            _granted(user, codename).values(held=Value(True))[:1], output_field=BooleanField()
        ),
        Value(False),
    )


def _granted_rows(user, codename: str) -> QuerySet[CaseGroupObjectPermission]:
    """Every guardian row giving the user's organisation `codename` (on any case)."""
    return CaseGroupObjectPermission.objects.filter(
        group_id=user.organisation.group_id,
        permission_id=level_permission_ids().get(codename),
    )


def access_level(user, case: Case) -> str | None:
    organisation_id = _organisation_id(user)
    if organisation_id is None or not user.has_perm("cases.view_case"):
        return None
    if case.lead_organisation_id == organisation_id:
        return AccessLevel.VOLLEDIG
    participation = (
        case.participations.filter(organisation_id=organisation_id, revoked_at__isnull=True)
        .values_list("level", flat=True)
        .first()
    )
    return participation


def organisation_levels(organisation_id: int, cases) -> dict[int, str]:
    """{case id: level} for the cases `organisation_id` may see (lead = volledig).

    For documents made for an organisation other than the reader's own (the agenda and
    verslag of the casusoverleg, printed per participant).
    """
    case_ids = [case.pk for case in cases]
    levels = {
        case.pk: AccessLevel.VOLLEDIG
        for case in cases
        if case.lead_organisation_id == organisation_id
    }
    shared = Participation.objects.filter(
        case_id__in=case_ids, organisation_id=organisation_id, revoked_at__isnull=True
    ).values_list("case_id", "level")
    for case_id, level in shared:
        levels.setdefault(case_id, level)
    return levels


def full_access_q(user) -> Q:
    """Filter for cases the user's organisation sees at level `volledig`."""
    organisation_id = _organisation_id(user)
    if organisation_id is None:
        return Q(pk__in=[])
    return Q(Exists(_granted(user, "view_case_volledig")))


def with_level_flags(queryset: QuerySet[Case], user) -> QuerySet[Case]:
    """Annotate each case with the flags `sees_process` and `sees_details`, as CaseAccess has
    them for one case: all a list needs to show, filter and sort by level (the case list).

    The flags are read from guardian's rows (`view_case_proces`, `view_case_volledig`), which
    the sharing services keep equal to the levels: lists filter and sort on them, and one
    index probe per row is far cheaper than working out the level from the participations
    (ADR 0022).
    """
    if _organisation_id(user) is None:
        return queryset.annotate(sees_process=Value(False), sees_details=Value(False))
    return queryset.annotate(
        sees_process=_probe(user, "view_case_proces"),
        sees_details=_probe(user, "view_case_volledig"),
    )


def with_access_level(queryset: QuerySet[Case], user) -> QuerySet[Case]:
    """The flags of `with_level_flags`, and `access_level`: the level the user's organisation
    has, from the participations, as for one case (ADR 0007), for a reader that names it
    (the API, the door)."""
    organisation_id = _organisation_id(user)
    shared_level = Subquery(_active_participation(organisation_id).values("level")[:1])
    return with_level_flags(queryset, user).annotate(
        access_level=Case_(
            When(lead_organisation_id=organisation_id, then=Value(AccessLevel.VOLLEDIG)),
            default=shared_level,
            output_field=CharField(),
        ),
    )


def at_least(level: str | None, minimum: str) -> bool:
    """Whether `level` shows everything `minimum` shows (None, no access, shows nothing)."""
    return level is not None and LEVEL_RANK[level] >= LEVEL_RANK[minimum]


def shows_process(level: str | None) -> bool:
    """Does this level show the process (stage, measures, actiepunten, partners)?"""
    return at_least(level, AccessLevel.PROCES)


def shows_details(level: str | None) -> bool:
    """Does this level show the details (address, persons, meldingen, logboek)?"""
    return at_least(level, AccessLevel.VOLLEDIG)
