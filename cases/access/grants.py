"""Guardian object permissions derived from who may see a case at which level.

The level of an organisation on a case is decided by the case itself (the aanbrengende
organisation sees it fully) and by its active `Participation`. Guardian holds the same fact as
object permissions of the organisation's group; `sync_case_permissions` writes it, and every
service that changes the lead or a participation calls it in the same transaction.
"""

from __future__ import annotations

from django.contrib.auth.models import Permission
from django.db import connection
from django.db.models.signals import post_migrate

from ..models import Case, CaseGroupObjectPermission, Participation
from ..models.choices import AccessLevel

# Cumulative: a higher level holds the permissions of the lower ones.
LEVEL_CODENAMES = {
    AccessLevel.BESTAAN: ["view_case_bestaan"],
    AccessLevel.PROCES: ["view_case_bestaan", "view_case_proces"],
    AccessLevel.VOLLEDIG: ["view_case_bestaan", "view_case_proces", "view_case_volledig"],
}
ALL_CODENAMES = LEVEL_CODENAMES[AccessLevel.VOLLEDIG]


def level_permissions() -> dict[str, Permission]:
    """codename → Permission for the three level permissions of Case."""
    perms = Permission.objects.filter(
        content_type__app_label="cases",
        content_type__model="case",
        codename__in=ALL_CODENAMES,
    )
    return {perm.codename: perm for perm in perms}


_PERMISSION_IDS: dict[str, dict[str, int]] = {}


def level_permission_ids() -> dict[str, int]:
    """codename → id of the three level permissions, remembered per database.

    The list filters compare guardian's `permission_id` with these ids instead of joining
    `auth_permission` by codename: with the join PostgreSQL cannot tell which permission is
    meant and estimates the cases an organisation sees at a few dozen instead of thousands,
    which makes it pick nested loops over all of them (ADR 0022). The ids change only when
    the permissions are made again (a test database flushed), which `post_migrate` follows.
    """
    database = connection.settings_dict["NAME"]
    ids = _PERMISSION_IDS.get(database)
    if ids is None:
        ids = {codename: perm.pk for codename, perm in level_permissions().items()}
        if len(ids) == len(ALL_CODENAMES):  # not before the permissions exist
            _PERMISSION_IDS[database] = ids
    return ids


def _forget_permission_ids(**kwargs) -> None:
    _PERMISSION_IDS.clear()


post_migrate.connect(_forget_permission_ids, dispatch_uid="cases.access.grants.permission_ids")


def level_from_codenames(codenames) -> str | None:
    """The highest level whose permission is among `codenames`."""
    for level in (AccessLevel.VOLLEDIG, AccessLevel.PROCES, AccessLevel.BESTAAN):
        if f"view_case_{level}" in codenames:
            return level
    return None


def organisation_level(case: Case, organisation_id: int) -> str | None:
    """The level the organisation has on the case according to lead and participations."""
    if case.lead_organisation_id == organisation_id:
        return AccessLevel.VOLLEDIG
    return (
        Participation.objects.filter(
            case=case, organisation_id=organisation_id, revoked_at__isnull=True
        )
        .values_list("level", flat=True)
        .first()
    )


def sync_case_permissions(case: Case, organisation) -> None:
    """Make the organisation's group hold exactly the permissions of its level on the case."""
    level = organisation_level(case, organisation.pk)
    wanted = set(LEVEL_CODENAMES[level]) if level else set()
    perms = level_permissions()
    existing = CaseGroupObjectPermission.objects.filter(
        content_object=case, group_id=organisation.group_id, permission__in=perms.values()
    )
    have = set(existing.values_list("permission__codename", flat=True))
    existing.exclude(permission__codename__in=wanted).delete()
    CaseGroupObjectPermission.objects.bulk_create(
        CaseGroupObjectPermission(
            content_object=case, group_id=organisation.group_id, permission=perms[codename]
        )
        for codename in sorted(wanted - have)
    )
