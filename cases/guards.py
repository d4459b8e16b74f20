"""Guards of the escalation workflow: may this user take this transition now, and if not, why.

Used by the transition service (which refuses) and by the case page (which explains).
Stages and transitions are data; nothing here names a stage.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext as _

from .access import CaseAccess
from .calendars import local_date
from .models import Decision, Transition
from .models.choices import Kader


def may_move_case(case_access: CaseAccess) -> bool:
    """Moving a case is for whoever may change it: the lead organisation, or the regisseur."""
    user = case_access.user
    return user.has_perm("cases.change_case") and (
        case_access.is_lead or case_access.case.regisseur_id == user.pk
    )


def qualifying_decisions(case_access: CaseAccess):
    """Escalation decisions recorded since the case entered its current stage."""
    case = case_access.case
    return case.decisions.filter(
        kind=Decision.Kind.ESCALATE,
        decided_on__gte=local_date(case.stage_entered_at),
    )


def transition_problems(
    case_access: CaseAccess,
    transition: Transition,
    *,
    justification: str | None = None,
    decision: Decision | None = None,
) -> list[str]:
    """Reasons the transition is refused; empty when it may be taken.

    With `justification=None` the justification is not checked (the case page asks for it on
    the next screen); an empty string is checked and refused where one is required.
    """
    case = case_access.case
    user = case_access.user
    problems = []
    if transition.workflow_id != case.workflow_id or transition.from_stage_id != case.stage_id:
        problems.append(_("Deze overgang hoort niet bij de huidige fase van de zaak."))
        return problems
    if not may_move_case(case_access):
        problems.append(
            _("Alleen de aanbrengende organisatie of de casusregisseur mag de fase wijzigen.")
        )
    kinds = transition.allowed_organisation_kinds
    if kinds and user.organisation.kind not in kinds:
        problems.append(_("Uw soort organisatie mag deze overgang niet maken."))
    if not role_may_take(transition, user):
        problems.append(_("Uw rol mag deze overgang niet maken."))
    if transition.requires_decision:
        qualifying = qualifying_decisions(case_access)
        if decision is not None:
            qualifying = qualifying.filter(pk=decision.pk)
        if not qualifying.exists():
            problems.append(
                _("Het gekozen besluit geldt niet voor deze overgang.")
                if decision is not None
                else _(
                    "Hiervoor is een besluit van het casusoverleg nodig (opschalen), vastgelegd "
                    "sinds de zaak in deze fase kwam."
                )
            )
    if justification is not None and transition.needs_justification and not justification.strip():
        if transition.to_stage.kader == Kader.DWANG:
            problems.append(
                _(
                    "Onderbouw waarom het verplicht kader nodig is: welke lichtere middelen "
                    "zijn geprobeerd en met welk resultaat."
                )
            )
        else:
            problems.append(_("Een onderbouwing is verplicht voor deze overgang."))
    return problems


def role_annotations(user) -> dict:
    """Annotations for transitions: whether only some roles may take one, and whether one of
    them is the user's (read with the transitions, instead of two queries per transition)."""
    roles = Transition.allowed_groups.through.objects.filter(transition_id=OuterRef("pk"))
    return {
        "limited_to_roles": Exists(roles),
        "role_of_user_allowed": Exists(roles.filter(group__user=user)),
    }


def role_may_take(transition, user) -> bool:
    if not hasattr(transition, "limited_to_roles"):
        transition = (
            Transition.objects.annotate(**role_annotations(user)).filter(pk=transition.pk).get()
        )
    return not transition.limited_to_roles or transition.role_of_user_allowed
