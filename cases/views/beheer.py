"""Functional admin of the escalation workflows: versions, drafts, publishing, migration.

Only the workflow configuration is shown here, never case data: running cases appear as
numbers per stage. A functional admin sees the regional defaults and their own organisation's
workflows; another organisation's workflow is a 404 (cases.selectors_beheer), and a refused
change comes back as a Dutch message.
"""

from functools import wraps

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from woonoverlast.refusals import Refusal, answer_refusal

from .. import selectors_beheer as selectors
from ..forms.beheer import MigrationForm, StageForm, TargetForm, TransitionConfigForm
from ..models import Stage, Transition, Workflow
from ..services import workflow_config as config
from .common import submitted


def permission(perm):
    """Views for users with `perm` only; everyone else gets the 403 page."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.has_perm(perm):
                return render(request, "403.html", status=403)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def may_use_beheer(user) -> bool:
    return (
        user.has_perm("cases.view_workflow")
        or user.has_perm("partners.view_instrument")
        or user.has_perm("partners.view_user")
    )


@require_GET
def index(request):
    if not may_use_beheer(request.user):
        return render(request, "403.html", status=403)
    return render(request, "beheer/index.html")


@require_GET
@permission("cases.view_workflow")
def workflow_list(request):
    user = request.user
    workflows = list(selectors.visible_workflows(user))
    groups: dict[str, list[Workflow]] = {}
    for workflow in workflows:
        owner = str(workflow.organisation) if workflow.organisation else _("standaard")
        groups.setdefault(f"{workflow.name} ({owner})", []).append(workflow)
    own_lines = {w.name for w in workflows if w.organisation_id is not None}
    own_drafts = {w.name for w in workflows if w.organisation_id is not None and w.is_draft}
    for versions in groups.values():
        has_draft = any(w.is_draft for w in versions)
        for workflow in versions:
            published = workflow.status == Workflow.Status.PUBLISHED
            owns = selectors.owns_configuration(user, workflow.organisation_id)
            workflow.may_draft = owns and not has_draft and published
            # The default can be copied by an organisation that has no draft of its own yet.
            workflow.may_copy = (
                workflow.organisation_id is None
                and published
                and user.organisation_id is not None
                and workflow.name not in own_drafts
            )
            workflow.is_copied = workflow.organisation_id is None and workflow.name in own_lines
    return render(
        request,
        "beheer/workflow_list.html",
        {
            "groups": groups,
            "uses_default": not selectors.has_own_published_workflow(user),
            "keeps_defaults": selectors.keeps_regional_defaults(user),
        },
    )


@require_GET
@permission("cases.view_workflow")
def workflow_detail(request, pk):
    workflow = selectors.get_workflow(request, pk)
    in_use = config.stages_in_use(workflow, config.case_scope(request.user))
    owns = selectors.owns_configuration(request.user, workflow.organisation_id)
    stages = list(workflow.stages.order_by("order"))
    for stage in stages:
        stage.running = in_use.get(stage.pk, 0)
    transitions = workflow.transitions.select_related("from_stage", "to_stage").prefetch_related(
        "allowed_groups"
    )
    return render(
        request,
        "beheer/workflow_detail.html",
        {
            "workflow": workflow,
            "stages": stages,
            "transitions": transitions,
            "problems": config.workflow_problems(workflow) if workflow.is_draft else [],
            "running": sum(in_use.values()),
            "owns": owns,
            "may_edit": owns
            and workflow.is_draft
            and request.user.has_perm("cases.change_workflow"),
            "may_migrate": sum(in_use.values()) > 0
            and request.user.has_perm("cases.migrate_cases"),
        },
    )


@require_POST
@permission("cases.add_workflow")
def draft_create(request, pk):
    workflow = selectors.get_workflow(request, pk)
    try:
        draft = config.create_draft(actor=request.user, workflow=workflow)
    except Refusal as refusal:
        answer_refusal(request, refusal)
        return redirect("beheer:workflows")
    messages.success(
        request,
        _("Concept versie %(version)s is gemaakt. Wijzig het en publiceer het daarna.")
        % {"version": draft.version},
    )
    return redirect("beheer:workflow", pk=draft.pk)


@require_POST
@permission("cases.add_workflow")
def workflow_copy(request, pk):
    """Copy a published default as a draft of the user's own organisation."""
    workflow = selectors.get_workflow(request, pk)
    try:
        draft = config.copy_workflow(actor=request.user, workflow=workflow)
    except Refusal as refusal:
        answer_refusal(request, refusal)
        return redirect("beheer:workflows")
    messages.success(
        request,
        _(
            "Er is een eigen concept van %(name)s gemaakt. Pas het aan en publiceer het: "
            "daarna krijgen nieuwe zaken van uw organisatie deze werkwijze."
        )
        % {"name": draft.name},
    )
    return redirect("beheer:workflow", pk=draft.pk)


