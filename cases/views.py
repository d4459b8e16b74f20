"""Thin views: parse the request, ask cases.access / cases.selectors, call a service, render."""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from . import access, selectors, services, workflow
from .forms import (
    AttachmentForm,
    CaseForm,
    DecisionForm,
    NoteForm,
    PersonForm,
    ReportForm,
    TransitionForm,
)
from .models import AccessLog
from .models.choices import AccessLevel


def _submitted(request, files=False):
    """Bound form data for a POST (even an empty one, so it gets errors), else unbound."""
    if request.method != "POST":
        return (None, None) if files else None
    return (request.POST, request.FILES) if files else request.POST


@require_GET
def case_list(request):
    case_filter = selectors.case_list(request)
    page = Paginator(case_filter.qs, settings.CASE_LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    selectors.mark_overdue(page.object_list)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "cases/case_list.html",
        {
            "filter": case_filter,
            "page": page,
            "query": query.urlencode(),
            "can_add_case": request.user.has_perm("cases.add_case"),
        },
    )


@require_http_methods(["GET", "POST"])
def case_create(request):
    if not request.user.has_perm("cases.add_case") or request.user.organisation_id is None:
        return render(request, "403.html", status=403)
    form = CaseForm(_submitted(request), organisation=request.user.organisation)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        case = services.create_case(actor=request.user, **data)
        messages.success(request, _("Zaak %(ref)s is geopend.") % {"ref": case.reference})
        return redirect("cases:detail", reference=case.reference)
    return render(request, "cases/case_form.html", {"form": form, "case": None})


