"""The privacy officer's inzage pages: the list, registering, the dry run, the exports,
extending the term and closing.

Thin: parse, call a selector or service, render. Every dry run and export writes one
access-log row per case (action `export`, at the level the case was cut for, with the
person), so "wie heeft uw dossier ingezien" shows the answering too; a verzoek of another
organisation is 404 and logged.
"""

import json

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from cases import access, clock
from cases.calendars import local_date
from cases.models import AccessLog
from cases.views.common import submitted
from woonoverlast.refusals import Refusal, answer_refusal

from . import selectors, services
from .content import as_json, build_inzage, own_log_prefix
from .deadline import extended_deadline
from .forms import ExtensionForm, VerzoekFilterForm, VerzoekForm
from .pdf import render_inzage_pdf

PURPOSE = "beantwoorden inzageverzoek (art. 15 AVG)"
PAGE_SIZE = 25


def _verzoek(request, verzoek_id):
    """The verzoek of the user's organisation, or a logged 404."""
    try:
        return selectors.get_verzoek(request.user, verzoek_id)
    except Refusal as refusal:
        access.log_access(
            request,
            action=AccessLog.Action.VIEW,
            outcome=AccessLog.Outcome.DENIED,
            resource=request.path,
            purpose=PURPOSE,
        )
        answer_refusal(request, refusal)
        raise Http404 from refusal  # not reached: answer_refusal raises for NOT_FOUND


def _log_export(request, verzoek, content, what: str) -> None:
    resource = f"{own_log_prefix(verzoek)} {what}"
    if not content.cases:
        access.log_access(
            request,
            action=AccessLog.Action.EXPORT,
            outcome=AccessLog.Outcome.ALLOWED,
            person_id=verzoek.person_id,
            resource=resource,
            purpose=PURPOSE,
        )
    for case in content.cases:
        access.log_access(
            request,
            action=AccessLog.Action.EXPORT,
            outcome=AccessLog.Outcome.ALLOWED,
            case_id=case.case_id,
            reference=case.reference,
            person_id=verzoek.person_id,
            resource=resource,
            purpose=PURPOSE,
            level=case.level,
        )


@require_GET
@permission_required("cases.view_inzageverzoek", raise_exception=True)
def verzoek_list(request):
    form = VerzoekFilterForm(request.GET or None)
    term = status = ""
    if form.is_valid():
        term, status = form.cleaned_data["q"], form.cleaned_data["status"]
    rows = selectors.search_verzoeken(request.user, term=term, status=status)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "documents/inzage/list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "filtered": bool(term or status),
            "today": local_date(clock.now()),
            "may_add": request.user.has_perm("cases.add_inzageverzoek"),
        },
    )


@require_http_methods(["GET", "POST"])
@permission_required("cases.add_inzageverzoek", raise_exception=True)
def verzoek_create(request):
    initial = {}
    if request.method == "GET" and request.GET.get("persoon", "").isdigit():
        initial["person"] = int(request.GET["persoon"])
    form = VerzoekForm(submitted(request), user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            verzoek = services.register_inzageverzoek(
                actor=request.user,
                person=form.cleaned_data["person"],
                received_on=form.cleaned_data["received_on"],
                identity_checked_by=form.cleaned_data["identity_checked_by"],
            )
        except Refusal as refusal:
            answer_refusal(request, refusal, form=form)
        else:
            messages.success(
                request,
                _("Het inzageverzoek is geregistreerd. Uiterste datum: %(date)s.")
                % {"date": verzoek.deadline.strftime("%d-%m-%Y")},
            )
            return redirect("inzage:detail", verzoek_id=verzoek.pk)
    return render(
        request,
        "documents/inzage/form.html",
        {"form": form, "cancel_url": reverse("inzage:list")},
    )


@require_GET
@permission_required("cases.view_inzageverzoek", raise_exception=True)
def verzoek_detail(request, verzoek_id):
    """The verzoek and its dry run: what the export would hold, counted per case."""
    verzoek = _verzoek(request, verzoek_id)
    content = build_inzage(request.user, verzoek)
    _log_export(request, verzoek, content, "proefdraai")
    today = local_date(clock.now())
    may_change = request.user.has_perm("cases.change_inzageverzoek")
    return render(
        request,
        "documents/inzage/detail.html",
        {
            "verzoek": verzoek,
            "content": content,
            "totals": content.counts(),
            "today": today,
            "may_change": may_change,
            "may_extend": may_change
            and verzoek.is_open
            and not verzoek.is_extended
            and verzoek.in_first_month(today),
        },
    )


def _download(body: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
@permission_required("cases.view_inzageverzoek", raise_exception=True)
def verzoek_pdf(request, verzoek_id):
    verzoek = _verzoek(request, verzoek_id)
    content = build_inzage(request.user, verzoek)
    pdf, _pages = render_inzage_pdf(content)
    _log_export(request, verzoek, content, "export PDF")
    return _download(pdf, "application/pdf", f"inzage-{verzoek.number}.pdf")


@require_GET
@permission_required("cases.view_inzageverzoek", raise_exception=True)
def verzoek_json(request, verzoek_id):
    verzoek = _verzoek(request, verzoek_id)
    content = build_inzage(request.user, verzoek)
    body = json.dumps(as_json(content), ensure_ascii=False, indent=2).encode()
    _log_export(request, verzoek, content, "export JSON")
    return _download(body, "application/json; charset=utf-8", f"inzage-{verzoek.number}.json")


@require_http_methods(["GET", "POST"])
@permission_required("cases.change_inzageverzoek", raise_exception=True)
def verzoek_close(request, verzoek_id):
    verzoek = _verzoek(request, verzoek_id)
    detail = reverse("inzage:detail", kwargs={"verzoek_id": verzoek.pk})
    if request.method == "POST":
        try:
            services.close_inzageverzoek(actor=request.user, verzoek=verzoek)
        except Refusal as refusal:
            answer_refusal(request, refusal)
        else:
            messages.success(request, _("Het inzageverzoek is afgehandeld."))
        return redirect(detail)
    return render(
        request,
        "documents/inzage/confirm.html",
        {"verzoek": verzoek, "cancel_url": detail},
    )


@require_http_methods(["GET", "POST"])
@permission_required("cases.change_inzageverzoek", raise_exception=True)
def verzoek_extend(request, verzoek_id):
    verzoek = _verzoek(request, verzoek_id)
    detail = reverse("inzage:detail", kwargs={"verzoek_id": verzoek.pk})
    form = ExtensionForm(submitted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.extend_inzageverzoek(
                actor=request.user, verzoek=verzoek, reason=form.cleaned_data["reason"]
            )
        except Refusal as refusal:
            answer_refusal(request, refusal, form=form)
        else:
            messages.success(
                request,
                _("De termijn is verlengd. Laat de aanvrager dit weten, met de reden."),
            )
            return redirect(detail)
    return render(
        request,
        "documents/inzage/extend.html",
        {
            "verzoek": verzoek,
            "form": form,
            "new_deadline": extended_deadline(verzoek.received_on),
            "cancel_url": detail,
        },
    )