@require_http_methods(["GET", "POST"])
@permission("cases.change_workflow")
def use_default(request):
    """Give up the organisation's own published workflows: new cases get the default."""
    if request.method == "POST":
        try:
            retired = config.use_default_workflow(actor=request.user)
        except Refusal as refusal:
            answer_refusal(request, refusal)
        else:
            messages.success(
                request,
                _(
                    "Nieuwe zaken van uw organisatie krijgen weer de standaardwerkwijze "
                    "(%(count)s eigen versie(s) vervallen)."
                )
                % {"count": retired},
            )
        return redirect("beheer:workflows")
    return render(
        request,
        "beheer/confirm.html",
        {
            "title": _("Standaardwerkwijze gebruiken"),
            "question": _(
                "Wilt u de eigen werkwijze van uw organisatie laten vervallen? Nieuwe zaken "
                "krijgen dan de standaardwerkwijze; lopende zaken houden hun versie tot u ze "
                "overzet."
            ),
            "submit_label": _("Standaardwerkwijze gebruiken"),
            "cancel_url": reverse("beheer:workflows"),
        },
    )


@require_POST
@permission("cases.change_workflow")
def workflow_publish(request, pk):
    workflow = selectors.get_workflow(request, pk)
    try:
        config.publish_workflow(actor=request.user, workflow=workflow)
    except Refusal as refusal:
        if refusal.kind == Refusal.INVALID:
            messages.error(request, _("Het concept is niet gepubliceerd."))
        answer_refusal(request, refusal)
        return redirect("beheer:workflow", pk=pk)
    messages.success(
        request,
        _("Versie %(version)s is gepubliceerd: nieuwe zaken krijgen deze versie.")
        % {"version": workflow.version},
    )
    return redirect("beheer:workflow", pk=pk)


@require_http_methods(["GET", "POST"])
@permission("cases.delete_workflow")
def draft_discard(request, pk):
    workflow = selectors.get_workflow(request, pk)
    if request.method == "POST":
        try:
            config.discard_draft(actor=request.user, workflow=workflow)
        except Refusal as refusal:
            answer_refusal(request, refusal)
            return redirect("beheer:workflow", pk=pk)
        messages.success(request, _("Het concept is verwijderd."))
        return redirect("beheer:workflows")
    return render(
        request,
        "beheer/confirm.html",
        {
            "title": _("Concept verwijderen"),
            "question": _(
                "Wilt u concept versie %(version)s van %(name)s met al zijn fasen en "
                "overgangen verwijderen?"
            )
            % {"version": workflow.version, "name": workflow.name},
            "submit_label": _("Concept verwijderen"),
            "cancel_url": workflow_url(workflow),
        },
    )


def workflow_url(workflow):
    return reverse("beheer:workflow", kwargs={"pk": workflow.pk})


def _edit_form(request, workflow, form, save, title, submit_label):
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except Refusal as refusal:
            answer_refusal(request, refusal, form=form)
        else:
            messages.success(request, _("Opgeslagen."))
            return redirect("beheer:workflow", pk=workflow.pk)
    return render(
        request,
        "beheer/form.html",
        {
            "form": form,
            "title": title,
            "subtitle": str(workflow),
            "submit_label": submit_label,
            "cancel_url": workflow_url(workflow),
        },
    )


def _draft_or_refuse(request, pk):
    """The workflow, when it is a draft this user may edit; else a message (and the caller
    sends the user back to the workflow)."""
    workflow = selectors.get_workflow(request, pk)
    if not workflow.is_draft:
        messages.error(
            request, _("Een gepubliceerde versie verandert nooit; maak eerst een concept.")
        )
    elif not selectors.owns_configuration(request.user, workflow.organisation_id):
        messages.error(
            request,
            _(
                "De standaardwerkwijze wordt beheerd door de regionale functioneel beheerder. "
                "Maak een eigen kopie om haar aan te passen."
            ),
        )
        workflow.is_draft_of_other = True
    return workflow


