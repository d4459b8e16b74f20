"""A case's end and return: closing with a result, reopening, and earlier cases at an address.

Closing and reopening are pages of their own with a confirmation (a closing is not undone by
a stray click); the case page shows the closure as the reader's level allows
(`CaseAccess.closure`) and the earlier cases at the same address the reader sees fully.
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from woonoverlast.refusals import Refusal, answer_refusal

from .. import access
from ..forms.lifecycle import CloseCaseForm, ReopenCaseForm
from ..models import AccessLog
from ..models.case import address_key
from ..models.choices import AccessLevel
from ..services import lifecycle
from .common import submitted


def _with_reopen(user, cases) -> list:
    """The cases, each marked with whether this user may reopen it (asked of the door)."""
    cases = list(cases[:5])
    for case in cases:
        case_access = access.CaseAccess(case=case, user=user, level=case.access_level)
        case.may_reopen = not case.is_open and case_access.can_close_case
    return cases


def earlier_cases_of(case_access, further_addresses=None) -> list:
    """Other cases at any of this case's addresses that the reader sees fully
    (`further_addresses`: as the page loaded them from the door)."""
    case = case_access.case
    may_have_any = getattr(case, "others_at_address", True) or getattr(
        case, "has_further_addresses", True
    )
    if not case_access.sees_details or not may_have_any:
        return []
    if further_addresses is None:
        further_addresses = case_access.further_addresses()
    keys = {case_access.case.address_key, *(a.address_key for a in further_addresses)}
    return _with_reopen(
        case_access.user,
        access.earlier_cases_at(case_access.user, keys, exclude=case_access.case),
    )


def case_page_context(case_access, further_addresses=None) -> dict:
    """What the case page shows of the case's life: its closure and earlier cases at any of
    its addresses."""
    earlier = earlier_cases_of(case_access, further_addresses)
    closure = case_access.closure
    # A melding after the closing (within or after nazorg): the overlast may be back.
    returned = bool(
        closure
        and closure.closed_on
        and case_access.reports().filter(received_at__date__gt=closure.closed_on).exists()
    )
    return {"closure": closure, "earlier_cases": earlier, "melding_after_closing": returned}


def earlier_cases_for_address(user, postcode: str, house_number: str) -> list:
    """Cases this user sees fully at the address typed into the case form."""
    return _with_reopen(user, access.earlier_cases_at(user, address_key(postcode, house_number)))


def _change_access(request, reference):
    case_access = access.get_case_access(
        request, reference, action=AccessLog.Action.CHANGE, minimum_level=AccessLevel.VOLLEDIG
    )
    if not case_access.can_close_case:
        raise Refusal.forbidden(
            _("Alleen de aanbrengende organisatie en de casusregisseur sluiten een zaak af.")
        )
    return case_access


@require_http_methods(["GET", "POST"])
def case_close(request, reference):
    # A refusal of the role becomes a 403 through RefusalMiddleware.
    case_access = _change_access(request, reference)
    case = case_access.case
    if not case.is_open:
        messages.info(request, _("Deze zaak is al afgesloten."))
        return redirect("cases:detail", reference=reference)
    measures, items = lifecycle.open_work(case_access)
    form = CloseCaseForm(
        submitted(request),
        measures=case_access.measures().filter(pk__in=[m.pk for m in measures]),
        action_items=case_access.action_items().filter(pk__in=[i.pk for i in items]),
    )
    if request.method == "POST" and form.is_valid():
        try:
            lifecycle.close_case(actor=request.user, access=case_access, **form.service_arguments())
        except Refusal as refusal:
            answer_refusal(request, refusal, form=form)
        else:
            messages.success(
                request,
                _("Zaak %(ref)s is afgesloten en staat nu in nazorg.") % {"ref": reference},
            )
            return redirect("cases:detail", reference=reference)
    return render(
        request,
        "cases/lifecycle/close.html",
        {
            "case": case,
            "form": form,
            "final_stage": case.stage.is_final,
            "open_measures": measures,
            "open_action_items": items,
        },
    )


@require_http_methods(["GET", "POST"])
def case_reopen(request, reference):
    # A refusal of the role becomes a 403 through RefusalMiddleware.
    case_access = _change_access(request, reference)
    case = case_access.case
    if case.is_open:
        messages.info(request, _("Deze zaak is niet afgesloten."))
        return redirect("cases:detail", reference=reference)
    form = ReopenCaseForm(submitted(request))
    if request.method == "POST" and form.is_valid():
        try:
            lifecycle.reopen_case(
                actor=request.user, access=case_access, reason=form.cleaned_data["reason"]
            )
        except Refusal as refusal:
            answer_refusal(request, refusal, form=form)
        else:
            messages.success(request, _("Zaak %(ref)s is heropend.") % {"ref": reference})
            return redirect("cases:detail", reference=reference)
    return render(
        request,
        "cases/lifecycle/reopen.html",
        {"case": case, "form": form, "closure": case_access.closure},
    )
