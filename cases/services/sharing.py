"""Sharing a case with ketenpartners, and handing it over.

Every function locks the case row first, so two people changing the sharing of one case at
the same moment are serialised; it validates (Dutch messages, nothing saved on refusal),
writes the participation with history, keeps guardian's object permissions equal to it in the
same transaction (cases.access.grants) and appends an Event. A lowered or revoked share is
announced after the commit (cases.signals.access_reduced), so that documents made for the old
level are withdrawn.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from cases import clock
from cases.access import LEVEL_RANK, CaseAccess
from cases.access.grants import sync_case_permissions
from cases.models import Case, Event, Participation
from cases.models.choices import AccessLevel, LegalGround
from cases.signals import access_reduced
from partners.models import Organisation
from woonoverlast.refusals import Refusal

from .common import record_event, save_with_history


def _locked_case(access: CaseAccess) -> Case:
    if not access.can_share:
        raise Refusal.forbidden(_("U mag het delen van deze zaak niet beheren."))
    return Case.objects.select_for_update().get(pk=access.case.pk)


def _active(case: Case, participation: Participation) -> Participation:
    """The participation, re-read under the case lock, if it is still active on this case."""
    current = (
        Participation.objects.select_for_update()
        .filter(pk=participation.pk, case=case, revoked_at__isnull=True)
        .select_related("organisation")
        .first()
    )
    if current is None:
        raise Refusal(_("Deze deelname bestaat niet (meer) bij deze zaak."))
    return current


def _announce_reduced(case: Case, organisation_id: int, level: str | None) -> None:
    def send():
        access_reduced.send_robust(
            sender=Participation, case_id=case.pk, organisation_id=organisation_id, level=level
        )

    transaction.on_commit(send)


def _check_ground(legal_ground: str, convenant_name: str) -> str:
    if legal_ground not in LegalGround.values:
        raise Refusal(_("Kies een geldige grondslag."), field="legal_ground")
    convenant_name = convenant_name.strip()
    if legal_ground == LegalGround.CONVENANT and not convenant_name:
        raise Refusal(
            _("Vul de naam van het convenant in waarop het delen rust."), field="convenant_name"
        )
    return convenant_name if legal_ground == LegalGround.CONVENANT else ""


def _check_level(level: str) -> None:
    if level not in AccessLevel.values:
        raise Refusal(_("Kies een geldig niveau."), field="level")


def _regisseur_needs_full(case: Case, organisation_id: int) -> bool:
    return (
        case.regisseur is not None
        and case.regisseur.organisation_id == organisation_id
        and case.lead_organisation_id != organisation_id
    )


@transaction.atomic
def share_case(
    *,
    actor,
    access: CaseAccess,
    organisation: Organisation,
    level: str,
    legal_ground: str,
    convenant_name: str = "",
) -> Participation:
    """Share the case with an organisation at a level, on a legal ground."""
    case = _locked_case(access)
    _check_level(level)
    convenant_name = _check_ground(legal_ground, convenant_name)
    if organisation.pk == case.lead_organisation_id:
        raise Refusal(
            _("Dit is de aanbrengende organisatie; die ziet de zaak al volledig."),
            field="organisation",
        )
    if case.participations.filter(organisation=organisation, revoked_at__isnull=True).exists():
        raise Refusal(
            _("De zaak is al gedeeld met %(org)s; wijzig daar het niveau als dat nodig is.")
            % {"org": organisation},
            field="organisation",
        )
    participation = save_with_history(
        Participation(
            case=case,
            organisation=organisation,
            level=level,
            legal_ground=legal_ground,
            convenant_name=convenant_name,
            shared_by=actor,
            shared_at=clock.now(),
        ),
        actor,
    )
    sync_case_permissions(case, organisation)
    record_event(
        case,
        Event.Kind.SHARED,
        actor,
        target=participation,
        organisation=organisation.name,
        organisation_id=organisation.pk,
        level=level,
        level_label=str(AccessLevel(level).label),
        legal_ground=legal_ground,
        convenant_name=convenant_name,
    )
    return participation


@transaction.atomic
def change_share_level(
    *, actor, access: CaseAccess, participation: Participation, level: str
) -> Participation:
    case = _locked_case(access)
    participation = _active(case, participation)
    _check_level(level)
    if participation.level == level:
        raise Refusal(_("De zaak is al op dit niveau gedeeld met deze organisatie."), field="level")
    if level != AccessLevel.VOLLEDIG and _regisseur_needs_full(case, participation.organisation_id):
        raise Refusal(
            _(
                "De casusregisseur werkt bij deze organisatie en heeft volledige toegang "
                "nodig. Draag eerst de regie over."
            ),
            field="level",
        )
    old_level = participation.level
    participation.level = level
    save_with_history(participation, actor)
    sync_case_permissions(case, participation.organisation)
    record_event(
        case,
        Event.Kind.SHARE_CHANGED,
        actor,
        target=participation,
        organisation=participation.organisation.name,
        organisation_id=participation.organisation_id,
        **{"from": old_level, "to": level},
        from_label=str(AccessLevel(old_level).label),
        to_label=str(AccessLevel(level).label),
        raised=LEVEL_RANK[level] > LEVEL_RANK[old_level],
    )
    if LEVEL_RANK[level] < LEVEL_RANK[old_level]:
        _announce_reduced(case, participation.organisation_id, level)
    return participation


@transaction.atomic
def revoke_share(
    *, actor, access: CaseAccess, participation: Participation, reason: str = ""
) -> Participation:
    case = _locked_case(access)
    participation = _active(case, participation)
    if _regisseur_needs_full(case, participation.organisation_id):
        raise Refusal(
            _(
                "De casusregisseur werkt bij %(org)s. Draag eerst de regie over voordat u het "
                "delen intrekt."
            )
            % {"org": participation.organisation}
        )
    participation.revoked_at = clock.now()
    participation.revoked_by = actor
    save_with_history(participation, actor)
    sync_case_permissions(case, participation.organisation)
    record_event(
        case,
        Event.Kind.SHARE_REVOKED,
        actor,
        target=participation,
        organisation=participation.organisation.name,
        organisation_id=participation.organisation_id,
        level=participation.level,
        reason=reason.strip(),
    )
    _announce_reduced(case, participation.organisation_id, None)
    return participation


def _hand_over_lead(case: Case, actor, new_lead: Organisation) -> None:
    incoming = (
        case.participations.select_for_update()
        .filter(organisation=new_lead, revoked_at__isnull=True)
        .first()
    )
    if incoming is None or incoming.level != AccessLevel.VOLLEDIG:
        raise Refusal(
            _("Draag alleen over aan een organisatie waarmee de zaak volledig is gedeeld."),
            field="lead_organisation",
        )
    old_lead = case.lead_organisation
    now = clock.now()
    # The new lead sees the case as lead now; its participation ends.
    incoming.revoked_at = now
    incoming.revoked_by = actor
    save_with_history(incoming, actor)
    case.lead_organisation = new_lead
    save_with_history(case, actor)
    # The former lead keeps full access on the ground under which the two work together.
    save_with_history(
        Participation(
            case=case,
            organisation=old_lead,
            level=AccessLevel.VOLLEDIG,
            legal_ground=incoming.legal_ground,
            convenant_name=incoming.convenant_name,
            shared_by=actor,
            shared_at=now,
        ),
        actor,
    )
    sync_case_permissions(case, new_lead)
    sync_case_permissions(case, old_lead)
    record_event(
        case,
        Event.Kind.LEAD_HANDED_OVER,
        actor,
        **{"from": old_lead.name, "to": new_lead.name},
        from_id=old_lead.pk,
        to_id=new_lead.pk,
    )


def _hand_over_regisseur(case: Case, actor, regisseur) -> None:
    org_id = regisseur.organisation_id
    allowed = org_id is not None and (
        org_id == case.lead_organisation_id
        or case.participations.filter(
            organisation_id=org_id, revoked_at__isnull=True, level=AccessLevel.VOLLEDIG
        ).exists()
    )
    if not regisseur.is_active or not allowed:
        raise Refusal(
            _(
                "De casusregisseur moet werken bij de aanbrengende organisatie of bij een "
                "partner met volledige toegang tot de zaak."
            ),
            field="regisseur",
        )
    old = case.regisseur
    case.regisseur = regisseur
    save_with_history(case, actor)
    record_event(
        case,
        Event.Kind.REGISSEUR_HANDED_OVER,
        actor,
        **{"from": str(old) if old else "", "to": str(regisseur)},
        from_id=old.pk if old else None,
        to_id=regisseur.pk,
    )


@transaction.atomic
def hand_over(
    *, actor, access: CaseAccess, lead_organisation: Organisation | None = None, regisseur=None
) -> Case:
    """Hand the aanbrengende organisation and/or the casusregie to a participating partner."""
    case = _locked_case(access)
    case = Case.objects.select_related("lead_organisation", "regisseur").get(pk=case.pk)
    changes_lead = lead_organisation is not None and lead_organisation != case.lead_organisation
    changes_regisseur = regisseur is not None and regisseur != case.regisseur
    if not changes_lead and not changes_regisseur:
        raise Refusal(_("Kies een andere aanbrengende organisatie of een andere casusregisseur."))
    if changes_lead and lead_organisation is not None:
        _hand_over_lead(case, actor, lead_organisation)
    if changes_regisseur:
        _hand_over_regisseur(case, actor, regisseur)
    return case