def _editable(workflow) -> bool:
    return workflow.is_draft and not getattr(workflow, "is_draft_of_other", False)


@require_http_methods(["GET", "POST"])
@permission("cases.change_workflow")
def stage_edit(request, pk, stage_id=None):
    workflow = _draft_or_refuse(request, pk)
    if not _editable(workflow):
        return redirect("beheer:workflow", pk=pk)
    stage = get_object_or_404(Stage, pk=stage_id, workflow=workflow) if stage_id else None
    form = StageForm(submitted(request), instance=stage)

    def save(data):
        config.save_stage(actor=request.user, workflow=workflow, stage=stage, **data)

    return _edit_form(
        request,
        workflow,
        form,
        save,
        _("Fase wijzigen") if stage else _("Fase toevoegen"),
        _("Fase opslaan"),
    )


@require_http_methods(["GET", "POST"])
@permission("cases.change_workflow")
def transition_edit(request, pk, transition_id=None):
    workflow = _draft_or_refuse(request, pk)
    if not _editable(workflow):
        return redirect("beheer:workflow", pk=pk)
    transition = (
        get_object_or_404(Transition, pk=transition_id, workflow=workflow)
        if transition_id
        else None
    )
    form = TransitionConfigForm(submitted(request), instance=transition, workflow=workflow)

    def save(data):
        data = dict(data)
        groups = data.pop("allowed_groups")
        config.save_transition(
            actor=request.user,
            workflow=workflow,
            transition=transition,
            allowed_groups=groups,
            **data,
        )

    return _edit_form(
        request,
        workflow,
        form,
        save,
        _("Overgang wijzigen") if transition else _("Overgang toevoegen"),
        _("Overgang opslaan"),
    )


@require_http_methods(["GET", "POST"])
@permission("cases.change_workflow")
def item_delete(request, pk, kind, item_id):
    workflow = _draft_or_refuse(request, pk)
    if not _editable(workflow):
        return redirect("beheer:workflow", pk=pk)
    model = {"fase": Stage, "overgang": Transition}.get(kind)
    if model is None:
        raise Http404("Onbekend onderdeel")
    item = get_object_or_404(model, pk=item_id, workflow=workflow)
    if request.method == "POST":
        try:
            if model is Stage:
                config.delete_stage(actor=request.user, stage=item)
            else:
                config.delete_transition(actor=request.user, transition=item)
        except Refusal as refusal:
            answer_refusal(request, refusal)
            return redirect("beheer:workflow", pk=pk)
        messages.success(request, _("Verwijderd: %(item)s.") % {"item": item})
        return redirect("beheer:workflow", pk=pk)
    question = (
        _("Wilt u de fase %(item)s verwijderen, met alle overgangen van en naar deze fase?")
        if model is Stage
        else _("Wilt u de overgang %(item)s verwijderen?")
    )
    return render(
        request,
        "beheer/confirm.html",
        {
            "title": _("Verwijderen"),
            "question": question % {"item": item},
            "submit_label": _("Verwijderen"),
            "cancel_url": workflow_url(workflow),
        },
    )


@require_http_methods(["GET", "POST"])
@permission("cases.migrate_cases")
def migrate(request, pk):
    source = selectors.get_workflow(request, pk)
    in_use = config.stages_in_use(source, config.case_scope(request.user))
    target_form = TargetForm(
        request.GET or None, targets=selectors.published_targets(request.user, source)
    )
    target = target_form.cleaned_data["target"] if target_form.is_valid() else None
    form = None
    if target is not None and in_use:
        form = MigrationForm(submitted(request), source=source, target=target, in_use=in_use)
        if request.method == "POST" and form.is_valid():
            try:
                moved = config.migrate_cases(
                    actor=request.user, source=source, target=target, mapping=form.mapping
                )
            except Refusal as refusal:
                answer_refusal(request, refusal, form=form)
            else:
                messages.success(
                    request,
                    _("%(count)s zaken staan nu op %(target)s.")
                    % {"count": moved, "target": target},
                )
                return redirect("beheer:workflow", pk=target.pk)
    return render(
        request,
        "beheer/migrate.html",
        {
            "source": source,
            "target": target,
            "target_form": target_form,
            "form": form,
            "running": sum(in_use.values()),
        },
    )
