"""The Beheerder's screens under /beheer/koppelingen/: the API clients of their organisation.

Like the user management (views_users.py): a client of another organisation is a 404 and
logged; a role that manages no users gets 403. The secret is shown once, on the page that
answers the creation, and never again (only its hash is stored). See docs/adr/0020.
"""

from __future__ import annotations

import logging

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from woonoverlast.refusals import Refusal, answer_refusal

from . import selectors, services_api_clients
from .forms import ApiClientForm
from .views_users import permission

log = logging.getLogger("woonoverlast.security")


def _client(request, client_id):
    client = selectors.organisation_api_client(request.user, client_id)
    if client is None:
        log.warning(
            "api clients: user id %s refused client id %s (not of their organisation)",
            request.user.pk,
            client_id,
        )
        raise Http404("Koppeling niet gevonden")
    return client


@require_GET
@permission("partners.change_user")
def client_list(request):
    return render(
        request,
        "partners/api_clients/list.html",
        {
            "clients": selectors.organisation_api_clients(request.user),
            "organisation": request.user.organisation,
            "token_url": request.build_absolute_uri(reverse("api:token")),
        },
    )


@require_http_methods(["GET", "POST"])
@permission("partners.change_user")
def client_add(request):
    form = ApiClientForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            client, secret = services_api_clients.api_client_create(
                actor=request.user, organisation=request.user.organisation, **form.cleaned_data
            )
        except Refusal as refusal:
            answer_refusal(request, refusal, form=form)
        else:
            # Shown once, in this answer; never stored, never redirected to.
            return render(
                request,
                "partners/api_clients/created.html",
                {
                    "client": client,
                    "secret": secret,
                    "token_url": request.build_absolute_uri(reverse("api:token")),
                },
            )
    return render(
        request,
        "beheer/form.html",
        {
            "form": form,
            "title": _("Koppeling aanmaken"),
            "subtitle": request.user.organisation,
            "submit_label": _("Koppeling aanmaken"),
            "cancel_url": reverse("api_clients:list"),
        },
    )


@require_http_methods(["GET", "POST"])
@permission("partners.change_user")
def client_revoke(request, client_id):
    client = _client(request, client_id)
    back = reverse("api_clients:list")
    if request.method == "POST":
        try:
            services_api_clients.api_client_revoke(actor=request.user, client=client)
        except Refusal as refusal:
            answer_refusal(request, refusal)
        else:
            messages.success(request, _("De koppeling %(name)s is ingetrokken.") % {"name": client})
        return redirect(back)
    return render(
        request,
        "beheer/confirm.html",
        {
            "title": _("Koppeling intrekken"),
            "question": _(
                "Wilt u de koppeling %(name)s intrekken? Het systeem krijgt direct geen "
                "toegang meer; uitgegeven tokens werken niet meer. Dit kan niet ongedaan "
                "worden gemaakt: maak zo nodig een nieuwe koppeling."
            )
            % {"name": client},
            "submit_label": _("Intrekken"),
            "cancel_url": back,
        },
    )
