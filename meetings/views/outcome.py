"""Per agenda item: order, removal and the outcome (notulen, besluiten, actiepunten)."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from cases import services as case_services
from woonoverlast.refusals import Refusal, answer_refusal

from .. import selectors, services
from ..forms import ItemActionForm, ItemDecisionForm, OutcomeForm
from .common import log_cases, log_refused, meeting_for, run, submitted
from .planning import meeting_url


def _item(request, meeting_id, item_id):
    """(meeting, entry, access, refusal): the item as the coordinator's organisation may see
    it now; 404 (logged) when it sees the case below `proces` (a share revoked or lowered)."""
    meeting, refusal = meeting_for(request, meeting_id, coordinate=True)
    if refusal:
        return meeting, None, None, refusal
    item, entry = selectors.item_entry(request.user, meeting, item_id)
    access = selectors.case_access_for(request.user, entry.case) if entry else None
    if entry is None or access is None or not access.sees_process:
        if item is not None:
            log_refused(request, [item.case])
        raise Refusal.not_found("Agendapunt niet gevonden")
    return meeting, entry, access, None


@require_http_methods(["GET", "POST"])
def item_outcome(request, meeting_id, item_id):
    meeting, entry, access, refusal = _item(request, meeting_id, item_id)
    if refusal:
        return refusal
    item = entry.item
    form = OutcomeForm(
        submitted(request) if request.POST.get("form") == "uitkomst" else None,
        instance=item,
        full=entry.full,
    )
    decision_form = ItemDecisionForm(
        request.POST if request.POST.get("form") == "besluit" else None, prefix="besluit"
    )
    action_form = ItemActionForm(
        request.POST if request.POST.get("form") == "actiepunt" else None,
        prefix="actie",
        organisations=case_services.action_owner_organisations(access),
    )
    if request.method == "POST":
        saved = _save_outcome(request, item, form, decision_form, action_form)
        if saved:
            messages.success(request, saved)
            return redirect("meetings:item", meeting_id=meeting.pk, item_id=item.pk)
    log_cases(request, [(entry.case, entry.level)])
    return render(
        request,
        "meetings/item_outcome.html",
        {
            "meeting": meeting,
            "entry": entry,
            "item": item,
            "form": form,
            "decision_form": decision_form,
            "action_form": action_form,
            "read_only": meeting.is_final,
        },
    )


def _save_outcome(request, item, form, decision_form, action_form):
    """The saved form's success message, or None (errors are on the form)."""
    which = request.POST.get("form")
    try:
        if which == "uitkomst" and form.is_valid():
            services.record_outcome(actor=request.user, item=item, **form.outcome)
            return _("De uitkomst is opgeslagen.")
        if which == "besluit" and decision_form.is_valid():
            services.record_item_decision(
                actor=request.user, item=item, **decision_form.cleaned_data
            )
            return _("Het besluit is vastgelegd bij de zaak.")
        if which == "actiepunt" and action_form.is_valid():
            services.add_item_action(actor=request.user, item=item, **action_form.cleaned_data)
            return _("Het actiepunt is vastgelegd bij de zaak.")
    except Refusal as refusal:
        target = {"uitkomst": form, "besluit": decision_form, "actiepunt": action_form}[which]
        answer_refusal(request, refusal, form=target)
    return None


@require_POST
def item_move(request, meeting_id, item_id):
    meeting, entry, _access, refusal = _item(request, meeting_id, item_id)
    if refusal:
        return refusal
    item = entry.item
    offset = -1 if request.POST.get("richting") == "omhoog" else 1
    return run(
        request,
        lambda: services.move_item(actor=request.user, item=item, offset=offset),
        _("De volgorde is aangepast."),
        meeting_url(meeting) + "#agenda",
    )


@require_http_methods(["GET", "POST"])
def item_remove(request, meeting_id, item_id):
    meeting, entry, _access, refusal = _item(request, meeting_id, item_id)
    if refusal:
        return refusal
    item = entry.item
    if request.method == "POST":
        return run(
            request,
            lambda: services.remove_item(actor=request.user, item=item),
            _("%(ref)s is van de agenda gehaald.") % {"ref": item.case.reference},
            meeting_url(meeting),
        )
    return render(request, "meetings/item_remove.html", {"meeting": meeting, "item": item})
