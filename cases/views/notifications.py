"""The notification inbox, the e-mail preference, and the settings pages for reminders
and bewaartermijnen (functional admin) with the retention dry-run report (privacy).

The retention report shows the cases of the reader's own organisation only: its cases and
destruction records come from the door (`access.retention_cases`, `retention_records`).
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from .. import access, inbox
from ..forms_settings import EmailPreferenceForm, ReminderSettingsForm, RetentionRuleForm
from ..models import ReminderSettings, RetentionRule
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


@require_http_methods(["GET", "POST"])
@permission_required("cases.change_remindersettings", raise_exception=True)
def reminder_settings(request):
    config = ReminderSettings.current()
    form = ReminderSettingsForm(submitted(request), instance=config)
    if request.method == "POST" and form.is_valid():
        settings_services.update_reminder_settings(
            **{name: form.cleaned_data[name] for name in form.Meta.fields}
        )
        messages.success(request, _("De herinneringsinstellingen zijn opgeslagen."))
        return redirect("instellingen:reminders")
    return render(request, "notifications/reminder_settings.html", {"form": form})


@require_http_methods(["GET", "POST"])
@permission_required("cases.view_retentionrule", raise_exception=True)
def retention_rules(request):
    may_change = request.user.has_perm("cases.add_retentionrule")
    form = RetentionRuleForm(submitted(request)) if may_change else None
    if request.method == "POST":
        if not may_change:
            return render(request, "403.html", status=403)
        if form.is_valid():
            settings_services.save_retention_rule(form.instance)
            messages.success(request, _("De bewaartermijn is opgeslagen."))
            return redirect("instellingen:retention")
    rules = RetentionRule.objects.select_related("organisation")
    return render(
        request,
        "notifications/retention_rules.html",
        {
            "rules": rules,
            "form": form,
            "may_change": may_change,
            "default_months": settings.RETENTION_DEFAULT_MONTHS,
        },
    )


@require_http_methods(["GET", "POST"])
@permission_required("cases.delete_retentionrule", raise_exception=True)
def retention_rule_delete(request, rule_id):
    rule = get_object_or_404(RetentionRule, pk=rule_id)
    if request.method == "POST":
        settings_services.delete_retention_rule(rule)
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
