"""The account pages: the second login step, enrolment, backup codes and one's own sessions."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from . import sessions, twofactor
from .forms import TokenForm
from .middleware import otp_exempt
from .models import UserSession

BACKUP_CODES_SESSION_KEY = "woonoverlast_new_backup_codes"


def _next_url(request):
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return resolve_url(settings.LOGIN_REDIRECT_URL)


@otp_exempt
@require_http_methods(["GET", "POST"])
def otp_verify(request):
    """Second login step: a code from the app or a backup code."""
    if request.user.is_verified():
        return redirect(_next_url(request))
    if not twofactor.has_device(request.user):
        return redirect(f"{reverse('account:otp_enrol')}?{request.GET.urlencode()}")
    form = TokenForm(
        request.POST if request.method == "POST" else None,
        help_text=_("De zes cijfers uit uw authenticator-app, of een van uw reservecodes."),
    )
    if request.method == "POST" and form.is_valid():
        try:
            verified = twofactor.verify(request, form.cleaned_data["token"])
        except twofactor.Throttled:
            form.add_error(
                "token",
                _("Te veel onjuiste codes achter elkaar. Wacht een minuut en probeer het opnieuw."),
            )
        else:
            if verified:
                return redirect(_next_url(request))
            form.add_error(
                "token",
                _("Deze code klopt niet of is al gebruikt. Controleer de code en probeer opnieuw."),
            )
    return render(request, "account/otp_verify.html", {"form": form, "next": _next_url(request)})


@otp_exempt
@require_http_methods(["GET", "POST"])
def otp_enrol(request):
    """Set up the authenticator app: scan the QR code, then confirm with a first code."""
    user = request.user
    if twofactor.has_device(user) and not user.is_verified():
        # Whoever knows only the password may not swap in their own phone.
        return redirect(f"{reverse('account:otp_verify')}?{request.GET.urlencode()}")
    device = twofactor.pending_device(user)
    form = TokenForm(
        request.POST if request.method == "POST" else None,
        help_text=_("De zes cijfers die de app nu toont."),
    )
    if request.method == "POST" and form.is_valid():
        codes = twofactor.confirm_enrolment(request, device, form.cleaned_data["token"])
        if codes is not None:
            request.session[BACKUP_CODES_SESSION_KEY] = codes
            messages.success(request, _("Tweestapsverificatie is ingesteld."))
            url = reverse("account:otp_backup_codes")
            return redirect(f"{url}?next={_next_url(request)}")
        form.add_error(
            "token",
            _(
                "Deze code klopt niet. Kijk of de tijd op uw telefoon goed staat "
                "en probeer opnieuw."
            ),
        )
    return render(
        request,
        "account/otp_enrol.html",
        {
            "form": form,
            "qr_svg": twofactor.qr_svg(device),
            "secret": twofactor.secret_for_manual_entry(device),
            "replacing": twofactor.has_device(user),
            "required": twofactor.required(),
            "next": _next_url(request),
        },
    )


@require_GET
def otp_backup_codes(request):
    """New backup codes, shown exactly once: this page takes them out of the session."""
    codes = request.session.pop(BACKUP_CODES_SESSION_KEY, None)
    if not codes:
        messages.info(
            request, _("Reservecodes worden maar één keer getoond. Maak zo nodig nieuwe aan.")
        )
        return redirect("account:sessions")
    return render(
        request, "account/otp_backup_codes.html", {"codes": codes, "next": _next_url(request)}
    )


@require_http_methods(["GET", "POST"])
def otp_backup_codes_new(request):
    if request.method == "POST":
        request.session[BACKUP_CODES_SESSION_KEY] = twofactor.new_backup_codes(request.user)
        return redirect("account:otp_backup_codes")
    return render(
        request,
        "account/confirm.html",
        {
            "title": _("Nieuwe reservecodes maken"),
            "text": _(
                "U krijgt tien nieuwe reservecodes. "
                "Uw huidige reservecodes werken daarna niet meer."
            ),
            "submit_label": _("Nieuwe reservecodes maken"),
        },
    )


@require_GET
def session_list(request):
    user = request.user
    return render(
        request,
        "account/sessions.html",
        {
            "user_sessions": sessions.live_sessions(user),
            "current_key": request.session.session_key,
            "has_device": twofactor.has_device(user),
            "backup_codes_left": twofactor.backup_codes_left(user),
            "required": twofactor.required(),
            "idle_minutes": settings.SESSION_IDLE_TIMEOUT // 60,
            "lifetime_hours": round(settings.SESSION_ABSOLUTE_LIFETIME / 3600, 1),
        },
    )


@require_http_methods(["GET", "POST"])
def session_end(request, pk):
    user_session = get_object_or_404(UserSession, pk=pk, user=request.user)
    if user_session.session_key == request.session.session_key:
        raise Http404  # the current session ends by logging out
    if request.method == "POST":
        sessions.end_session(user_session)
        messages.success(request, _("De sessie is beëindigd."))
        return redirect("account:sessions")
    return render(
        request,
        "account/confirm.html",
        {
            "title": _("Sessie beëindigen"),
            "text": _(
                "De sessie die begon op %(start)s wordt beëindigd. Wie daar ingelogd is, "
                "moet opnieuw inloggen."
            )
            % {"start": date_format(localtime(user_session.created_at), "d-m-Y H:i")},
            "submit_label": _("Sessie beëindigen"),
        },
    )


@require_http_methods(["GET", "POST"])
def session_end_others(request):
    if request.method == "POST":
        ended = sessions.end_other_sessions(request.user, request.session.session_key)
        messages.success(request, _("Andere sessies beëindigd: %(n)d.") % {"n": ended})
        return redirect("account:sessions")
    return render(
        request,
        "account/confirm.html",
        {
            "title": _("Alle andere sessies beëindigen"),
            "text": _(
                "U wordt overal uitgelogd behalve hier. Doe dit ook als u denkt dat iemand "
                "anders met uw account is ingelogd, en wijzig dan uw wachtwoord."
            ),
            "submit_label": _("Alle andere sessies beëindigen"),
        },
    )


def lockout(request, original_response=None, credentials=None):
    """django-axes' response once a username is locked: a Dutch page, status 429."""
    cooloff = settings.AXES_COOLOFF_TIME
    return render(
        request,
        "registration/lockout.html",
        {
            "failure_limit": settings.AXES_FAILURE_LIMIT,
            "cooloff_minutes": int(cooloff.total_seconds() // 60) if cooloff else None,
        },
        status=429,
    )
