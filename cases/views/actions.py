"""Actiepunten: on the case page, added by hand, marked done, and the user's own list."""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from woonoverlast.refusals import Refusal, answer_refusal

from .. import access, services
from ..forms.actions import ActionItemForm
from ..models import AccessLog, ActionItem
from ..models.choices import AccessLevel
from .common import submitted


@require_http_methods(["GET", "POST"])
def action_add(request, reference):
    case_access = access.get_case_access(
        request, reference, action=AccessLog.Action.CREATE, minimum_level=AccessLevel.PROCES
    )
    if not case_access.can_add_action_item:
        return render(request, "403.html", status=403)
    form = ActionItemForm(
        submitted(request), organisations=services.action_owner_organisations(case_access)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.add_action_item(actor=request.user, access=case_access, **form.cleaned_data)
        except Refusal as refusal:
            answer_refusal(request, refusal, form=form)
        else:
            messages.success(request, _("Het actiepunt is toegevoegd."))
            return redirect("cases:detail", reference=reference)
    title = _("Actiepunt toevoegen")
    return render(
        request,
        "cases/contribution_form.html",
        {
            "case": case_access.case,
            "form": form,
            "title": title,
            "submit_label": title,
            "process_only": not case_access.sees_details,
        },
    )


@require_POST
def action_complete(request, reference, item_id):
    case_access = access.get_case_access(
        request, reference, action=AccessLog.Action.CHANGE, minimum_level=AccessLevel.PROCES
    )
    item = case_access.action_items().filter(pk=item_id).first()
    if item is None:
        raise Http404("Actiepunt niet gevonden")
    if not case_access.can_complete_action_item(item):
        return render(request, "403.html", status=403)
    services.complete_action_item(actor=request.user, access=case_access, item=item)
    messages.success(request, _("Het actiepunt is afgerond."))
    next_url = request.POST.get("next", "")
    if next_url == "mine":
        return redirect("cases:my_actions")
    return redirect("cases:detail", reference=reference)


@require_GET
def my_actions(request):
    """Open actiepunten owned by the user or, unassigned, by their organisation."""
    user = request.user
    items = (
        access.visible_action_items(user)
        .filter(status=ActionItem.Status.OPEN)
        .select_related("case", "owner", "owner_organisation")
        .order_by("due_on", "id")
    )
    scope = request.GET.get("wie", "")
    if scope == "organisatie":
        items = items.filter(owner_organisation_id=user.organisation_id)
    else:
        items = items.filter(
            Q(owner=user) | Q(owner__isnull=True, owner_organisation_id=user.organisation_id)
        )
    query = request.GET.get("q", "").strip()
    if query:
        items = items.filter(Q(title__icontains=query) | Q(case__reference__icontains=query))
    page = Paginator(items, settings.CASE_LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "cases/my_actions.html",
        {"page": page, "scope": scope, "q": query, "query": params.urlencode()},
    )
