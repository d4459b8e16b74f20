"""The notification inbox, the e-mail preference, and the reminder thresholds and working
calendar a functional admin keeps for the own organisation (the regional admin also for the
default)."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cases import clock, selectors_beheer
from cases.calendars import local_date
from cases.models import ReminderSettings
from cases.views.common import submitted
from woonoverlast.refusals import Refusal, answer_refusal

from . import selectors, services
from .forms import EmailPreferenceForm, ExtraDayOffForm, ReminderSettingsForm

PAGE_SIZE = 25


@require_GET
def notification_list(request):
    shown = request.GET.get("toon", "ongelezen")
    notifications = selectors.visible_notifications(request.user).select_related("case")
    if shown != "alle":
        shown = "ongelezen"
        notifications = notifications.filter(read_at__isnull=True)
    page = Paginator(notifications, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "notifications/list.html",
        {"page": page, "shown": shown, "preference": request.user.get_notification_email_display()},
    )


@require_GET
def notification_open(request, notification_id):
    notification = get_object_or_404(
        selectors.visible_notifications(request.user), pk=notification_id
    )
    services.mark_read(request.user, [notification.pk])
    if notification.link and url_has_allowed_host_and_scheme(
        notification.link, allowed_hosts={request.get_host()}
    ):
        return redirect(notification.link)
    return redirect("notifications:list")


@require_POST
def notification_mark_read(request):
    if request.POST.get("alle"):
        ids = None
    else:
        try:
            ids = [int(pk) for pk in request.POST.getlist("notification")]
        except ValueError:
            raise Http404 from None
        if not ids:
            messages.error(request, _("Selecteer eerst de notificaties die u gelezen heeft."))
            return redirect("notifications:list")
    count = services.mark_read(request.user, ids)
    messages.success(
        request,
        _("%(count)s notificatie(s) gemarkeerd als gelezen.") % {"count": count},
    )
    return redirect("notifications:list")


@require_http_methods(["GET", "POST"])
def email_preference(request):
    form = EmailPreferenceForm(
        submitted(request), initial={"notification_email": request.user.notification_email}
    )
    if request.method == "POST" and form.is_valid():
        services.set_email_preference(request.user, form.cleaned_data["notification_email"])
        messages.success(request, _("Uw voorkeur is opgeslagen."))
        return redirect("notifications:list")
    return render(request, "notifications/preference.html", {"form": form})


def _settings_shown(organisation_id):
    if organisation_id is None:
        return ReminderSettings.current()
    return ReminderSettings.for_organisation(organisation_id)


def _settings_page(request, organisation_id, *, form, day_form=None, title, url_name):
    """The settings page: thresholds, the working calendar's switches, its coming days off
    and the extra days (each removable where the row is the organisation's own)."""
    config = form.instance
    has_own = organisation_id is not None and config.organisation_id == organisation_id
    scope = "default" if organisation_id is None else "own"
    return render(
        request,
        "notifications/reminder_settings.html",
        {
            "form": form,
            "day_form": day_form or ExtraDayOffForm(),
            "title": title,
            "is_default": organisation_id is None,
            "has_own": has_own,
            "keeps_defaults": selectors_beheer.keeps_regional_defaults(request.user),
            "coming_days_off": selectors.coming_days_off(config, local_date(clock.now())),
            "extra_days_off": list(config.extra_days_off.all()),
            "may_remove_days": organisation_id is None or has_own,
            "day_add_url": reverse(DAY_URLS[scope][0]),
            "day_remove_url": DAY_URLS[scope][1],
            "url_name": url_name,
        },
    )


# The settings page per scope: the own organisation's or the regional default's.
PAGE_URLS = {"own": "instellingen:reminders", "default": "instellingen:reminders_default"}
# (add, remove) per scope: the own organisation's calendar or the regional default's.
DAY_URLS = {
    "own": ("instellingen:day_off_add", "instellingen:day_off_remove"),
    "default": ("instellingen:day_off_add_default", "instellingen:day_off_remove_default"),
}
TITLES = {
    "default": lambda request: _("Standaardherinneringen van de regio"),
    "own": lambda request: _("Herinneringen van %(name)s") % {"name": request.user.organisation},
}


def _reminder_form(request, organisation_id, *, url_name, title):
    form = ReminderSettingsForm(submitted(request), instance=_settings_shown(organisation_id))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_reminder_settings(
                actor=request.user,
                organisation_id=organisation_id,
                **{name: form.cleaned_data[name] for name in form.Meta.fields},
            )
        except Refusal as refusal:
            answer_refusal(request, refusal, form=form)
        else:
            messages.success(request, _("De herinneringsinstellingen zijn opgeslagen."))
            return redirect(url_name)
    return _settings_page(request, organisation_id, form=form, title=title, url_name=url_name)


def _day_off_add(request, organisation_id, scope):
    url_name = PAGE_URLS[scope]
    day_form = ExtraDayOffForm(request.POST)
    if day_form.is_valid():
        try:
            day_off = services.add_extra_day_off(
                actor=request.user, organisation_id=organisation_id, **day_form.cleaned_data
            )
        except Refusal as refusal:
            answer_refusal(request, refusal, form=day_form)
        else:
            messages.success(
                request,
                _("%(day)s staat nu als vrije dag in de kalender.")
                % {"day": date_format(day_off.day, "l j F Y")},
            )
            return redirect(url_name)
    form = ReminderSettingsForm(instance=_settings_shown(organisation_id))
    return _settings_page(
        request,
        organisation_id,
        form=form,
        day_form=day_form,
        title=TITLES[scope](request),
        url_name=url_name,
    )


def _day_off_remove(request, organisation_id, day_off_id, scope):
    url_name = PAGE_URLS[scope]
    day_off = selectors.extra_day_off(organisation_id, day_off_id)
    if day_off is None:
        raise selectors_beheer.not_found(request, "extra vrije dag", day_off_id)
    if request.method == "POST":
        try:
            services.remove_extra_day_off(
                actor=request.user, organisation_id=organisation_id, day_off_id=day_off.pk
            )
        except Refusal as refusal:
            answer_refusal(request, refusal)
            return redirect(url_name)
        messages.success(
            request,
            _("%(day)s is geen extra vrije dag meer.")
            % {"day": date_format(day_off.day, "l j F Y")},
        )
        return redirect(url_name)
    return render(
        request,
        "beheer/confirm.html",
        {
            "title": _("Vrije dag verwijderen"),
            "question": _(
                "Wilt u %(day)s (%(description)s) uit de kalender verwijderen? Termijnen in "
                "werkdagen tellen die dag daarna weer mee."
            )
            % {"day": date_format(day_off.day, "l j F Y"), "description": day_off.description},
            "submit_label": _("Verwijderen"),
            "cancel_url": reverse(url_name),
        },
    )


@require_POST
@permission_required("cases.change_remindersettings", raise_exception=True)
def day_off_add(request):
    """Add an extra day off to the own organisation's calendar."""
    if request.user.organisation_id is None:
        raise Http404
    return _day_off_add(request, request.user.organisation_id, "own")


@require_POST
@permission_required("cases.manage_regional_defaults", raise_exception=True)
def day_off_add_default(request):
    return _day_off_add(request, None, "default")


@require_http_methods(["GET", "POST"])
@permission_required("cases.change_remindersettings", raise_exception=True)
def day_off_remove(request, day_off_id):
    """Remove an extra day off of the own organisation (asks first)."""
    if request.user.organisation_id is None:
        raise Http404
    return _day_off_remove(request, request.user.organisation_id, day_off_id, "own")


@require_http_methods(["GET", "POST"])
@permission_required("cases.manage_regional_defaults", raise_exception=True)
def day_off_remove_default(request, day_off_id):
    return _day_off_remove(request, None, day_off_id, "default")


@require_http_methods(["GET", "POST"])
@permission_required("cases.change_remindersettings", raise_exception=True)
def reminder_settings(request):
    """The thresholds of the user's own organisation (the default until it saves its own)."""
    if request.user.organisation_id is None:
        return redirect("instellingen:reminders_default")
    return _reminder_form(
        request,
        request.user.organisation_id,
        url_name="instellingen:reminders",
        title=TITLES["own"](request),
    )


@require_http_methods(["GET", "POST"])
@permission_required("cases.manage_regional_defaults", raise_exception=True)
def reminder_settings_default(request):
    """The regional default, for organisations without thresholds of their own."""
    return _reminder_form(
        request,
        None,
        url_name="instellingen:reminders_default",
        title=TITLES["default"](request),
    )


@require_http_methods(["GET", "POST"])
@permission_required("cases.change_remindersettings", raise_exception=True)
def reminder_settings_use_default(request):
    if request.user.organisation_id is None:
        raise Http404
    if request.method == "POST":
        services.use_default_reminder_settings(
            actor=request.user, organisation_id=request.user.organisation_id
        )
        messages.success(request, _("Uw organisatie gebruikt weer de standaardherinneringen."))
        return redirect("instellingen:reminders")
    return render(
        request,
        "beheer/confirm.html",
        {
            "title": _("Standaardherinneringen gebruiken"),
            "question": _(
                "Wilt u de eigen herinneringsinstellingen van uw organisatie verwijderen, "
                "met de eigen werkkalender en de extra vrije dagen? Daarna gelden de "
                "standaardinstellingen van de regio."
            ),
            "submit_label": _("Standaard gebruiken"),
            "cancel_url": reverse("instellingen:reminders"),
        },
    )
