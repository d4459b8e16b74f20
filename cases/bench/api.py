"""The benchmark's partner system: an API client of the partner organisation and its token.

Made through the same service as a Beheerder's client (partners.services_api_clients) and
a token from the real token endpoint, so the measured API list pays what a partner system
pays: token lookup, scope check, the door, the access log.
"""

from __future__ import annotations

import base64

from django.test import Client
from django.urls import reverse

from partners.models import ApiClient
from partners.services_api_clients import api_client_create, api_client_revoke

NAME = "Benchmark"


def bearer_client(organisation) -> Client:
    """A test client that sends a fresh read token of a new benchmark client (an old one of
    an earlier run is revoked: its secret is gone)."""
    for old in ApiClient.objects.filter(
        organisation=organisation, name=NAME, revoked_at__isnull=True
    ):
        api_client_revoke(actor=None, client=old)
    client, secret = api_client_create(actor=None, organisation=organisation, name=NAME)
    basic = base64.b64encode(f"{client.client_id}:{secret}".encode()).decode()
    response = Client().post(
        reverse("api:token"),
        {"grant_type": "client_credentials"},
        HTTP_AUTHORIZATION=f"Basic {basic}",
    )
    if response.status_code != 200:
        raise RuntimeError(f"token: status {response.status_code}")
    token = response.json()["access_token"]
    return Client(HTTP_AUTHORIZATION=f"Bearer {token}")
