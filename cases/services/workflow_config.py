"""Writes of the workflow configuration: drafts, their stages and transitions, publishing,
and moving running cases to another version.

A published version never changes: every edit goes to a draft, which is a full copy of the
version it was made from. Each function runs in one transaction and locks the workflow row,
so two admins editing one draft cannot interleave and a refused change leaves nothing behind.

A workflow belongs to an organisation, or is the regional default (no organisation). An
organisation's functional admin changes only their own organisation's workflows; the
default is kept by the regional functional admin (`cases.manage_regional_defaults`). An
organisation uses the default until it publishes a copy of its own (`copy_workflow`), and
returns to it with `use_default_workflow`. Cases move between versions per organisation:
`migrate_cases` moves the acting admin's organisation's cases only (docs/adr/0013).
"""

from __future__ import annotations

from collections import deque

from django.db import transaction
from django.db.models import Max, Q
from django.utils.translation import gettext as _

from cases import clock
from cases.models import Case, Event, Stage, Transition, Workflow
from cases.selectors_beheer import owns_configuration
from woonoverlast.refusals import Refusal

from .common import record_event, save_with_history

STAGE_FIELDS = ("code", "name", "kader", "order", "target_working_days", "is_final")


def _require(actor, perm: str, workflow: Workflow | None = None) -> None:
    if not actor.has_perm(perm):
        raise Refusal.forbidden(_("U mag werkwijzen niet beheren."))
    if workflow is not None and not owns_configuration(actor, workflow.organisation_id):
        if workflow.organisation_id is None:
            raise Refusal.forbidden(
                _(
                    "De standaardwerkwijze wordt beheerd door de regionale functioneel "
                    "beheerder. Maak een eigen kopie om haar aan te passen."
                )
            )
        # Another organisation's workflow is not this user's to know (a 404, logged).
        raise Refusal.not_found(_("Deze werkwijze hoort niet bij uw organisatie."))


def _owned_by(organisation_id: int | None) -> Q:
    if organisation_id is None:
        return Q(organisation__isnull=True)
    return Q(organisation_id=organisation_id)


def _lineage(workflow: Workflow):
    """Every version with this workflow's name and organisation."""
    return Workflow.objects.filter(_owned_by(workflow.organisation_id), name=workflow.name)


def _locked_draft(actor, workflow: Workflow) -> Workflow:
    locked = Workflow.objects.select_for_update().get(pk=workflow.pk)
    _require(actor, "cases.change_workflow", locked)
    if not locked.is_draft:
        raise Refusal(
            _(
                "Versie %(version)s is gepubliceerd en verandert nooit meer. Maak een concept "
                "om wijzigingen voor te bereiden."
            )
            % {"version": locked.version}
        )
    return locked


@transaction.atomic
def create_draft(*, actor, workflow: Workflow) -> Workflow:
    """A draft copy (stages and transitions with their guards) as the next version."""
    _require(actor, "cases.add_workflow", workflow)
    return _draft_from(workflow, organisation_id=workflow.organisation_id)


@transaction.atomic
def copy_workflow(*, actor, workflow: Workflow) -> Workflow:
    """A draft of the actor's organisation copied from a version of the default: the next
    version of the organisation's own workflow with this name (version 1 the first time).
    Publishing it makes it the organisation's workflow for new cases."""
    _require(actor, "cases.add_workflow")
    if actor.organisation_id is None:
        raise Refusal.forbidden(_("U hoort bij geen organisatie."))
    if workflow.organisation_id is not None:
        raise Refusal(_("Alleen de standaardwerkwijze kan worden overgenomen."))
    if workflow.is_draft:
        raise Refusal(_("Neem een gepubliceerde versie over, geen concept."))
    return _draft_from(workflow, organisation_id=actor.organisation_id)


