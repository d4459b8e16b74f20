"""The stuurinformatie page (/cijfers/), a CSV per figure, and the page as PDF.

Thin: the form parses the filters (bad input: Dutch errors, no figures, never a 500), the
selectors count, `charts` draws. CSV and PDF hold the same protected numbers as the page
and are logged as an export or print of aggregates (no case is named in them).
"""

from __future__ import annotations

import csv
from urllib.parse import urlencode

from django.contrib.auth.decorators import permission_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_GET

from cases.access import log_access
from cases.documents.rendering import html_to_pdf
from cases.models import AccessLog

from . import charts, selectors
from .figure import NOT_SHOWN_NOTE
from .forms import FiguresForm

PURPOSE = "stuurinformatie"


def _figures(request):
    form = FiguresForm(request.GET, user=request.user)
    if not form.is_valid():
        return form, None, []
    filters = form.filters()
    return form, filters, selectors.page_figures(request.user, filters, wijken=form.wijken)


def _context(request, form, filters, figures) -> dict:
    for figure in figures:
        figure.svg = charts.bar_chart(figure)
    return {
        "form": form,
        "filters": filters,
        "figures": figures,
        "query_string": urlencode(filters.query()) if filters else "",
        "note": NOT_SHOWN_NOTE,
        "printed_at": timezone.localtime(),
    }


@require_GET
@permission_required("cases.view_figures", raise_exception=True)
def figures_page(request):
    form, filters, figures = _figures(request)
    context = _context(request, form, filters, figures)
    return render(request, "figures/page.html", context, status=200 if filters else 400)


@require_GET
@permission_required("cases.view_figures", raise_exception=True)
def figure_csv(request, key: str):
    form, filters, figures = _figures(request)
    if filters is None:
        return HttpResponse(
            " ".join(str(error) for errors in form.errors.values() for error in errors),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    figure = next((figure for figure in figures if figure.key == key), None)
    if figure is None:
        raise Http404
    log_access(
        request,
        action=AccessLog.Action.EXPORT,
        outcome=AccessLog.Outcome.ALLOWED,
        resource=f"cijfers/{key}" + (" (regio)" if filters.regional else ""),
        purpose=PURPOSE,
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="cijfers-{key}.csv"'
    response.write("\ufeff")  # Excel reads UTF-8 with a BOM
    writer = csv.writer(response, delimiter=";")
    writer.writerows(figure.csv_rows())
    return response


@require_GET
@permission_required("cases.view_figures", raise_exception=True)
def figures_pdf(request):
    form, filters, figures = _figures(request)
    if filters is None:
        return render(request, "figures/page.html", _context(request, form, None, []), status=400)
    html = render_to_string(
        "figures/pdf.html", _context(request, form, filters, figures), request=request
    )
    log_access(
        request,
        action=AccessLog.Action.PRINT,
        outcome=AccessLog.Outcome.ALLOWED,
        resource="cijfers" + (" (regio)" if filters.regional else ""),
        purpose=PURPOSE,
    )
    pdf, _pages = html_to_pdf(html)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="stuurinformatie.pdf"'
    return response
