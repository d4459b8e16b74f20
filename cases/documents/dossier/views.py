"""The procesdossier page: choose what goes in, get the PDF as a download."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from cases import access
from cases.models.choices import AccessLevel
from cases.views.common import submitted
from woonoverlast.refusals import Refusal, answer_refusal

from . import selectors, services
from .forms import DossierForm


@require_http_methods(["GET", "POST"])
def dossier(request, reference):
    # A partner at `proces` knows the case: told why it cannot make a dossier (403); below
    # that the case is not there for them (404, logged by the door).
    case_access = access.get_case_access(
        request, reference, minimum_level=AccessLevel.PROCES, purpose=services.PURPOSE
    )
    try:
        choices = selectors.dossier_choices(case_access)
    except Refusal as refusal:
        answer_refusal(request, refusal)  # a 403: this reader may make no dossier
        raise
    form = DossierForm(submitted(request), choices=choices)
    if request.method == "POST" and form.is_valid():
        try:
            made = services.generate_dossier(
                request=request, case_access=case_access, chosen=form.chosen
            )
        except Refusal as refusal:
            answer_refusal(request, refusal, form=form)
        else:
            response = HttpResponse(made.pdf, content_type="application/pdf")
            response["Content-Disposition"] = f'attachment; filename="{made.filename}"'
            return response
    return render(
        request,
        "documents/dossier/select.html",
        {"case": case_access.case, "access": case_access, "form": form},
    )
