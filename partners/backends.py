"""Authentication backend: Django's ModelBackend, loading with the user what every page needs.

Every request of a logged-in user needs the organisation (the door decides by organisation,
the menu and the inbox name it) and the user's permissions (menus, buttons, views). Both come
in the one query that fetches the user from the session, instead of three: the permissions as
an array of "app_label.codename" over the user's own and their groups' permissions, which is
exactly what ModelBackend would read in two further queries during the same request.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission
from django.contrib.postgres.expressions import ArraySubquery
from django.db import connection
from django.db.models import OuterRef, Q, Value
from django.db.models.functions import Concat


def _permission_names():
    granted = Q(user=OuterRef("pk")) | Q(group__user=OuterRef("pk"))
    return ArraySubquery(
        Permission.objects.filter(granted)
        .annotate(dotted=Concat("content_type__app_label", Value("."), "codename"))
        .values("dotted")
    )


class UserBackend(ModelBackend):
    def get_user(self, user_id):
        user_model = get_user_model()
        users = user_model._default_manager.select_related("organisation")
        with_permissions = connection.vendor == "postgresql"  # the demo runs on SQLite
        if with_permissions:
            users = users.annotate(permission_names=_permission_names())
        try:
            user = users.get(pk=user_id)
        except user_model.DoesNotExist:
            return None
        if not self.user_can_authenticate(user):
            return None
        if with_permissions and not user.is_superuser:
            # ModelBackend's own per-request cache: has_perm reads it instead of querying.
            user._perm_cache = set(user.permission_names)
        return user
