"""Two-factor authentication: enrolment, the second login step, backup codes, the demo switch."""

import re
import time

import pytest
import time_machine
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import PASSWORD

LOGIN = "/account/login/"
CASES = "/zaken/"


def app_code(device):
    """The code the user's authenticator app shows now (time.time(), so time_machine moves it)."""
    device.refresh_from_db()
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def log_in_with_password(client, user):
    response = client.post(LOGIN, {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:500]
    return response


def enrol(client):
    """Go through enrolment; returns (device, backup codes shown)."""
    client.get(reverse("account:otp_enrol"))
    device = TOTPDevice.objects.get(confirmed=False)
    response = client.post(reverse("account:otp_enrol"), {"token": app_code(device)})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", page)
    device.refresh_from_db()
    return device, codes


@pytest.fixture
def required(settings):
    settings.WOONOVERLAST_REQUIRE_2FA = True


def test_user_without_device_is_sent_to_enrolment_and_sees_no_case_data(
    client, consulent, required
):
    log_in_with_password(client, consulent)
    response = client.get(CASES)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account:otp_enrol')}?next=%2Fzaken%2F"
    # Every case page is behind it, the admin too.
    assert client.get("/zaken/nieuw/").status_code == 302
    assert client.get("/admin/").status_code == 302


def test_enrolment_shows_an_inline_qr_code_and_the_key(client, consulent, required):
    log_in_with_password(client, consulent)
    response = client.get(reverse("account:otp_enrol"))
    page = response.content.decode()
    device = TOTPDevice.objects.get(user=consulent)
    assert not device.confirmed
    svg = re.search(r"<svg.*?</svg>", page, re.S).group(0)
    assert "<path" in svg
    # Drawn on the server, allowed by the CSP: no script, no style attribute, no outside image.
    assert (
        "style=" not in svg
        and "<script" not in svg
        and "http" not in svg.replace("http://www.w3.org/2000/svg", "")
    )
    assert "Content-Security-Policy" in response.headers
    # The manual key is the device's secret in groups of four.
    key = re.search(r'<code class="app-secret">([A-Z2-7 ]+)</code>', page).group(1)
    assert len(key.replace(" ", "")) == 32
    # A reload does not make another device.
    client.get(reverse("account:otp_enrol"))
    assert TOTPDevice.objects.filter(user=consulent).count() == 1


def test_enrolment_with_a_wrong_code_confirms_nothing(client, consulent, required):
    log_in_with_password(client, consulent)
    client.get(reverse("account:otp_enrol"))
    device = TOTPDevice.objects.get(user=consulent)
    wrong = f"{(int(app_code(device)) + 1) % 1_000_000:06d}"
    response = client.post(reverse("account:otp_enrol"), {"token": wrong})
    assert response.status_code == 200
    assert "Deze code klopt niet" in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed
    assert not StaticToken.objects.exists()
    assert client.get(CASES).status_code == 302


def test_enrolment_confirms_shows_backup_codes_once_and_opens_the_cases(
    client, consulent, required
):
    log_in_with_password(client, consulent)
    client.get(CASES)
    client.get(f"{reverse('account:otp_enrol')}?next=/zaken/")
    device = TOTPDevice.objects.get(user=consulent)
    response = client.post(
        reverse("account:otp_enrol"), {"token": app_code(device), "next": "/zaken/"}
    )
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account:otp_backup_codes"))
    page = client.get(response["Location"]).content.decode()
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", page)
    assert len(codes) == 10
    assert 'href="/zaken/"' in page
    assert sorted(StaticToken.objects.values_list("token", flat=True)) == sorted(codes)
    # Shown once: a second look finds nothing.
    again = client.get(reverse("account:otp_backup_codes"))
    assert again.status_code == 302
    assert client.get(CASES).status_code == 200


def test_next_login_asks_for_the_code_after_the_password(client, consulent, required):
    log_in_with_password(client, consulent)
    device, _codes = enrol(client)
    client.post(reverse("logout"))

    with time_machine.travel(time.time() + 60, tick=False):
        log_in_with_password(client, consulent)
        response = client.get(CASES)
        assert response["Location"] == f"{reverse('account:otp_verify')}?next=%2Fzaken%2F"
        page = client.get(response["Location"])
        assert "Tweestapsverificatie" in page.content.decode()
        ok = client.post(
            reverse("account:otp_verify"), {"token": app_code(device), "next": "/zaken/"}
        )
        assert ok.status_code == 302
        assert ok["Location"] == "/zaken/"
        assert client.get(CASES).status_code == 200


def test_a_wrong_code_is_refused_and_then_throttled(client, consulent, required):
    log_in_with_password(client, consulent)
    device, _codes = enrol(client)
    client.post(reverse("logout"))
    start = time.time() + 60
    with time_machine.travel(start, tick=False):
        log_in_with_password(client, consulent)
        wrong = f"{(int(app_code(device)) + 1) % 1_000_000:06d}"
        response = client.post(reverse("account:otp_verify"), {"token": wrong})
        assert "Deze code klopt niet" in response.content.decode()
        # Straight after a wrong code even the right one must wait.
        response = client.post(reverse("account:otp_verify"), {"token": app_code(device)})
        assert "Te veel onjuiste codes" in response.content.decode()
        assert client.get(CASES).status_code == 302
    with time_machine.travel(start + 40, tick=False):
        response = client.post(reverse("account:otp_verify"), {"token": app_code(device)})
        assert response.status_code == 302
        assert client.get(CASES).status_code == 200


def test_a_backup_code_works_once(client, consulent, required):
    log_in_with_password(client, consulent)
    _device, codes = enrol(client)
    client.post(reverse("logout"))

    log_in_with_password(client, consulent)
    response = client.post(reverse("account:otp_verify"), {"token": codes[0].upper()})
    assert response.status_code == 302
    assert client.get(CASES).status_code == 200
    assert StaticToken.objects.filter(token=codes[0]).count() == 0
    client.post(reverse("logout"))

    with time_machine.travel(time.time() + 60, tick=False):
        log_in_with_password(client, consulent)
        response = client.post(reverse("account:otp_verify"), {"token": codes[0]})
        assert "Deze code klopt niet" in response.content.decode()
        assert client.get(CASES).status_code == 302


def test_password_alone_cannot_replace_the_phone(client, consulent, required):
    log_in_with_password(client, consulent)
    device, _codes = enrol(client)
    client.post(reverse("logout"))
    log_in_with_password(client, consulent)
    response = client.get(reverse("account:otp_enrol"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account:otp_verify"))
    client.post(reverse("account:otp_enrol"), {"token": "123456"})
    assert list(TOTPDevice.objects.filter(user=consulent)) == [device]


def test_verify_never_redirects_to_another_site(client, consulent, required):
    log_in_with_password(client, consulent)
    device, codes = enrol(client)
    client.post(reverse("logout"))
    log_in_with_password(client, consulent)
    response = client.post(
        reverse("account:otp_verify"), {"token": codes[1], "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("cases:list")


def test_new_backup_codes_replace_the_old_ones(client, consulent, required):
    log_in_with_password(client, consulent)
    _device, old = enrol(client)
    confirm = client.get(reverse("account:otp_backup_codes_new"))
    assert "werken daarna niet meer" in confirm.content.decode()
    response = client.post(reverse("account:otp_backup_codes_new"))
    page = client.get(response["Location"]).content.decode()
    new = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", page)
    assert len(new) == 10
    assert set(StaticToken.objects.values_list("token", flat=True)) == set(new)
    assert not set(old) & set(new)


def test_demo_setting_off_lets_users_without_a_device_in(client, consulent, settings):
    settings.WOONOVERLAST_REQUIRE_2FA = False
    log_in_with_password(client, consulent)
    assert client.get(CASES).status_code == 200


def test_demo_setting_off_still_asks_users_who_set_up_a_device(client, consulent, settings):
    settings.WOONOVERLAST_REQUIRE_2FA = True
    log_in_with_password(client, consulent)
    enrol(client)
    client.post(reverse("logout"))
    settings.WOONOVERLAST_REQUIRE_2FA = False
    log_in_with_password(client, consulent)
    assert client.get(CASES)["Location"].startswith(reverse("account:otp_verify"))
