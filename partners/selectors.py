"""Reads about users and organisations."""

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet


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
        .distinct()
        .order_by("pk")
    )
