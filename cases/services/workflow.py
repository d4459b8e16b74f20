"""Writes of the escalation workflow: moving a case between stages, recording decisions."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from cases import clock
from cases.access import CaseAccess
from cases.guards import may_move_case, transition_problems
from cases.models import Case, Decision, Event, Transition
from woonoverlast.refusals import Refusal

from .common import record_event, save_with_history


@transaction.atomic
def transition_case(
    *,
    actor,
    access: CaseAccess,
    transition: Transition,
    justification: str = "",
    decision: Decision | None = None,
) -> Case:
    """Move the case along `transition` after checking every guard.

    The case row is locked first, so of two concurrent transitions the second sees the new
    stage and is refused instead of both succeeding. Refused guards raise one Refusal
    whose messages are the problems, each in Dutch.
    """
    # Lock the case row alone: with a join, PostgreSQL re-checks the join against the old
    # stage row after waiting for the lock, and the locked read would find no row at all.
    case = Case.objects.select_for_update().get(pk=access.case.pk)
    locked_access = CaseAccess(case=case, user=actor, level=access.level)
    problems = transition_problems(
        locked_access, transition, justification=justification, decision=decision
    )
    if problems:
        raise Refusal(problems)
    from_stage = case.stage
    case.stage = transition.to_stage
    case.stage_entered_at = clock.now()
    save_with_history(case, actor)
    record_event(
        case,
        Event.Kind.STAGE_CHANGED,
        actor,
        transition_id=transition.pk,
        from_id=from_stage.pk,
        to_id=transition.to_stage_id,
        **{"from": from_stage.name, "to": transition.to_stage.name},
        kader=transition.to_stage.kader,
        justification=justification.strip(),
        decision_id=decision.pk if decision else None,
    )
    return case


@transaction.atomic
def record_decision(*, actor, access: CaseAccess, decided_on, body: str, kind: str, text: str):
    """Record a decision about the case (by hand now; the casusoverleg will call this too)."""
    if not may_move_case(access):
        raise Refusal.forbidden(_("U mag voor deze zaak geen besluit vastleggen."))
    decision = save_with_history(
        Decision(
            case=access.case,
            decided_on=decided_on,
            body=body,
            kind=kind,
            text=text,
            recorded_by=actor,
            organisation_id=actor.organisation_id,
        ),
        actor,
    )
    record_event(access.case, Event.Kind.DECISION_RECORDED, actor, target=decision)
    return decision


@transaction.atomic
def record_body_decision(
    *, actor, access: CaseAccess, decided_on, body: str, kind: str, text: str, reference: str = ""
):
    """Record a decision taken by a body the actor reports for (the casusoverleg).

    The coordinator who minutes the meeting need not lead the case: seeing its process and
    holding the permission to record decisions is enough. The caller (the meetings app)
    checks that the case is on the meeting the actor coordinates.
    """
    if not (access.sees_process and actor.has_perm("cases.add_decision")):
        raise Refusal.forbidden(_("U mag voor deze zaak geen besluit vastleggen."))
    if kind not in Decision.Kind.values:
        raise Refusal(_("Onbekende soort besluit."), field="kind")
    if not text.strip():
        raise Refusal(_("Beschrijf het besluit."), field="text")
    decision = save_with_history(
        Decision(
            case=access.case,
            decided_on=decided_on,
            body=body,
            kind=kind,
            text=text.strip(),
            reference=reference[:200],
            recorded_by=actor,
            organisation_id=actor.organisation_id,
        ),
        actor,
    )
    record_event(access.case, Event.Kind.DECISION_RECORDED, actor, target=decision)
    return decision
