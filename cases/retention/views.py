"""The bewaartermijnen a functional admin keeps, and the retention dry-run report (privacy).

The report shows the cases of the reader's own organisation only: its cases and destruction
records come from the door (`access.retention_cases`, `retention_records`).
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from cases import access, selectors_beheer
from cases.views.common import submitted
from woonoverlast.refusals import Refusal, answer_refusal

from . import selectors, services
from .forms import RetentionRuleForm

PAGE_SIZE = 25


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
                services.save_retention_rule(actor=user, rule=form.instance)
            except Refusal as refusal:
                answer_refusal(request, refusal, form=form)
            else:
                messages.success(request, _("De bewaartermijn is opgeslagen."))
                return redirect("instellingen:retention")
    rules = list(selectors.visible_retention_rules(user))
    for rule in rules:
        rule.may_delete = user.has_perm(
            "cases.delete_retentionrule"
        ) and selectors_beheer.owns_configuration(user, rule.organisation_id)
    return render(
        request,
        "retention/retention_rules.html",
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
    rule = selectors.get_retention_rule(request, rule_id)
    if not selectors_beheer.owns_configuration(request.user, rule.organisation_id):
        messages.error(
            request,
            _("Alleen de regionale functioneel beheerder wijzigt de standaardbewaartermijnen."),
        )
        return redirect("instellingen:retention")
    if request.method == "POST":
        services.delete_retention_rule(actor=request.user, rule=rule)
        messages.success(request, _("De bewaartermijn is verwijderd."))
        return redirect("instellingen:retention")
    return render(request, "retention/retention_rule_delete.html", {"rule": rule})


@require_GET
@permission_required("cases.view_destructionrecord", raise_exception=True)
def retention_report(request):
    planned = selectors.plan(
        cases=access.retention_cases(request.user),
        organisation_id=request.user.organisation_id,
    )
    records = access.retention_records(request.user)
    done = Paginator(records, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "retention/retention_report.html", {"planned": planned, "done": done})
