"""The access log for the privacy officer (NEN 7513): overall, per case, per person, as CSV.

Reading the log is itself logged: per case and per person with the case or person concerned,
and every CSV export as an export.
"""

import csv
from datetime import UTC

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Value
from django.db.models.functions import Concat
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from woonoverlast.forms import style_form

from .. import access
from ..forms.accesslog import AccessLogFilter, PersonSearchForm
from ..models import AccessLog

PURPOSE = "toezicht op rechtmatige toegang (privacy officer, NEN 7513)"
CSV_COLUMNS = [
    ("tijdstip (UTC)", lambda row: row.at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")),
    ("gebruiker", lambda row: row.username),
    ("organisatie", lambda row: row.organisation_name),
    ("handeling", lambda row: row.get_action_display()),
    ("zaaknummer", lambda row: row.case_reference),
    ("persoon-id", lambda row: row.person_id_ref or ""),
    ("onderdeel", lambda row: row.resource),
    ("doel", lambda row: row.purpose),
    ("niveau", lambda row: row.level),
    ("uitkomst", lambda row: row.get_outcome_display()),
    ("adres", lambda row: row.client_address or ""),
]


def _forbidden(request):
    if not request.user.has_perm("cases.view_accesslog"):
        return render(request, "403.html", status=403)
    return None


# Spreadsheet programs read a cell starting with one of these as a formula (OWASP's list for
# CSV injection: tab and carriage return too, which some programs strip before parsing).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _csv_safe(value) -> str:
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def _respond(request, rows, template, context, filename, **log):
    """Render the filtered, paginated log, or (export=csv) the whole filtered log as CSV."""
    log_filter = AccessLogFilter(request.GET or None, queryset=rows)
    style_form(log_filter.form)
    rows = log_filter.qs.order_by("-at", "-id")
    if request.GET.get("export") == "csv":
        access.log_access(
            request,
            action=AccessLog.Action.EXPORT,
            outcome=AccessLog.Outcome.ALLOWED,
            resource=request.get_full_path()[:200],
            purpose=PURPOSE,
            **log,
        )
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
        response.write("\ufeff")  # so spreadsheet programs read UTF-8
        writer = csv.writer(response, delimiter=";")
        writer.writerow([name for name, _get in CSV_COLUMNS])
        for row in rows.iterator(chunk_size=2000):
            writer.writerow([_csv_safe(get(row)) for _name, get in CSV_COLUMNS])
        return response
    access.log_access(
        request,
        action=AccessLog.Action.VIEW,
        outcome=AccessLog.Outcome.ALLOWED,
        resource=request.get_full_path()[:200],
        purpose=PURPOSE,
        **log,
    )
    page = Paginator(rows, settings.ACCESS_LOG_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("export", None)
    export_query = query.copy()
    export_query["export"] = "csv"
    return render(
        request,
        template,
        {
            "filter": log_filter,
            "page": page,
            "query": query.urlencode(),
            "export_query": export_query.urlencode(),
            **context,
        },
    )


@require_GET
def log_overview(request):
    if refusal := _forbidden(request):
        return refusal
    return _respond(
        request,
        access.visible_access_log(request.user),
        "cases/accesslog/overview.html",
        {},
        "toegangslog",
    )


@require_GET
def log_for_case(request, reference):
    if refusal := _forbidden(request):
        return refusal
    case = access.privacy_cases(request.user).filter(reference=reference).first()
    if case is None:
        access.log_access(
            request,
            action=AccessLog.Action.VIEW,
            outcome=AccessLog.Outcome.DENIED,
            reference=reference,
            resource=request.path,
            purpose=PURPOSE,
        )
        raise Http404("Zaak niet gevonden")
    rows = access.visible_access_log(request.user).filter(case_id_ref=case.pk)
    return _respond(
        request,
        rows,
        "cases/accesslog/case.html",
        {"reference": case.reference},
        f"toegangslog-{case.reference}",
        case=case,
    )


@require_GET
def log_for_person(request, person_id):
    if refusal := _forbidden(request):
        return refusal
    person = access.privacy_persons(request.user).filter(pk=person_id).first()
    if person is None:
        access.log_access(
            request,
            action=AccessLog.Action.VIEW,
            outcome=AccessLog.Outcome.DENIED,
            resource=request.path,
            purpose=PURPOSE,
        )
        raise Http404("Persoon niet gevonden")
    return _respond(
        request,
        access.person_access_log(request.user, person),
        "cases/accesslog/person.html",
        {"person": person},
        f"toegangslog-persoon-{person.pk}",
        person_id=person.pk,
    )


@require_GET
def person_search(request):
    """Find the betrokkene of an inzageverzoek; the search is logged."""
    if refusal := _forbidden(request):
        return refusal
    form = PersonSearchForm(request.GET or None)
    persons = None
    if form.is_valid() and form.cleaned_data["q"].strip():
        term = form.cleaned_data["q"].strip()
        persons = (
            access.privacy_persons(request.user)
            .annotate(full_name_search=Concat("first_name", Value(" "), "last_name"))
            .filter(full_name_search__icontains=term)
            .order_by("last_name", "first_name")[:50]
        )
        access.log_access(
            request,
            action=AccessLog.Action.SEARCH,
            outcome=AccessLog.Outcome.ALLOWED,
            resource="personen zoeken (inzageverzoek)",
            purpose=PURPOSE,
        )
    return render(
        request,
        "cases/accesslog/person_search.html",
        {"form": form, "persons": persons},
    )
