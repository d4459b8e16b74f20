"""Fixtures of the partner API tests: clients made through the service, tokens fetched from
the real token endpoint, requests with the bearer token."""

from __future__ import annotations

import base64
import json

import pytest
from django.test import Client

from partners.models import ApiClient
from partners.services_api_clients import api_client_create

TOKEN_URL = "/api/oauth/token/"


def fetch_token(client_id: str, secret: str, scope: str | None = None) -> dict:
    data = {"grant_type": "client_credentials"}
    if scope:
        data["scope"] = scope
    basic = base64.b64encode(f"{client_id}:{secret}".encode()).decode()
    response = Client().post(TOKEN_URL, data, HTTP_AUTHORIZATION=f"Basic {basic}")
    return {"status": response.status_code, **json.loads(response.content or b"{}")}


class Api:
    """A partner system: its client, and requests with its token."""

    def __init__(self, client: ApiClient, secret: str, scope: str | None = None):
        self.client = client
        self.secret = secret
        token = fetch_token(client.client_id, secret, scope)
        assert token["status"] == 200, token
        self.token = token["access_token"]
        self.http = Client()

    @property
    def user(self):
        return self.client.user

    def _headers(self):
        return {"HTTP_AUTHORIZATION": f"Bearer {self.token}"}

    def get(self, path, params=None):
        return self.http.get(path, params or {}, **self._headers())

    def post(self, path, data=None):
        return self.http.post(
            path, json.dumps(data or {}), content_type="application/json", **self._headers()
        )

    def patch(self, path, data=None):
        return self.http.patch(
            path, json.dumps(data or {}), content_type="application/json", **self._headers()
        )


@pytest.fixture
def api_for(db):
    """api_for(organisation, write=False, scope=None): a new client of that organisation."""

    def make(organisation, *, write=False, scope=None, name=None):
        client, secret = api_client_create(
            actor=None,
            organisation=organisation,
            name=name or f"Systeem {ApiClient.objects.count() + 1}",
            scopes=ApiClient.Scopes.READ_WRITE if write else ApiClient.Scopes.READ,
        )
        return Api(client, secret, scope)

    return make
