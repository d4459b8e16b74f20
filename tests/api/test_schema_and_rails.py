"""The schema and its documentation; the app's rails (login, second factor, headers,
no-store, throttling) around the API."""

from __future__ import annotations

import re

from django.test import Client

from tests.factories import make_case


def test_the_schema_is_openapi_3_in_dutch_with_the_token_url():
    response = Client().get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    flows = schema["components"]["securitySchemes"]["oauth2"]["flows"]
    assert flows["clientCredentials"]["tokenUrl"] == "/api/oauth/token/"
    assert set(flows["clientCredentials"]["scopes"]) == {"read", "write"}
    assert "ketenpartners" in schema["info"]["description"]
    operations = [op for path in schema["paths"].values() for op in path.values()]
    assert all(op.get("summary") for op in operations)
    assert "/api/v1/zaken/{reference}/logboek/" in schema["paths"]


def test_the_documentation_is_served_from_our_own_static_files():
    response = Client().get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources and all(not s.startswith(("http://", "https://", "//")) for s in sources)
    assert any("swagger-ui" in s for s in sources)
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert all("nonce=" in tag for tag in re.findall(r"<script\b[^>]*>", html))
    script = Client().get("/api/docs/", {"script": ""})
    assert script.status_code == 200 and b"SwaggerUIBundle" in script.content


def test_api_answers_carry_the_apps_headers_and_are_never_stored(api_for, corporatie):
    api = api_for(corporatie)
    for response in (api.get("/api/v1/zaken/"), Client().get("/api/v1/zaken/")):
        assert "no-store" in response["Cache-Control"]
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["X-Frame-Options"] == "DENY"
        assert response["Referrer-Policy"] == "same-origin"
        assert "Content-Security-Policy" in response


def test_without_a_token_401_and_a_session_does_not_open_the_api(consulent, client_for):
    anonymous = Client().get("/api/v1/zaken/")
    assert anonymous.status_code == 401
    assert anonymous["WWW-Authenticate"].startswith("Bearer")
    assert client_for(consulent).get("/api/v1/zaken/").status_code == 401


def test_a_token_opens_no_html_view(api_for, consulent, corporatie, settings):
    settings.WOONOVERLAST_REQUIRE_2FA = True
    case = make_case(consulent)
    api = api_for(corporatie)
    for path in ("/zaken/", f"/zaken/{case.reference}/", "/beheer/koppelingen/"):
        response = api.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith("/account/login/"), path
    # The second factor does not stand in the API's way.
    assert api.get("/api/v1/zaken/").status_code == 200


def test_the_service_user_cannot_log_in(api_for, corporatie):
    api = api_for(corporatie)
    assert not api.user.has_usable_password()
    response = Client().post(
        "/account/login/", {"username": api.user.username, "password": api.secret}
    )
    assert response.status_code == 200  # the login page again, with its error
    assert "_auth_user_id" not in Client().session


def test_requests_are_throttled_per_client(api_for, corporatie, other_org, settings):
    from django.core.cache import cache

    cache.clear()
    settings.API_THROTTLE_RATE = "3/minute"
    first, second = api_for(corporatie), api_for(other_org)
    assert [first.get("/api/v1/zaken/").status_code for _ in range(4)] == [200, 200, 200, 429]
    assert second.get("/api/v1/zaken/").status_code == 200
    cache.clear()
