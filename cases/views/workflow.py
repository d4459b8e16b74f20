"""Moving a case through its workflow and recording decisions."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from woonoverlast.refusals import Refusal, answer_refusal

from .. import access, guards, selectors, services
from ..forms.workflow import DecisionForm, TransitionForm
from ..models import AccessLog
from ..models.choices import AccessLevel
from .common import render_contribution, submitted


@require_http_methods(["GET", "POST"])
def transition_take(request, reference, transition_id):
    case_access = access.get_case_access(
        request, reference, action=AccessLog.Action.CHANGE, minimum_level=AccessLevel.VOLLEDIG
    )
    option = next(
        (o for o in selectors.transition_options(case_access) if o.transition.pk == transition_id),
        None,
    )
    if option is None:
        access.log_access(
            request,
            action=AccessLog.Action.CHANGE,
            outcome=AccessLog.Outcome.DENIED,
            case=case_access.case,
            resource=request.path,
        )
        raise Http404("Overgang niet gevonden")
    transition = option.transition
    form = TransitionForm(
        submitted(request),
        transition=transition,
        decisions=guards.qualifying_decisions(case_access),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.transition_case(
                actor=request.user,
                access=case_access,
                transition=transition,
                justification=form.cleaned_data["justification"],
                decision=form.cleaned_data.get("decision"),
            )
        except Refusal as refusal:
            answer_refusal(request, refusal, form=form)
        else:
            messages.success(
                request, _("De zaak is nu in de fase %(stage)s.") % {"stage": transition.to_stage}
            )
            return redirect("cases:detail", reference=reference)
    return render(
        request,
        "cases/transition_form.html",
        {"case": case_access.case, "option": option, "transition": transition, "form": form},
    )


@require_http_methods(["GET", "POST"])
def decision_add(request, reference):
    case_access = access.get_case_access(
        request, reference, action=AccessLog.Action.CREATE, minimum_level=AccessLevel.VOLLEDIG
    )
    if not guards.may_move_case(case_access):
        return render(request, "403.html", status=403)
    form = DecisionForm(submitted(request))
    if request.method == "POST" and form.is_valid():
        services.record_decision(actor=request.user, access=case_access, **form.cleaned_data)
        messages.success(request, _("Het besluit is vastgelegd."))
        return redirect("cases:detail", reference=reference)
    return render_contribution(
        request, case_access, form, _("Besluit vastleggen"), _("Besluit vastleggen")
    )
