"""Who may call the API at all: a token of an active client, with the scope the method needs."""

from __future__ import annotations

from django.core.exceptions import ObjectDoesNotExist
from django.utils.translation import gettext_lazy as _
from oauth2_provider.contrib.rest_framework import TokenHasReadWriteScope


def client_of(user):
    """The ApiClient a request's user acts for, or None (a person, or no user)."""
    try:
        return user.api_client
    except (AttributeError, ObjectDoesNotExist):
        return None


class ScopePermission(TokenHasReadWriteScope):
    """GET needs scope `read`, every other method `write` (django-oauth-toolkit), and the
    token must belong to an active partner client: a token of any other application opens
    nothing."""

    message = _("Dit token geeft geen toegang tot deze handeling (scope read of write).")

    def has_permission(self, request, view):
        if request.auth is None or request.user is None:
            return False
        client = client_of(request.user)
        if client is None or not client.is_active or not request.user.is_active:
            return False
        return super().has_permission(request, view)
