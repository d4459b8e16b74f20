"""The notification inbox, the e-mail preference, and the settings pages for reminders
and bewaartermijnen (functional admin) with the retention dry-run report (privacy).

The retention report shows the cases of the reader's own organisation only: its cases and
destruction records come from the door (`access.retention_cases`, `retention_records`).
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from .. import access, inbox, selectors_beheer
from ..forms_settings import EmailPreferenceForm, ReminderSettingsForm, RetentionRuleForm
from ..models import ReminderSettings
from ..services import notifications as notification_services
from ..services import retention as retention_services
from ..services import settings as settings_services
from .common import submitted

PAGE_SIZE = 25


@require_GET
def notification_list(request):
    shown = request.GET.get("toon", "ongelezen")
    notifications = inbox.visible_notifications(request.user).select_related("case")
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
    notification = get_object_or_404(inbox.visible_notifications(request.user), pk=notification_id)
    notification_services.mark_read(request.user, [notification.pk])
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
    count = notification_services.mark_read(request.user, ids)
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
        settings_services.set_email_preference(
            request.user, form.cleaned_data["notification_email"]
        )
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
            settings_services.update_reminder_settings(
                actor=request.user,
                organisation_id=organisation_id,
                **{name: form.cleaned_data[name] for name in form.Meta.fields},
            )
        except PermissionDenied as refused:
            form.add_error(None, str(refused))
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
            and selectors_beheer.own_reminder_settings(request.user) is not None,
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
        settings_services.use_default_reminder_settings(
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


@require_http_methods(["GET", "POST"])
@permission_required("cases.view_retentionrule", raise_exception=True)
def retention_rules(request):
    """The organisation's own bewaartermijnen and the regional defaults; never another
    organisation's (docs/adr/0013)."""
    user = request.user
    may_change = user.has_perm("cases.add_retentionrule")
    keeps_defaults = selectors_beheer.keeps_regional_defaults(user)
    form = None
    if may_change and (user.organisation is not None or keeps_defaults):
        form = RetentionRuleForm(
            submitted(request), organisation=user.organisation, keeps_defaults=keeps_defaults
        )
    if request.method == "POST":
        if form is None:
            return render(request, "403.html", status=403)
        if form.is_valid():
            try:
                settings_services.save_retention_rule(actor=user, rule=form.instance)
            except PermissionDenied as refused:
                form.add_error(None, str(refused))
            else:
                messages.success(request, _("De bewaartermijn is opgeslagen."))
                return redirect("instellingen:retention")
    rules = list(selectors_beheer.visible_retention_rules(user))
    for rule in rules:
        rule.may_delete = user.has_perm(
            "cases.delete_retentionrule"
        ) and selectors_beheer.owns_configuration(user, rule.organisation_id)
    return render(
        request,
        "notifications/retention_rules.html",
        {
            "rules": rules,
            "form": form,
            "may_change": may_change,
            "keeps_defaults": keeps_defaults,
            "default_months": settings.RETENTION_DEFAULT_MONTHS,
        },
    )


@require_http_methods(["GET", "POST"])
@permission_required("cases.delete_retentionrule", raise_exception=True)
def retention_rule_delete(request, rule_id):
    rule = selectors_beheer.get_retention_rule(request, rule_id)
    if not selectors_beheer.owns_configuration(request.user, rule.organisation_id):
        messages.error(
            request,
            _("Alleen de regionale functioneel beheerder wijzigt de standaardbewaartermijnen."),
        )
        return redirect("instellingen:retention")
    if request.method == "POST":
        settings_services.delete_retention_rule(actor=request.user, rule=rule)
        messages.success(request, _("De bewaartermijn is verwijderd."))
        return redirect("instellingen:retention")
    return render(request, "notifications/retention_rule_delete.html", {"rule": rule})


@require_GET
@permission_required("cases.view_destructionrecord", raise_exception=True)
def retention_report(request):
    planned = retention_services.plan(cases=access.retention_cases(request.user))
    records = access.retention_records(request.user)
    done = Paginator(records, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request, "notifications/retention_report.html", {"planned": planned, "done": done}
    )
