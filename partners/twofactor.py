"""Two-factor authentication: an authenticator app (TOTP) and single-use backup codes.

Built on django-otp's devices. A user has at most one confirmed TOTP device and one static
device holding the backup codes. Enrolment makes an unconfirmed TOTP device; it becomes the
user's device only once a code from the app has been checked, so a half-finished enrolment
never locks anyone out.
"""

from __future__ import annotations

import logging
from base64 import b32encode
from typing import cast

import django_otp
import qrcode
import qrcode.image.svg
from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import User

log = logging.getLogger("woonoverlast.security")

BACKUP_CODE_COUNT = 10
APP_DEVICE_NAME = "app"
BACKUP_DEVICE_NAME = "reservecodes"


def required() -> bool:
    return bool(settings.WOONOVERLAST_REQUIRE_2FA)


def has_device(user: User) -> bool:
    return django_otp.user_has_device(user, confirmed=True)


def pending_device(user: User) -> TOTPDevice:
    """The unconfirmed app device for this enrolment (made once, reused on reload)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    return device


def secret_for_manual_entry(device: TOTPDevice) -> str:
    """The key in base32, in groups of four, for typing into an app without a camera."""
    key = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def qr_svg(device: TOTPDevice) -> str:
    """The enrolment QR code as inline SVG: drawn here, no outside service sees the secret.

    SvgPathImage writes a single <path> with presentation attributes and no style attribute,
    so the page's Content Security Policy (style-src 'self') allows it.
    """
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=10)
    svg = image.to_string(encoding="unicode")
    # The XML declaration is not allowed inside HTML; sizing comes from the stylesheet.
    return svg[svg.index("<svg") :]


def _user(request: HttpRequest) -> User:
    # Both steps run only for a logged-in user (password checked, second factor pending).
    return cast(User, request.user)


def _clean(token: str) -> str:
    return "".join(token.split()).lower()


@transaction.atomic
def confirm_enrolment(request: HttpRequest, device: TOTPDevice, token: str) -> list[str] | None:
    """Confirm the pending app device with a code from the app.

    On success the user's older devices are replaced, new backup codes are made, the session
    counts as verified and the backup codes are returned (shown once). None: wrong code.
    """
    user = _user(request)
    device = TOTPDevice.objects.select_for_update().get(pk=device.pk, user=user)
    if device.confirmed or not device.verify_token(_clean(token)):
        return None
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = _replace_backup_codes(user)
    django_otp.login(request, device)
    log.info("2FA enrolled for user id %s", user.pk)
    return codes


@transaction.atomic
def new_backup_codes(user: User) -> list[str]:
    """Replace the user's backup codes; the old ones stop working at once."""
    codes = _replace_backup_codes(user)
    log.info("2FA backup codes renewed for user id %s", user.pk)
    return codes


def _replace_backup_codes(user: User) -> list[str]:
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=BACKUP_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def backup_codes_left(user: User) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


class Throttled(Exception):
    """Too many wrong codes in a row: django-otp makes the user wait before the next try."""


def verify(request: HttpRequest, token: str) -> bool:
    """Check a code from the app or a backup code; on success the session is verified.

    A backup code is used up by a successful check. Raises Throttled while every device
    is still in its waiting time after wrong codes.
    """
    user = _user(request)
    token = _clean(token)
    # App codes are digits, backup codes letters and digits: ask only the devices that fit.
    devices = [
        device
        for device in django_otp.devices_for_user(user, confirmed=True)
        if token.isdigit() or not isinstance(device, TOTPDevice)
    ]
    allowed = [device for device in devices if device.verify_is_allowed()[0]]
    if devices and not allowed:
        raise Throttled
    for device in allowed:
        verified = django_otp.verify_token(user, device.persistent_id, token)
        if verified is not None:
            django_otp.login(request, verified)
            return True
    log.info("2FA code refused for user id %s", user.pk)
    return False
