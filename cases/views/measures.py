"""Measures on a case: apply an instrument, follow its status and outcome."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from woonoverlast.refusals import Refusal, answer_refusal

from .. import access
from ..forms.measures import MeasureForm, MeasureUpdateForm
from ..models import AccessLog
from ..models.choices import AccessLevel
from ..services import measures as measure_services
from .common import render_contribution, submitted


@require_http_methods(["GET", "POST"])
def measure_add(request, reference):
    case_access = access.get_case_access(
        request, reference, action=AccessLog.Action.CREATE, minimum_level=AccessLevel.VOLLEDIG
    )
    if not case_access.can_add_measure:
        return render(request, "403.html", status=403)
    initial = {"owner_organisation": request.user.organisation_id}
    if request.GET.get("instrument", "").isdigit():
        initial["instrument"] = int(request.GET["instrument"])
    form = MeasureForm(
        submitted(request),
        initial=initial,
        organisations=measure_services.measure_organisations(case_access),
    )
    if request.method == "POST" and form.is_valid():
        try:
            measure = measure_services.add_measure(
                actor=request.user, access=case_access, **form.cleaned_data
            )
        except Refusal as refusal:
            answer_refusal(request, refusal, form=form)
        else:
            messages.success(
                request, _("Maatregel %(name)s is vastgelegd.") % {"name": measure.instrument.name}
            )
            return redirect("cases:detail", reference=reference)
    return render_contribution(
        request, case_access, form, _("Maatregel vastleggen"), _("Maatregel vastleggen")
    )


@require_http_methods(["GET", "POST"])
def measure_edit(request, reference, measure_id):
    case_access = access.get_case_access(
        request, reference, action=AccessLog.Action.CHANGE, minimum_level=AccessLevel.VOLLEDIG
    )
    measure = case_access.measures().filter(pk=measure_id).first()
    if measure is None:
        raise Http404("Maatregel niet gevonden")
    if not case_access.can_change_measure(measure):
        return render(request, "403.html", status=403)
    form = MeasureUpdateForm(submitted(request), instance=measure)
    if request.method == "POST" and form.is_valid():
        try:
            measure_services.update_measure(
                actor=request.user, access=case_access, measure=measure, **form.cleaned_data
            )
        except Refusal as refusal:
            answer_refusal(request, refusal, form=form)
        else:
            messages.success(request, _("De maatregel is bijgewerkt."))
            return redirect("cases:detail", reference=reference)
    title = _("Maatregel bijwerken: %(name)s") % {"name": measure.instrument.name}
    return render_contribution(request, case_access, form, title, _("Maatregel opslaan"))
