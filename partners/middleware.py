"""Login rails that hold for every page: session time limits and two-factor authentication."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django_htmx.http import HttpResponseClientRedirect

from . import sessions, twofactor


def otp_exempt(view_func):
    """Mark a view a logged-in user may open before the second factor (the 2FA pages)."""
    view_func.otp_exempt = True
    return view_func


def _redirect(request, url_name, next_path):
    # The path only: a query string may hold a search term, which must not travel on.
    url = f"{reverse(url_name)}?{urlencode({'next': next_path})}"
    if request.headers.get("HX-Request") == "true":  # htmx follows this header, not a 302
        return HttpResponseClientRedirect(url)
    return redirect(url)


class SessionLimitsMiddleware:
    """Logs out a session that was idle too long or has reached its absolute lifetime."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            reason = sessions.expired_reason(request)
            if reason is not None:
                logout(request)
                if reason == "idle":
                    messages.info(
                        request,
                        _("U bent automatisch uitgelogd omdat u een tijd niet actief was."),
                    )
                else:
                    messages.info(
                        request,
                        _("Uw sessie had de maximale duur bereikt. Log opnieuw in."),
                    )
                return _redirect(request, "login", request.path)
            sessions.touch(request)
        return self.get_response(request)


class TwoFactorMiddleware:
    """After the password, a logged-in user must give a code before anything else.

    A user with a device is asked for a code; a user without one is sent to enrolment when
    WOONOVERLAST_REQUIRE_2FA is on (in the demo it is off, and users without a device pass).
    """

    ALWAYS_ALLOWED = {"login", "logout"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        if getattr(view_func, "otp_exempt", False):
            return None
        match = request.resolver_match
        if match is not None and match.view_name in self.ALWAYS_ALLOWED:
            return None
        if twofactor.has_device(user):
            return _redirect(request, "account:otp_verify", request.path)
        if twofactor.required():
            return _redirect(request, "account:otp_enrol", request.path)
        return None
