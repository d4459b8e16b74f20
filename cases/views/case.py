"""Case list, opening, page and editing."""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from woonoverlast.refusals import Refusal, answer_refusal

from .. import access, guards, selectors, services
from ..forms.records import CaseForm
from ..models import AccessLog
from ..models.choices import AccessLevel
from .common import submitted
from .lifecycle import case_page_context, earlier_cases_for_address


@require_GET
def case_list(request):
    case_list = selectors.case_list(request)
    if request.GET.get("q", "").strip():
        # A search (often on a name) is a lookup of case data; the term itself is not logged.
        access.log_access(
            request,
            action=AccessLog.Action.SEARCH,
            outcome=AccessLog.Outcome.ALLOWED,
            resource="zaaklijst: zoeken",
        )
    page = Paginator(case_list.rows, settings.CASE_LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    selectors.mark_overdue(page.object_list)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "cases/case_list.html",
        {
            "filter": case_list.filter,
            "page": page,
            "query": query.urlencode(),
            "more_than_counted": case_list.rows.more_than_counted,
            "can_add_case": request.user.has_perm("cases.add_case"),
        },
    )


@require_http_methods(["GET", "POST"])
def case_create(request):
    if not request.user.has_perm("cases.add_case") or request.user.organisation_id is None:
        return render(request, "403.html", status=403)
    form = CaseForm(submitted(request), organisation=request.user.organisation)
    earlier_cases = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        # Recidive: an earlier case at this address is shown first, with the offer to reopen it.
        earlier_cases = earlier_cases_for_address(
            request.user, data["postcode"], data["house_number"]
        )
        if not earlier_cases or request.POST.get("toch_nieuw"):
            try:
                case = services.create_case(actor=request.user, **data)
            except Refusal as refusal:
                answer_refusal(request, refusal, form=form)
            else:
                messages.success(request, _("Zaak %(ref)s is geopend.") % {"ref": case.reference})
                return redirect("cases:detail", reference=case.reference)
    return render(
        request,
        "cases/case_form.html",
        {"form": form, "case": None, "earlier_cases": earlier_cases},
    )


@require_GET
def case_detail(request, reference):
    case_access = access.get_case_access(request, reference)
    events, all_events = selectors.recent_events(case_access)
    action_items = list(case_access.action_items())
    for item in action_items:
        item.may_complete = case_access.can_complete_action_item(item)
    case_persons = list(case_access.case_persons())
    measures = selectors.case_measures(case_access)
    calendar = selectors.lead_calendar(case_access.case)
    further_addresses = list(case_access.further_addresses())
    return render(
        request,
        "cases/case_detail.html",
        {
            "access": case_access,
            "case": case_access.case,
            "case_persons": case_persons,
            "timeline": selectors.case_timeline(
                case_access,
                events=events,
                loaded_already={
                    "caseperson": case_persons,
                    "actionitem": action_items,
                    "measure": measures,
                    "caseaddress": further_addresses,
                },
            ),
            "further_addresses": further_addresses,
            "stage_status": selectors.stage_status(case_access.case, calendar),
            "stage_periods": selectors.stage_periods(
                case_access, all_events=events if all_events else None, calendar=calendar
            )
            if case_access.sees_process
            else [],
            "transition_options": selectors.transition_options(case_access),
            "may_record_decision": case_access.sees_details and guards.may_move_case(case_access),
            "action_items": action_items,
            "instrument_groups": selectors.instrument_suggestions(case_access),
            "measures": measures,
            **case_page_context(case_access, further_addresses),
        },
    )


@require_http_methods(["GET", "POST"])
def case_edit(request, reference):
    case_access = access.get_case_access(
        request, reference, action=AccessLog.Action.CHANGE, minimum_level=AccessLevel.VOLLEDIG
    )
    if not case_access.can_edit_case:
        return render(request, "403.html", status=403)
    form = CaseForm(
        submitted(request),
        instance=case_access.case,
        organisation=case_access.case.lead_organisation,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_case(actor=request.user, access=case_access, **form.cleaned_data)
        except Refusal as refusal:
            answer_refusal(request, refusal, form=form)
        else:
            messages.success(request, _("De zaakgegevens zijn opgeslagen."))
            return redirect("cases:detail", reference=reference)
    return render(request, "cases/case_form.html", {"form": form, "case": case_access.case})
