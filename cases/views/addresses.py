"""A case's addresses: "Overlast verhuisd mee" and "Adres toevoegen" (issue 13, ADR 0030).

Both are pages of their own, for whoever may edit the case's details, as is removing a
further address typed by mistake (after a confirmation). A move changes the
case's current address, so it is asked twice: the first post shows what will happen (and
the earlier cases the reader knows at the new address), the second, confirmed, does it.
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from woonoverlast.refusals import Refusal, answer_refusal

from .. import access, services
from ..forms.addresses import AddAddressForm, MoveAddressForm
from ..models import AccessLog
from ..models.choices import AccessLevel
from .common import submitted
from .lifecycle import earlier_cases_for_address


def _address_access(request, reference):
    case_access = access.get_case_access(
        request, reference, action=AccessLog.Action.CHANGE, minimum_level=AccessLevel.VOLLEDIG
    )
    if not case_access.can_change_addresses:
        raise Refusal.forbidden(
            _("Alleen wie de zaakgegevens mag bewerken, legt adressen van de zaak vast.")
        )
    return case_access


@require_http_methods(["GET", "POST"])
def address_move(request, reference):
    # A refusal of the role becomes a 403 through RefusalMiddleware.
    case_access = _address_access(request, reference)
    # The wijk of the new address is often the same: offered, to change or empty.
    form = MoveAddressForm(submitted(request), initial={"wijk": case_access.case.wijk})
    confirm = False
    earlier_cases = []
    # "Aanpassen" on the confirmation: the form again, with what was typed.
    if request.method == "POST" and not request.POST.get("aanpassen") and form.is_valid():
        data = form.cleaned_data
        if request.POST.get("bevestigd"):
            try:
                services.move_case_address(actor=request.user, access=case_access, **data)
            except Refusal as refusal:
                answer_refusal(request, refusal, form=form)
            else:
                messages.success(
                    request,
                    _("De verhuizing is vastgelegd; het oude adres staat bij de eerdere adressen."),
                )
                return redirect("cases:detail", reference=reference)
        else:
            confirm = True
            earlier_cases = [
                case
                for case in earlier_cases_for_address(
                    request.user, data["postcode"], data["house_number"]
                )
                if case.pk != case_access.case.pk
            ]
    return render(
        request,
        "cases/addresses/move.html",
        {
            "case": case_access.case,
            "form": form,
            "confirm": confirm,
            "earlier_cases": earlier_cases,
        },
    )


@require_http_methods(["GET", "POST"])
def address_add(request, reference):
    case_access = _address_access(request, reference)
    form = AddAddressForm(submitted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.add_case_address(actor=request.user, access=case_access, **form.cleaned_data)
        except Refusal as refusal:
            answer_refusal(request, refusal, form=form)
        else:
            messages.success(request, _("Het adres is toegevoegd aan de zaak."))
            return redirect("cases:detail", reference=reference)
    return render(request, "cases/addresses/add.html", {"case": case_access.case, "form": form})


@require_http_methods(["GET", "POST"])
def address_remove(request, reference, address_id):
    case_access = _address_access(request, reference)
    address = next((one for one in case_access.further_addresses() if one.pk == address_id), None)
    if address is None:
        raise Refusal.not_found(_("Dit adres hoort niet bij deze zaak."))
    if request.method == "POST":
        services.remove_case_address(actor=request.user, access=case_access, address_id=address.pk)
        messages.success(request, _("Het adres is verwijderd uit de zaak."))
        return redirect("cases:detail", reference=reference)
    return render(
        request, "cases/addresses/remove.html", {"case": case_access.case, "address": address}
    )