def _draft_from(workflow: Workflow, *, organisation_id: int | None) -> Workflow:
    # Lock every version of the line so two admins cannot both take the next number.
    versions = Workflow.objects.select_for_update().filter(
        _owned_by(organisation_id), name=workflow.name
    )
    existing = versions.filter(status=Workflow.Status.DRAFT).first()
    if existing is not None:
        raise Refusal(
            _("Er is al een concept van deze werkwijze (versie %(version)s); bewerk dat.")
            % {"version": existing.version}
        )
    draft = Workflow.objects.create(
        name=workflow.name,
        organisation_id=organisation_id,
        version=(versions.aggregate(Max("version"))["version__max"] or 0) + 1,
        status=Workflow.Status.DRAFT,
        nazorg_months=workflow.nazorg_months,
    )
    copies = {}
    for stage in workflow.stages.all():
        copies[stage.pk] = Stage.objects.create(
            workflow=draft, **{name: getattr(stage, name) for name in STAGE_FIELDS}
        )
    for old in workflow.transitions.prefetch_related("allowed_groups"):
        new = Transition.objects.create(
            workflow=draft,
            from_stage=copies[old.from_stage_id],
            to_stage=copies[old.to_stage_id],
            label=old.label,
            requires_justification=old.requires_justification,
            requires_decision=old.requires_decision,
            allowed_organisation_kinds=list(old.allowed_organisation_kinds),
            order=old.order,
        )
        new.allowed_groups.set(old.allowed_groups.all())
    return draft


@transaction.atomic
def discard_draft(*, actor, workflow: Workflow) -> None:
    draft = _locked_draft(actor, workflow)
    draft.delete()


def _check_stage(workflow: Workflow, stage: Stage) -> None:
    errors: dict[str, list[str]] = {}
    others = workflow.stages.exclude(pk=stage.pk)
    if not stage.code:
        errors.setdefault("code", []).append(_("Vul een code in."))
    elif others.filter(code=stage.code).exists():
        errors.setdefault("code", []).append(
            _("De code %(code)s bestaat al in deze werkwijze; kies een andere.")
            % {"code": stage.code}
        )
    if stage.order is None or stage.order < 0:
        errors.setdefault("order", []).append(_("De volgorde kan niet negatief zijn."))
    elif others.filter(order=stage.order).exists():
        errors.setdefault("order", []).append(
            _("Er is al een fase met volgorde %(order)s.") % {"order": stage.order}
        )
    if stage.target_working_days is not None and stage.target_working_days < 0:
        errors.setdefault("target_working_days", []).append(
            _("De streefduur kan niet negatief zijn.")
        )
    if errors:
        raise Refusal.on_fields(errors)


@transaction.atomic
def save_stage(*, actor, workflow: Workflow, stage: Stage | None = None, **fields) -> Stage:
    """Add a stage to a draft, or change one of its stages."""
    draft = _locked_draft(actor, workflow)
    unknown = set(fields) - set(STAGE_FIELDS)
    if unknown:
        raise ValueError(f"Onbekende velden: {', '.join(sorted(unknown))}")
    if stage is None:
        stage = Stage(workflow=draft)
    elif stage.workflow_id != draft.pk:
        raise Refusal(_("Deze fase hoort niet bij dit concept."))
    for name, value in fields.items():
        setattr(stage, name, value)
    _check_stage(draft, stage)
    stage.save()
    return stage


@transaction.atomic
def delete_stage(*, actor, stage: Stage) -> None:
    """Remove a stage from a draft, with the transitions into and out of it."""
    _locked_draft(actor, stage.workflow)
    stage.delete()


TRANSITION_FIELDS = (
    "from_stage",
    "to_stage",
    "label",
    "requires_justification",
    "requires_decision",
    "allowed_organisation_kinds",
    "order",
)


