"""Helpers shared by the case views."""

from django.shortcuts import render

from .. import access
from ..models import AccessLog
from ..models.choices import AccessLevel


def submitted(request, files=False):
    """Bound form data for a POST (even an empty one, so it gets errors), else unbound."""
    if request.method != "POST":
        return (None, None) if files else None
    return (request.POST, request.FILES) if files else request.POST


def contribution(request, reference, model_name):
    """The case for adding a record of `model_name`, or a response refusing it."""
    case_access = access.get_case_access(
        request, reference, action=AccessLog.Action.CREATE, minimum_level=AccessLevel.VOLLEDIG
    )
    if not case_access.can_add(model_name):
        return case_access, render(request, "403.html", status=403)
    return case_access, None


def render_contribution(request, case_access, form, title, submit_label, **context):
    return render(
        request,
        "cases/contribution_form.html",
        {
            "case": case_access.case,
            "form": form,
            "title": title,
            "submit_label": submit_label,
            **context,
        },
    )
