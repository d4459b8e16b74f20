"""Aanmelden voor overleg: from the case page, a caseworker asks the meeting a question."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cases import access
from cases.models import AccessLog
from cases.models.choices import AccessLevel
from woonoverlast.refusals import Refusal, answer_refusal

from .. import services
from ..forms import RequestForm
from .common import submitted


@require_http_methods(["GET", "POST"])
def request_create(request, reference):
    case_access = access.get_case_access(
        request, reference, action=AccessLog.Action.CREATE, minimum_level=AccessLevel.PROCES
    )
    series = services.series_for_request(request.user).order_by("name")
    if not series.exists():
        return render(request, "403.html", status=403)
    form = RequestForm(submitted(request), series=series)
    if request.method == "POST" and form.is_valid():
        try:
            agenda_request = services.request_discussion(
                actor=request.user, access=case_access, **form.cleaned_data
            )
        except Refusal as refusal:
            answer_refusal(request, refusal, form=form)
        else:
            messages.success(
                request,
                _("De zaak is aangemeld voor het overleg van %(meeting)s.")
                % {"meeting": agenda_request.meeting},
            )
            return redirect("cases:detail", reference=reference)
    return render(
        request,
        "meetings/request_form.html",
        {"case": case_access.case, "form": form},
    )
