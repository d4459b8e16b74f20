"""API clients: made by create_api_client or by the organisation's Beheerder in the app,
revoked there; another organisation's client is a 404; the secret is shown once."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from partners.models import ApiClient
from tests.api.conftest import fetch_token
from tests.factories import UserFactory


def test_the_command_prints_the_client_id_and_secret_on_lines_of_their_own(corporatie):
    out = StringIO()
    call_command(
        "create_api_client", "--organisation", corporatie.name, "--name", "Woonsysteem", stdout=out
    )
    lines = out.getvalue().splitlines()
    client_id = next(line for line in lines if line.startswith("client_id=")).split("=", 1)[1]
    secret = next(line for line in lines if line.startswith("client_secret=")).split("=", 1)[1]
    client = ApiClient.objects.get(client_id=client_id)
    assert client.organisation == corporatie and client.scopes == "read"
    assert client.application.client_secret != secret  # stored as a hash only
    token = fetch_token(client_id, secret)
    assert token["status"] == 200 and token["scope"] == "read"
    with pytest.raises(CommandError, match="Onbekende organisatie"):
        call_command("create_api_client", "--organisation", "Bestaat niet", "--name", "x")
    with pytest.raises(CommandError, match="al een koppeling met deze naam"):
        call_command(
            "create_api_client", "--organisation", corporatie.name, "--name", "woonsysteem"
        )


@pytest.fixture
def beheerder(corporatie):
    return UserFactory(username="beheerder", organisation=corporatie, role="Beheerder")


def test_a_beheerder_creates_and_revokes_a_client(beheerder, client_for, api_for, corporatie):
    client = client_for(beheerder)
    assert client.get("/beheer/koppelingen/").status_code == 200
    response = client.post(
        "/beheer/koppelingen/nieuw/", {"name": "Zaaksysteem", "scopes": "read write"}
    )
    assert response.status_code == 200
    api_client = ApiClient.objects.get(name="Zaaksysteem")
    assert response["Cache-Control"].count("no-store")
    secret = re.search(
        r"Client-geheim</dt><dd><code>([^<]+)</code>", response.content.decode()
    ).group(1)
    token = fetch_token(api_client.client_id, secret)
    assert token["status"] == 200 and token["scope"] == "read write"
    # The list shows the client but never its secret again.
    listing = client.get("/beheer/koppelingen/").content.decode()
    assert api_client.client_id in listing and secret not in listing
    # The service user is no person: not among the organisation's users.
    assert api_client.user.username not in client.get("/beheer/gebruikers/").content.decode()
    bearer = {"HTTP_AUTHORIZATION": f"Bearer {token['access_token']}"}
    from django.test import Client

    assert Client().get("/api/v1/zaken/", **bearer).status_code == 200
    assert client.get(f"/beheer/koppelingen/{api_client.pk}/intrekken/").status_code == 200
    client.post(f"/beheer/koppelingen/{api_client.pk}/intrekken/")
    api_client.refresh_from_db()
    assert api_client.revoked_at is not None and not api_client.user.is_active
    assert Client().get("/api/v1/zaken/", **bearer).status_code == 401
    assert fetch_token(api_client.client_id, secret)["status"] == 401


def test_bad_input_and_duplicates_are_field_errors(beheerder, client_for, api_for, corporatie):
    api_for(corporatie, name="Zaaksysteem")
    client = client_for(beheerder)
    response = client.post("/beheer/koppelingen/nieuw/", {"name": "zaaksysteem", "scopes": "read"})
    assert "al een koppeling met deze naam" in response.content.decode()
    assert ApiClient.objects.count() == 1


def test_another_organisations_client_is_404(beheerder, client_for, api_for, other_org):
    other = api_for(other_org, name="Van een ander")
    client = client_for(beheerder)
    assert client.get(f"/beheer/koppelingen/{other.client.pk}/intrekken/").status_code == 404
    assert client.post(f"/beheer/koppelingen/{other.client.pk}/intrekken/").status_code == 404
    other.client.refresh_from_db()
    assert other.client.is_active
    assert other.client.name not in client.get("/beheer/koppelingen/").content.decode()


def test_only_a_beheerder_manages_clients(consulent, client_for):
    client = client_for(consulent)
    assert client.get("/beheer/koppelingen/").status_code == 403
    assert (
        client.post("/beheer/koppelingen/nieuw/", {"name": "x", "scopes": "read"}).status_code
        == 403
    )
    assert not ApiClient.objects.exists()