@transaction.atomic
def save_transition(
    *,
    actor,
    workflow: Workflow,
    transition: Transition | None = None,
    allowed_groups=None,
    **fields,
) -> Transition:
    draft = _locked_draft(actor, workflow)
    unknown = set(fields) - set(TRANSITION_FIELDS)
    if unknown:
        raise ValueError(f"Onbekende velden: {', '.join(sorted(unknown))}")
    if transition is None:
        transition = Transition(workflow=draft)
    elif transition.workflow_id != draft.pk:
        raise Refusal(_("Deze overgang hoort niet bij dit concept."))
    for name, value in fields.items():
        setattr(transition, name, value)
    errors: dict[str, list[str]] = {}
    for name in ("from_stage", "to_stage"):
        stage = getattr(transition, name, None) if getattr(transition, f"{name}_id") else None
        if stage is None or stage.workflow_id != draft.pk:
            errors.setdefault(name, []).append(_("Kies een fase van dit concept."))
    if not errors and transition.from_stage_id == transition.to_stage_id:
        errors.setdefault("to_stage", []).append(
            _("Een overgang gaat naar een andere fase dan waar hij begint.")
        )
    if (
        not errors
        and draft.transitions.exclude(pk=transition.pk)
        .filter(from_stage_id=transition.from_stage_id, to_stage_id=transition.to_stage_id)
        .exists()
    ):
        errors.setdefault("to_stage", []).append(_("Er is al een overgang tussen deze twee fasen."))
    if not (transition.label or "").strip():
        errors.setdefault("label", []).append(_("Vul een omschrijving in."))
    if errors:
        raise Refusal.on_fields(errors)
    transition.save()
    if allowed_groups is not None:
        transition.allowed_groups.set(allowed_groups)
    return transition


@transaction.atomic
def delete_transition(*, actor, transition: Transition) -> None:
    _locked_draft(actor, transition.workflow)
    transition.delete()


def workflow_problems(workflow: Workflow) -> list[str]:
    """Why this version cannot be published; empty when it can.

    The initial stage is the one with the lowest order. Every stage must be reachable from
    it, there must be a final stage, and from every stage a final stage must be reachable
    (otherwise a case can get stuck, for example in a cycle without an exit).
    """
    stages = list(workflow.stages.order_by("order"))
    if not stages:
        return [_("De werkwijze heeft geen fasen.")]
    problems = []
    codes = [s.code for s in stages]
    for code in sorted({c for c in codes if codes.count(c) > 1}):
        problems.append(_("De code %(code)s komt meer dan eens voor.") % {"code": code})
    for stage in stages:
        if stage.target_working_days is not None and stage.target_working_days < 0:
            problems.append(_("De streefduur van %(stage)s is negatief.") % {"stage": stage.name})
    exits: dict[int, set[int]] = {s.pk: set() for s in stages}
    entries: dict[int, set[int]] = {s.pk: set() for s in stages}
    for source, target in workflow.transitions.values_list("from_stage_id", "to_stage_id"):
        exits[source].add(target)
        entries[target].add(source)
    finals = {s.pk for s in stages if s.is_final}
    if not finals:
        problems.append(_("Er is geen eindfase: markeer ten minste één fase als eindfase."))
    reachable = _reach(stages[0].pk, exits)
    for stage in stages:
        if stage.pk not in reachable:
            problems.append(
                _("De fase %(stage)s is niet te bereiken vanuit de beginfase %(first)s.")
                % {"stage": stage.name, "first": stages[0].name}
            )
    if finals:
        reaches_final = set()
        for final in finals:
            reaches_final |= _reach(final, entries)
        for stage in stages:
            if stage.pk not in reaches_final:
                problems.append(
                    _(
                        "Vanuit de fase %(stage)s is geen eindfase te bereiken: een zaak "
                        "zou daar vastlopen. Voeg een overgang toe die eruit leidt."
                    )
                    % {"stage": stage.name}
                )
    return problems


def _reach(start: int, edges: dict[int, set[int]]) -> set[int]:
    seen = {start}
    queue = deque([start])
    while queue:
        for nxt in edges[queue.popleft()]:
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return seen


@transaction.atomic
def publish_workflow(*, actor, workflow: Workflow) -> Workflow:
    """Publish a valid draft: new cases get it; older published versions of the same
    organisation's line are retired (their running cases keep them until migrated)."""
    draft = _locked_draft(actor, workflow)
    problems = workflow_problems(draft)
    if problems:
        raise Refusal(problems)
    _lineage(draft).filter(status=Workflow.Status.PUBLISHED).update(status=Workflow.Status.RETIRED)
    draft.status = Workflow.Status.PUBLISHED
    draft.published_at = clock.now()
    draft.save(update_fields=["status", "published_at"])
    return draft


