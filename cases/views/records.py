"""Contributions to a case: persons, meldingen, logboek and attachments.

Pickers about the case come from its `CaseAccess` (the melder picker offers only persons
known in this case), never from a wider set filtered here.
"""

from django.contrib import messages
from django.http import FileResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from woonoverlast.refusals import Refusal, answer_refusal

from .. import access, services
from ..forms.records import AttachmentForm, NoteForm, PersonForm, ReportForm
from .common import contribution, render_contribution, submitted
from .lifecycle import earlier_cases_of


@require_http_methods(["GET", "POST"])
def person_add(request, reference):
    case_access, refusal = contribution(request, reference, "caseperson")
    if refusal:
        return refusal
    form = PersonForm(submitted(request), persons=access.visible_persons(request.user))
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        role, existing = data.pop("role"), data.pop("existing")
        try:
            services.add_person(
                actor=request.user,
                access=case_access,
                role=role,
                person=existing,
                **({} if existing else data),
            )
        except Refusal as refusal:
            answer_refusal(request, refusal, form=form)
        else:
            messages.success(request, _("De betrokkene is toegevoegd."))
            return redirect("cases:detail", reference=reference)
    return render_contribution(
        request, case_access, form, _("Betrokkene toevoegen"), _("Betrokkene toevoegen")
    )


@require_http_methods(["GET", "POST"])
def report_add(request, reference):
    case_access, refusal = contribution(request, reference, "report")
    if refusal:
        return refusal
    form = ReportForm(submitted(request), case_persons=case_access.persons())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
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
                melder_consents_to_be_named=data.get("melder_consents_to_be_named", False),
                melder_consent_on=data.get("melder_consent_on"),
            )
        except Refusal as refusal:
            answer_refusal(request, refusal, form=form)
        else:
            messages.success(request, _("De melding is vastgelegd."))
            return redirect("cases:detail", reference=reference)
    # Recidive: a melding on an address with an earlier case says so, as opening a case does.
    return render_contribution(
        request,
        case_access,
        form,
        _("Melding vastleggen"),
        _("Melding vastleggen"),
        earlier_cases=earlier_cases_of(case_access),
    )


@require_http_methods(["GET", "POST"])
def note_add(request, reference):
    case_access, refusal = contribution(request, reference, "note")
    if refusal:
        return refusal
    form = NoteForm(submitted(request), organisation=request.user.organisation)
    if request.method == "POST" and form.is_valid():
        services.add_note(actor=request.user, access=case_access, **form.note_fields)
        messages.success(request, _("De logboekregel is toegevoegd."))
        return redirect("cases:detail", reference=reference)
    return render_contribution(
        request, case_access, form, _("Logboekregel toevoegen"), _("Logboekregel toevoegen")
    )


@require_http_methods(["GET", "POST"])
def attachment_add(request, reference):
    case_access, refusal = contribution(request, reference, "attachment")
    if refusal:
        return refusal
    form = AttachmentForm(*submitted(request, files=True))
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
    return render_contribution(
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
