"""The notification inbox, the e-mail preference, and the reminder thresholds a functional
admin keeps for the own organisation (the regional admin also for the default)."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cases import selectors_beheer
from cases.models import ReminderSettings
from cases.views.common import submitted
from woonoverlast.refusals import Refusal, answer_refusal

from . import selectors, services
from .forms import EmailPreferenceForm, ReminderSettingsForm

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


def _reminder_form(request, organisation_id, *, url_name, title):
    config = (
        ReminderSettings.for_organisation(organisation_id)
        if organisation_id is not None
        else ReminderSettings.current()
    )
    form = ReminderSettingsForm(submitted(request), instance=config)
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
    return render(
        request,
        "notifications/reminder_settings.html",
        {
            "form": form,
            "title": title,
            "is_default": organisation_id is None,
            "has_own": organisation_id is not None
            and selectors.own_reminder_settings(request.user) is not None,
            "keeps_defaults": selectors_beheer.keeps_regional_defaults(request.user),
        },
    )


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
        title=_("Herinneringen van %(name)s") % {"name": request.user.organisation},
    )


@require_http_methods(["GET", "POST"])
@permission_required("cases.manage_regional_defaults", raise_exception=True)
def reminder_settings_default(request):
    """The regional default, for organisations without thresholds of their own."""
    return _reminder_form(
        request,
        None,
        url_name="instellingen:reminders_default",
        title=_("Standaardherinneringen van de regio"),
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
                "Wilt u de eigen herinneringsinstellingen van uw organisatie verwijderen? "
                "Daarna gelden de standaardinstellingen van de regio."
            ),
            "submit_label": _("Standaard gebruiken"),
            "cancel_url": reverse("instellingen:reminders"),
        },
    )