@transaction.atomic
def use_default_workflow(*, actor) -> int:
    """The actor's organisation gives up its own published workflows: new cases get the
    default again; running cases keep their version until migrated. Returns how many."""
    _require(actor, "cases.change_workflow")
    if actor.organisation_id is None:
        raise Refusal.forbidden(_("U hoort bij geen organisatie."))
    own = Workflow.objects.select_for_update().filter(
        organisation_id=actor.organisation_id, status=Workflow.Status.PUBLISHED
    )
    if not Workflow.objects.filter(
        organisation__isnull=True, status=Workflow.Status.PUBLISHED
    ).exists():
        raise Refusal(_("Er is geen gepubliceerde standaardwerkwijze."))
    return own.update(status=Workflow.Status.RETIRED)


def case_scope(actor) -> int | None:
    """Whose running cases an admin counts and moves: their own organisation's (None: all,
    for a superuser running the management command)."""
    return None if actor.is_superuser else actor.organisation_id


def running_cases(workflow: Workflow, organisation_id: int | None = None):
    """Open cases on this workflow version (of one organisation, when given). Only counted
    and migrated here, never shown: the functional admin sees numbers per stage."""
    cases = Case.objects.filter(workflow=workflow, closed_on__isnull=True)
    if organisation_id is not None:
        cases = cases.filter(lead_organisation_id=organisation_id)
    return cases


def stages_in_use(workflow: Workflow, organisation_id: int | None = None) -> dict[int, int]:
    """Number of running cases per stage id."""
    counts: dict[int, int] = {}
    cases = running_cases(workflow, organisation_id)
    for stage_id in cases.values_list("stage_id", flat=True):
        counts[stage_id] = counts.get(stage_id, 0) + 1
    return counts


@transaction.atomic
def migrate_cases(*, actor, source: Workflow, target: Workflow, mapping: dict[int, int]) -> int:
    """Move every running case of `source` that the actor's organisation leads to `target`,
    each stage to the stage `mapping` names, with an event on each case. All or nothing;
    returns the number of cases."""
    _require(actor, "cases.migrate_cases")
    target = Workflow.objects.select_for_update().get(pk=target.pk)
    for workflow in (source, target):
        # The default is everyone's to use; another organisation's workflow is not.
        if workflow.organisation_id is not None and not owns_configuration(
            actor, workflow.organisation_id
        ):
            raise Refusal.not_found(_("Deze werkwijze hoort niet bij uw organisatie."))
    if target.pk == source.pk:
        raise Refusal(_("Kies een andere versie dan die waar de zaken nu op staan."))
    if target.status != Workflow.Status.PUBLISHED:
        raise Refusal(_("Zaken kunnen alleen naar een gepubliceerde versie."))
    target_stages = {s.pk: s for s in target.stages.all()}
    cases = list(
        running_cases(source, case_scope(actor))
        .select_for_update()
        .select_related("stage")
        .order_by("pk")
    )
    missing = sorted({c.stage.name for c in cases if mapping.get(c.stage_id) is None})
    if missing:
        raise Refusal(
            _("Kies een nieuwe fase voor elke fase waarin nog zaken staan: %(stages)s.")
            % {"stages": ", ".join(missing)}
        )
    wrong = [sid for sid in mapping.values() if sid is not None and sid not in target_stages]
    if wrong:
        raise Refusal(_("Een gekozen nieuwe fase hoort niet bij de doelversie."))
    for case in cases:
        old_stage = case.stage
        new_stage = target_stages[mapping[case.stage_id]]
        case.workflow = target
        case.stage = new_stage
        # The case did not move in substance: time in the stage and its decisions still count.
        save_with_history(case, actor)
        record_event(
            case,
            Event.Kind.WORKFLOW_MIGRATED,
            actor,
            workflow=target.name,
            from_version=source.version,
            to_version=target.version,
            from_workflow_id=source.pk,
            to_workflow_id=target.pk,
            from_id=old_stage.pk,
            to_id=new_stage.pk,
            **{"from": old_stage.name, "to": new_stage.name},
        )
    return len(cases)
