"""Writes of actiepunten: adding one to a case and marking it done."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cases.access import CaseAccess
from cases.models import ActionItem, Decision, Event
from woonoverlast.refusals import Refusal

from .common import record_event, save_with_history


def action_owner_organisations(access: CaseAccess):
    """Organisations that can own an actiepunt: the lead and every partner at `proces` or more.

    An owner must be able to see what they are asked to do; the door decides who that is.
    """
    return access.process_organisations()


@transaction.atomic
def add_action_item(
    *,
    actor,
    access: CaseAccess,
    title: str,
    owner_organisation,
    due_on,
    owner=None,
    description: str = "",
    source_decision: Decision | None = None,
) -> ActionItem:
    if not access.can_add_action_item:
        raise Refusal.forbidden(_("U mag geen actiepunten toevoegen aan deze zaak."))
    if not title.strip():
        raise Refusal(_("Geef het actiepunt een omschrijving."), field="title")
    if not action_owner_organisations(access).filter(pk=owner_organisation.pk).exists():
        raise Refusal(
            _("De eigenaar moet de aanbrengende partner zijn of een partner die de zaak ziet."),
            field="owner_organisation",
        )
    if owner is not None and owner.organisation_id != owner_organisation.pk:
        raise Refusal(
            _("De eigenaar (persoon) werkt niet bij de gekozen organisatie."), field="owner"
        )
    if source_decision is not None and source_decision.case_id != access.case.pk:
        raise Refusal(_("Het besluit hoort niet bij deze zaak."), field="source_decision")
    item = save_with_history(
        ActionItem(
            case=access.case,
            title=title.strip(),
            description=description.strip(),
            owner_organisation=owner_organisation,
            owner=owner,
            due_on=due_on,
            source_decision=source_decision,
            created_by=actor,
        ),
        actor,
    )
    record_event(access.case, Event.Kind.ACTION_ADDED, actor, target=item)
    return item


@transaction.atomic
def complete_action_item(*, actor, access: CaseAccess, item: ActionItem) -> ActionItem:
    item = ActionItem.objects.select_for_update().get(pk=item.pk, case=access.case)
    if not item.is_open:
        return item  # done twice (a double click) is still done once
    if not access.can_complete_action_item(item):
        raise Refusal.forbidden(_("U mag dit actiepunt niet afronden."))
    item.status = ActionItem.Status.DONE
    item.completed_at = timezone.now()
    item.completed_by = actor
    save_with_history(item, actor)
    record_event(access.case, Event.Kind.ACTION_DONE, actor, target=item)
    return item
