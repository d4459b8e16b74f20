"""Reads about users and organisations."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import Prefetch, Q, QuerySet

from .models import User
from .roles import RESERVED_PERMISSIONS, ROLE_PERMISSIONS


def users_with_perm(perm: str, organisation_ids) -> QuerySet:
    """Active users of these organisations who hold `perm` ("app.codename") through a role
    group or directly. Code asks for a permission, never for a role name."""
    app_label, codename = perm.split(".")
    granted = Q(
        groups__permissions__codename=codename,
        groups__permissions__content_type__app_label=app_label,
    ) | Q(
        user_permissions__codename=codename,
        user_permissions__content_type__app_label=app_label,
    )
    return (
        get_user_model()
        .objects.filter(granted, is_active=True, organisation_id__in=organisation_ids)
        .filter(api_client__isnull=True)  # an API client's service user is no person
        .distinct()
        .order_by("pk")
    )


# The Beheerder's user management (docs/adr/0013-administration-per-organisation.md): a
# Beheerder knows the users of their own organisation only. Superusers are run from the
# Django admin and are not listed here.


def role_groups() -> QuerySet[Group]:
    """Every role (the groups of partners.roles), never an organisation's own group."""
    return Group.objects.filter(name__in=ROLE_PERMISSIONS, organisation__isnull=True).order_by(
        "name"
    )


def assignable_roles() -> QuerySet[Group]:
    """The roles a Beheerder may hand out: every role without a reserved permission."""
    reserved = Q()
    for dotted in RESERVED_PERMISSIONS:
        app_label, codename = dotted.split(".")
        reserved |= Q(
            permissions__codename=codename, permissions__content_type__app_label=app_label
        )
    return role_groups().exclude(pk__in=Group.objects.filter(reserved).values("pk"))


def organisation_members(
    actor, *, search: str = "", role: Group | None = None, active: bool | None = None
) -> QuerySet:
    """The users of the actor's organisation, searched and filtered."""
    if actor.organisation_id is None:
        return get_user_model().objects.none()
    members = (
        get_user_model()
        .objects.filter(organisation_id=actor.organisation_id, is_superuser=False)
        # An API client's service user is managed as the client (Beheer > Koppelingen).
        .filter(api_client__isnull=True)
        .prefetch_related(Prefetch("groups", queryset=role_groups(), to_attr="roles"))
        .order_by("last_name", "first_name", "username")
    )
    for word in search.split():
        members = members.filter(
            Q(username__icontains=word)
            | Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
            | Q(email__icontains=word)
        )
    if role is not None:
        members = members.filter(groups=role)
    if active is not None:
        members = members.filter(is_active=active)
    return members


def organisation_member(actor, user_id) -> User | None:
    """One user of the actor's organisation, or None (another organisation's, or unknown)."""
    return organisation_members(actor).filter(pk=user_id).first()


def roles_of(user) -> list[Group]:
    return list(role_groups().filter(user=user))


def manages_users(user, groups=None) -> bool:
    """Whether these role groups (default: the user's own) let the user manage users."""
    groups = role_groups().filter(user=user) if groups is None else groups
    holds = Group.objects.filter(
        pk__in=[group.pk for group in groups],
        permissions__codename="change_user",
        permissions__content_type__app_label="partners",
    ).exists()
    return holds or user.user_permissions.filter(codename="change_user").exists()


# The partner API's clients (docs/adr/0020-partner-api.md): a Beheerder knows those of their
# own organisation only; their service users are no people and appear in no user list.


def organisation_api_clients(actor) -> QuerySet:
    from .models import ApiClient

    if actor.organisation_id is None:
        return ApiClient.objects.none()
    return ApiClient.objects.filter(organisation_id=actor.organisation_id).order_by(
        "revoked_at", "name"
    )


def organisation_api_client(actor, client_id):
    """One client of the actor's organisation, or None (another organisation's, or unknown)."""
    return organisation_api_clients(actor).filter(pk=client_id).first()
