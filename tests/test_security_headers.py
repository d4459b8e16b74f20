"""Every page (found through the URL resolver, so new pages are included) carries the headers.

For a logged-in user every response may hold case data: no-store, CSP with a nonce on every
script, no inline handlers, HSTS over HTTPS, frame and referrer rules. A new URL parameter
name must get a value in PARAMS below; the test says so rather than skipping the page.
"""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from cases import services
from cases.models import Notification, RetentionCategory, RetentionRule
from cases.models.choices import Visibility
from partners.models import UserSession
from tests.factories import PASSWORD, access_for, add_note, add_person, add_report, make_case

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
SKIPPED_NAMESPACES = {"admin"}  # Django's admin: covered by the login rails, tested apart


def named_patterns(resolver=None, namespace="", outer=()):
    """(view name, parameter names) for every named URL pattern outside the skipped apps,
    with the parameters of the includes it sits in (a case's pages under its reference)."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        converters = set(getattr(entry.pattern, "converters", {})) | set(outer)
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            if entry.namespace in SKIPPED_NAMESPACES:
                continue
            yield from named_patterns(entry, inner, tuple(converters))
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", sorted(converters)


@pytest.fixture
def world(consulent, colleague):
    case = make_case(consulent)
    add_person(consulent, case, first_name="Jan", last_name="Jansen")
    add_report(consulent, case)
    add_note(consulent, case)
    attachment = services.add_attachment(
        actor=consulent,
        access=access_for(consulent, case),
        upload=SimpleUploadedFile("brief.pdf", PDF),
        content_type="application/pdf",
        visibility=Visibility.PARTICIPANTS,
    )
    transition = case.stage.exits.first()
    notification = Notification.objects.create(
        recipient=consulent, key="test", kind=Notification.Kind.STAGE_OVERDUE, text="x", case=case
    )
    rule = RetentionRule.objects.create(category=RetentionCategory.CASE, months_after_closure=24)
    return {
        "reference": case.reference,
        "attachment_id": attachment.pk,
        "transition_id": transition.pk,
        "notification_id": notification.pk,
        "rule_id": rule.pk,
        "stage_id": case.stage_id,
        "participation_id": 0,
        "person_id": 0,
        # Ids of objects this world does not hold: the 404 page must carry the headers too.
        "measure_id": 0,
        "series_id": 0,
        "meeting_id": 0,
        "item_id": 0,
        "request_id": 0,
        "document_id": 0,
        "user_id": colleague.pk,  # the Beheerder's pages of a user (403 for the consulent)
        "session_id": 0,
        "client_id": 0,  # the Beheerder's API clients (404: unknown)
        "verzoek_id": 0,  # the privacy officer's inzageverzoeken (403 for the consulent)
        "day_off_id": 0,  # a day off of a working calendar (404: unknown)
        "address_id": 0,  # a further address of the case (404: unknown)
        "key": "instroom",  # a figure's CSV on the figures page
        "kind": "stage",
        "action": "accept",
        "pk": None,  # filled per client: one of the user's own other sessions
        "uidb64": "MQ",  # Django's password reset link: an invalid one still renders a page
        "token": "set-password",
    }


def login(client, user):
    response = client.post(reverse("login"), {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302


def assert_headers(response, url, *, logged_in):
    headers = response.headers
    label = f"{url} ({response.status_code})"
    csp = headers.get("Content-Security-Policy", "")
    # Django names the nonce only in responses that used it (pages with a script).
    assert re.search(r"script-src 'self'( 'nonce-[^']+')?;", csp), label
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp, label
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp, label
    assert headers.get("X-Frame-Options") == "DENY", label
    assert headers.get("Referrer-Policy") == "same-origin", label
    assert headers.get("X-Content-Type-Options") == "nosniff", label
    assert headers.get("Strict-Transport-Security", "").startswith("max-age="), label
    if logged_in:
        cache = headers.get("Cache-Control", "")
        assert "no-store" in cache and "private" in cache, label
    if response.status_code == 200 and headers.get("Content-Type", "").startswith("text/html"):
        html = response.content.decode()
        scripts = re.findall(r"<script\b[^>]*>", html)
        nonce = re.search(r"'nonce-([^']+)'", csp).group(1) if scripts else None
        for tag in scripts:
            assert f'nonce="{nonce}"' in tag, f"{label}: script without the nonce: {tag}"
        assert not re.search(r"\son[a-z]+\s*=", html), f"{label}: inline event handler"
        assert "javascript:" not in html, label
        assert not re.search(r"<[a-z][^>]*\sstyle=", html), f"{label}: inline style"


def test_every_page_carries_the_security_headers(client, consulent, world, settings):
    settings.SECURE_HSTS_SECONDS = 31_536_000
    other = client.__class__()
    login(other, consulent)  # a second session, so the 'end this session' page exists
    login(client, consulent)
    world["pk"] = UserSession.objects.get(session_key=other.session.session_key).pk

    patterns = list(named_patterns())
    assert len(patterns) > 15
    unknown = {param for _name, params in patterns for param in params} - set(world)
    assert not unknown, f"give these URL parameters a value in the world fixture: {unknown}"

    checked = 0
    for name, params in patterns:
        url = reverse(name, kwargs={param: world[param] for param in params})
        if name == "logout":
            continue  # GET is not allowed and a POST would end the walk
        response = client.get(url, secure=True)
        assert_headers(response, url, logged_in=True)
        checked += 1
    assert checked == len(patterns) - 1


def test_with_2fa_required_a_password_alone_opens_no_page(client, consulent, world, settings):
    settings.WOONOVERLAST_REQUIRE_2FA = True
    login(client, consulent)
    world["pk"] = 0
    opened = set()
    for name, params in named_patterns():
        if name == "logout":
            continue
        url = reverse(name, kwargs={param: world[param] for param in params})
        response = client.get(url)
        if response.status_code != 302:
            opened.add(name)
        else:
            assert response["Location"].split("?")[0] in {
                reverse("account:otp_enrol"),
                reverse("cases:list"),  # the home redirect, itself sent on to enrolment
            }, url
    assert opened == {"login", "account:otp_enrol"}


def test_pages_for_anonymous_visitors_carry_the_headers_too(client, settings):
    settings.SECURE_HSTS_SECONDS = 31_536_000
    for url in (reverse("login"), "/zaken/", "/account/sessies/"):
        assert_headers(client.get(url, secure=True), url, logged_in=False)


def test_session_and_csrf_cookies_are_secure_and_httponly(client, consulent, settings):
    settings.SESSION_COOKIE_SECURE = True
    settings.CSRF_COOKIE_SECURE = True
    page = client.get(reverse("login"), secure=True)
    csrf = page.cookies["csrftoken"]
    assert csrf["secure"] and csrf["httponly"] and csrf["samesite"] == "Lax"
    response = client.post(
        reverse("login"), {"username": consulent.username, "password": PASSWORD}, secure=True
    )
    session = response.cookies["sessionid"]
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"


def test_the_walk_notices_a_page_without_no_store(client, consulent, world):
    """The header assertions can fail: a response without no-store is caught."""
    from django.http import HttpResponse

    response = HttpResponse("<p>zaak</p>")
    response["Content-Security-Policy"] = "script-src 'self' 'nonce-x'"
    with pytest.raises(AssertionError):
        assert_headers(response, "/nep/", logged_in=True)