@require_GET
def case_detail(request, reference):
    case_access = access.get_case_access(request, reference)
    return render(
        request,
        "cases/case_detail.html",
        {
            "access": case_access,
            "case": case_access.case,
            "case_persons": case_access.case_persons(),
            "timeline": selectors.case_timeline(case_access),
            "stage_status": selectors.stage_status(case_access.case),
            "stage_periods": selectors.stage_periods(case_access)
            if case_access.sees_process
            else [],
            "transition_options": selectors.transition_options(case_access),
            "may_record_decision": case_access.sees_details and workflow.may_move_case(case_access),
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
        _submitted(request),
        instance=case_access.case,
        organisation=case_access.case.lead_organisation,
    )
    if request.method == "POST" and form.is_valid():
        services.update_case(actor=request.user, access=case_access, **form.cleaned_data)
        messages.success(request, _("De zaakgegevens zijn opgeslagen."))
        return redirect("cases:detail", reference=reference)
    return render(request, "cases/case_form.html", {"form": form, "case": case_access.case})


def _contribution(request, reference, model_name):
    """The case for adding a record of `model_name`, or a response refusing it."""
    case_access = access.get_case_access(
        request, reference, action=AccessLog.Action.CREATE, minimum_level=AccessLevel.VOLLEDIG
    )
    if not case_access.can_add(model_name):
        return case_access, render(request, "403.html", status=403)
    return case_access, None


def _render_contribution(request, case_access, form, title, submit_label):
    return render(
        request,
        "cases/contribution_form.html",
        {
            "case": case_access.case,
            "form": form,
            "title": title,
            "submit_label": submit_label,
        },
    )


@require_http_methods(["GET", "POST"])
def person_add(request, reference):
    case_access, refusal = _contribution(request, reference, "caseperson")
    if refusal:
        return refusal
    form = PersonForm(_submitted(request), persons=access.visible_persons(request.user))
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        role, existing = data.pop("role"), data.pop("existing")
        services.add_person(
            actor=request.user,
            access=case_access,
            role=role,
            person=existing,
            **({} if existing else data),
        )
        messages.success(request, _("De betrokkene is toegevoegd."))
        return redirect("cases:detail", reference=reference)
    return _render_contribution(
        request, case_access, form, _("Betrokkene toevoegen"), _("Betrokkene toevoegen")
    )


@require_http_methods(["GET", "POST"])
def report_add(request, reference):
    case_access, refusal = _contribution(request, reference, "report")
    if refusal:
        return refusal
    case_persons = access.visible_persons(request.user).filter(case_roles__case=case_access.case)
    form = ReportForm(_submitted(request), case_persons=case_persons)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.add_report(
            actor=request.user,
            access=case_access,
            received_at=data["received_at"],
            category=data["category"],
            description=data["description"],
            source=data["source"],
            melder=data.get("melder"),
            melder_anonymous=data.get("melder_anonymous", False),
            new_melder=form.new_melder,
        )
        messages.success(request, _("De melding is vastgelegd."))
        return redirect("cases:detail", reference=reference)
    return _render_contribution(
        request, case_access, form, _("Melding vastleggen"), _("Melding vastleggen")
    )


@require_http_methods(["GET", "POST"])
def note_add(request, reference):
    case_access, refusal = _contribution(request, reference, "note")
    if refusal:
        return refusal
    form = NoteForm(_submitted(request))
    if request.method == "POST" and form.is_valid():
        services.add_note(actor=request.user, access=case_access, **form.cleaned_data)
        messages.success(request, _("De logboekregel is toegevoegd."))
        return redirect("cases:detail", reference=reference)
    return _render_contribution(
        request, case_access, form, _("Logboekregel toevoegen"), _("Logboekregel toevoegen")
    )


@require_http_methods(["GET", "POST"])
def attachment_add(request, reference):
    case_access, refusal = _contribution(request, reference, "attachment")
    if refusal:
        return refusal
    form = AttachmentForm(*_submitted(request, files=True))
    if request.method == "POST" and form.is_valid():
        services.add_attachment(
            actor=request.user,
            access=case_access,
            upload=form.cleaned_data["file"],
            content_type=form.detected_content_type,
            description=form.cleaned_data["description"],
            visibility=form.cleaned_data["visibility"],
        )
        messages.success(request, _("De bijlage is toegevoegd."))
        return redirect("cases:detail", reference=reference)
    return _render_contribution(
        request, case_access, form, _("Bijlage toevoegen"), _("Bijlage uploaden")
    )


@require_GET
def attachment_download(request, reference, attachment_id):
    _case_access, attachment = access.get_attachment(request, reference, attachment_id)
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_http_methods(["GET", "POST"])
def transition_take(request, reference, transition_id):
    case_access = access.get_case_access(
        request, reference, action=AccessLog.Action.CHANGE, minimum_level=AccessLevel.VOLLEDIG
    )
    option = next(
        (o for o in selectors.transition_options(case_access) if o.transition.pk == transition_id),
        None,
    )
    if option is None:
        raise Http404("Overgang niet gevonden")
    transition = option.transition
    form = TransitionForm(
        _submitted(request),
        transition=transition,
        decisions=workflow.qualifying_decisions(case_access),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.transition_case(
                actor=request.user,
                access=case_access,
                transition=transition,
                justification=form.cleaned_data["justification"],
                decision=form.cleaned_data.get("decision"),
            )
        except services.TransitionRefused as refused:
            for problem in refused.problems:
                form.add_error(None, problem)
        else:
            messages.success(
                request, _("De zaak is nu in de fase %(stage)s.") % {"stage": transition.to_stage}
            )
            return redirect("cases:detail", reference=reference)
    return render(
        request,
        "cases/transition_form.html",
        {"case": case_access.case, "option": option, "transition": transition, "form": form},
    )


@require_http_methods(["GET", "POST"])
def decision_add(request, reference):
    case_access = access.get_case_access(
        request, reference, action=AccessLog.Action.CREATE, minimum_level=AccessLevel.VOLLEDIG
    )
    if not workflow.may_move_case(case_access):
        return render(request, "403.html", status=403)
    form = DecisionForm(_submitted(request))
    if request.method == "POST" and form.is_valid():
        services.record_decision(actor=request.user, access=case_access, **form.cleaned_data)
        messages.success(request, _("Het besluit is vastgelegd."))
        return redirect("cases:detail", reference=reference)
    return _render_contribution(
        request, case_access, form, _("Besluit vastleggen"), _("Besluit vastleggen")
    )
