"""Writes of the outcome per agenda item, through cases.services for what lands on a case."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cases import services as case_services
from meetings.models import AgendaItem
from meetings.selectors import case_access_for
from woonoverlast.refusals import Refusal

from .common import _lock, _require_coordinator, _require_open, _save

# -- the outcome per item ----------------------------------------------------------------


def _item_for_outcome(actor, item: AgendaItem):
    meeting = _lock(item.meeting)
    _require_coordinator(actor, meeting.series)
    _require_open(meeting)
    item = AgendaItem.objects.select_for_update().get(pk=item.pk)
    access = case_access_for(actor, item.case)
    if access is None or not access.sees_process:
        # The share was revoked or lowered meanwhile: the case is not this user's to know.
        raise Refusal.not_found(_("U ziet deze zaak niet (meer)."), case=item.case)
    return meeting, item, access


KEEP = None  # an outcome text not given is left as it is


@transaction.atomic
def record_outcome(
    *,
    actor,
    item: AgendaItem,
    next_review_on,
    betrokkene_informed,
    minutes: str | None = KEEP,
    agreements: str | None = KEEP,
    not_informed_reason: str | None = KEEP,
) -> AgendaItem:
    """The outcome of one item. Notulen, afspraken and the reason a betrokkene was not
    informed are `volledig` only: an actor below that may not write them (they could not
    read what they overwrite), and what is there stays."""
    _meeting, item, access = _item_for_outcome(actor, item)
    texts = (minutes, agreements, not_informed_reason)
    if not access.sees_details and any(text is not KEEP for text in texts):
        raise Refusal.forbidden(
            _("Notulen en afspraken vastleggen kan alleen met volledige toegang tot de zaak.")
        )
    reason = item.not_informed_reason if not_informed_reason is KEEP else not_informed_reason
    if betrokkene_informed is False and not reason.strip():
        raise Refusal(_("Leg vast waarom de betrokkene niet is geïnformeerd."))
    if minutes is not KEEP:
        item.minutes = minutes.strip()
    if agreements is not KEEP:
        item.agreements = agreements.strip()
    item.next_review_on = next_review_on
    item.betrokkene_informed = betrokkene_informed
    item.not_informed_reason = "" if betrokkene_informed else reason.strip()
    return _save(item, actor)


@transaction.atomic
def record_item_decision(*, actor, item: AgendaItem, kind: str, text: str):
    meeting, item, access = _item_for_outcome(actor, item)
    decision = case_services.record_body_decision(
        actor=actor,
        access=access,
        decided_on=timezone.localdate(min(meeting.starts_at, timezone.now())),
        body=meeting.series.name,
        kind=kind,
        text=text,
        reference=_("%(meeting)s, agendapunt %(order)s")
        % {"meeting": meeting, "order": item.order},
    )
    item.decisions.add(decision)
    return decision


@transaction.atomic
def add_item_action(
    *,
    actor,
    item: AgendaItem,
    title,
    owner_organisation,
    due_on,
    owner=None,
    description="",
    source_decision=None,
):
    _meeting, item, access = _item_for_outcome(actor, item)
    action = case_services.add_action_item(
        actor=actor,
        access=access,
        title=title,
        description=description,
        owner_organisation=owner_organisation,
        owner=owner,
        due_on=due_on,
        source_decision=source_decision,
    )
    item.action_items.add(action)
    return action
