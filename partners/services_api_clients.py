"""Writes of the partner API's clients: create and revoke (docs/adr/0020-partner-api.md).

A client is created by the Beheerder of its organisation in the app, or on the server with
`manage.py create_api_client` (actor None: the system). Creating makes three rows in one
transaction: the service user the client acts as, django-oauth-toolkit's `Application` (the
client id and the hashed secret) and the `ApiClient` that ties them to the organisation.
The secret is returned once and stored only as a hash.
"""

from __future__ import annotations

import logging

from django.contrib.auth.models import Permission
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from oauth2_provider.generators import generate_client_id, generate_client_secret
from oauth2_provider.models import get_application_model

from woonoverlast.refusals import Refusal

from .models import ApiClient, Organisation, User
from .roles import API_CLIENT_PERMISSIONS

log = logging.getLogger("woonoverlast.security")


def _require_manager(actor, organisation: Organisation) -> None:
    if actor is None:  # the management command, run on the server
        return
    if not actor.has_perm("partners.change_user") or actor.organisation_id is None:
        raise Refusal.forbidden(_("U mag de koppelingen van uw organisatie niet beheren."))
    if actor.organisation_id != organisation.pk:
        raise Refusal.not_found(_("Koppeling niet gevonden"))


def _permissions(scopes: list[str]) -> list[Permission]:
    wanted = Q(pk__in=[])
    for scope in scopes:
        for dotted in API_CLIENT_PERMISSIONS[scope]:
            app_label, codename = dotted.split(".")
            wanted |= Q(content_type__app_label=app_label, codename=codename)
    return list(Permission.objects.filter(wanted))


@transaction.atomic
def api_client_create(
    *, actor, organisation: Organisation, name: str, scopes: str = ApiClient.Scopes.READ
) -> tuple[ApiClient, str]:
    """A new client of `organisation`; returns it and its secret (shown once, never stored)."""
    _require_manager(actor, organisation)
    name = name.strip()
    if not name:
        raise Refusal(_("Geef de koppeling een naam."), field="name")
    if len(name) > 100:
        raise Refusal(_("Een naam is hoogstens 100 tekens lang."), field="name")
    if scopes not in ApiClient.Scopes.values:
        raise Refusal(_("Kies de rechten van de koppeling."), field="scopes")
    if ApiClient.objects.filter(
        organisation=organisation, name__iexact=name, revoked_at__isnull=True
    ).exists():
        raise Refusal(
            _("Uw organisatie heeft al een koppeling met deze naam; kies een andere."),
            field="name",
        )
    client_id = generate_client_id()
    secret = generate_client_secret()
    user = User(
        # The access log names the user: the client's name is in it (and its id, to tell
        # apart two clients of that name, one revoked).
        username=f"api:{name}:{client_id[:8]}"[:150],
        first_name=name[:150],
        last_name=_("(API-koppeling)"),
        organisation=organisation,
    )
    user.set_unusable_password()  # never logs in to the app: only tokens, only the API
    user.save()
    user.user_permissions.set(_permissions(scopes.split()))
    application = get_application_model().objects.create(
        name=f"{organisation.name}: {name}"[:255],
        client_id=client_id,
        client_secret=secret,
        client_type="confidential",
        authorization_grant_type="client-credentials",
        user=user,
        hash_client_secret=True,
    )
    client = ApiClient.objects.create(
        organisation=organisation,
        name=name,
        scopes=scopes,
        client_id=client_id,
        application=application,
        user=user,
        created_by=actor,
    )
    log.info(
        "api client %s (%s) created for organisation %s by user id %s",
        client.pk,
        client_id,
        organisation.pk,
        getattr(actor, "pk", None),
    )
    return client, secret


@transaction.atomic
def api_client_revoke(*, actor, client: ApiClient) -> ApiClient:
    """The client stops at once: its tokens and application go, its service user is
    deactivated. Revoking twice is revoking once."""
    client = ApiClient.objects.select_for_update().get(pk=client.pk)
    _require_manager(actor, client.organisation)
    if not client.is_active:
        return client
    if client.application is not None:
        client.application.delete()  # its access tokens go with it
    client.application = None
    client.revoked_at = timezone.now()
    client.revoked_by = actor
    client.save(update_fields=["application", "revoked_at", "revoked_by"])
    user = client.user
    user.is_active = False
    user.save(update_fields=["is_active"])
    log.info(
        "api client %s (%s) revoked by user id %s",
        client.pk,
        client.client_id,
        getattr(actor, "pk", None),
    )
    return client
