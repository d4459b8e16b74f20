"""Letters: "Brief maken" on a case, and the templates under the functional admin's beheer.

Making a letter needs the case at `volledig` (the door answers 404, logged, below it) and
the permission to make letters (403 otherwise). The preview is a POST that changes nothing;
"Brief maken" stores the letter and logs the print with the addressee.
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from cases import access
from cases.models import AccessLog
from cases.models.choices import AccessLevel
from cases.views.beheer import permission
from cases.views.common import submitted
from woonoverlast.refusals import Refusal, answer_refusal

from . import compose, selectors, services
from .forms import LetterForm, LetterheadForm, LetterTemplateForm
from .placeholders import PLACEHOLDERS

MAKE = "maken"


@require_http_methods(["GET", "POST"])
def letter_make(request, reference):
    case_access = access.get_case_access(
        request,
        reference,
        action=AccessLog.Action.CREATE,
        minimum_level=AccessLevel.VOLLEDIG,
        resource="brief maken",
    )
    if not case_access.can_add("letter"):
        return render(request, "403.html", status=403)
    form = LetterForm(
        submitted(request),
        templates=selectors.templates_for_letters(request.user),
        persons=case_access.persons(),
    )
    preview = None
    if request.method == "POST" and form.is_valid():
        try:
            if request.POST.get("stap") == MAKE:
                letter = services.make_letter(
                    actor=request.user, access=case_access, **form.cleaned_data
                )
            else:
                preview = services.prepare_letter(
                    actor=request.user, access=case_access, **form.cleaned_data
                )
        except Refusal as refusal:
            answer_refusal(request, refusal, form=form)
        else:
            if preview is None:
                access.log_access(
                    request,
                    action=AccessLog.Action.PRINT,
                    outcome=AccessLog.Outcome.ALLOWED,
                    case=case_access.case,
                    person_id=letter.addressee_id,
                    resource=f"brief: {letter.template_name}",
                    level=letter.level,
                )
                messages.success(
                    request,
                    _("De brief %(name)s is gemaakt en staat als PDF en Word op de tijdlijn.")
                    % {"name": letter.template_name},
                )
                return redirect(reverse("cases:detail", args=[reference]) + "#timeline-heading")
    return render(
        request,
        "documents/letters/letter_form.html",
        {
            "case": case_access.case,
            "form": form,
            "preview": preview,
            "preview_html": compose.to_html(preview.content) if preview else "",
        },
    )


@require_GET
@permission("cases.view_lettertemplate")
def template_list(request):
    return render(
        request,
        "documents/letters/template_list.html",
        {
            "templates": selectors.own_templates(request.user).order_by("name"),
            "letterhead": selectors.own_letterhead(request.user),
            "may_add": request.user.has_perm("cases.add_lettertemplate"),
            "may_edit": request.user.has_perm("cases.change_lettertemplate"),
        },
    )


@require_http_methods(["GET", "POST"])
@permission("cases.change_lettertemplate")
def template_edit(request, pk=None):
    template = selectors.get_own_template(request, pk) if pk else None
    form = LetterTemplateForm(submitted(request), instance=template)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.save_letter_template(
                actor=request.user,
                template=template,
                **{name: form.cleaned_data[name] for name in services.TEMPLATE_FIELDS},
            )
        except Refusal as refusal:
            answer_refusal(request, refusal, form=form)
        else:
            messages.success(request, _("Briefsjabloon %(name)s is opgeslagen.") % {"name": saved})
            return redirect("letters:templates")
    return render(
        request,
        "documents/letters/template_form.html",
        {
            "form": form,
            "template": template,
            "placeholders": PLACEHOLDERS,
            "title": _("Briefsjabloon wijzigen") if template else _("Briefsjabloon toevoegen"),
        },
    )


@require_http_methods(["GET", "POST"])
@permission("cases.change_lettertemplate")
def letterhead_edit(request):
    form = LetterheadForm(submitted(request), instance=selectors.own_letterhead(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            services.save_letterhead(
                actor=request.user,
                text=form.cleaned_data["text"],
                closing=form.cleaned_data["closing"],
            )
        except Refusal as refusal:
            answer_refusal(request, refusal, form=form)
        else:
            messages.success(request, _("Het briefhoofd is opgeslagen."))
            return redirect("letters:templates")
    return render(
        request,
        "beheer/form.html",
        {
            "form": form,
            "title": _("Briefhoofd"),
            "subtitle": _("Boven elke brief van uw organisatie"),
            "submit_label": _("Briefhoofd opslaan"),
            "cancel_url": reverse("letters:templates"),
        },
    )
