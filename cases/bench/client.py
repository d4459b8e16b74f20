"""A test client logged in the way a user logs in: password, then a code from the app.

The benchmark measures the product as it runs in production, where every user has a second
factor (WOONOVERLAST_REQUIRE_2FA is on). So its client does not skip the second step: it
posts the password to the login page, enrols an authenticator-app device through the
enrolment page the first time (later runs reuse that device) and gives the code the app would
show, exactly as a person does. The measured pages then pay what a real session pays, such as
django-otp loading the verified device on every request.
"""

from __future__ import annotations

import secrets
import time

from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from partners.models import User


class LoginFailed(Exception):
    pass


def _app_code(device: TOTPDevice) -> str:
    """The code the authenticator app shows now; waits for the next one if this was used."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    if totp.t() <= device.last_t:  # django-otp accepts each code once: wait for a new one
        time.sleep(device.step - (time.time() - device.t0) % device.step + 0.1)
    return f"{totp.token():0{device.digits}d}"


def _expect_redirect(response, step: str) -> None:
    if response.status_code != 302:
        raise LoginFailed(f"{step}: status {response.status_code}, expected a redirect")


def verified_client(user: User) -> Client:
    """A Client for `user` after the real login: password, then the second factor.

    Gives the (synthetic) benchmark user a new random password first: the data set creates
    its users without one.
    """
    password = secrets.token_urlsafe(24)
    user.set_password(password)
    user.save(update_fields=["password"])
    client = Client()
    response = client.post(reverse("login"), {"username": user.username, "password": password})
    _expect_redirect(response, "login")
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        client.get(reverse("account:otp_enrol"))  # makes the pending device, shows its QR code
        device = TOTPDevice.objects.get(user=user, confirmed=False)
        response = client.post(reverse("account:otp_enrol"), {"token": _app_code(device)})
        _expect_redirect(response, "enrolment")
    else:
        response = client.post(reverse("account:otp_verify"), {"token": _app_code(device)})
        _expect_redirect(response, "second factor")
    return client
