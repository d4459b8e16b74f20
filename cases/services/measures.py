"""Writes of measures: an instrument applied to a case, its status and outcome."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from cases.access import CaseAccess
from cases.models import Event, Measure
from woonoverlast.refusals import Refusal

from .common import record_event, save_with_history

CLOSED = (Measure.Status.DONE, Measure.Status.STOPPED)


def measure_organisations(access: CaseAccess):
    """Organisations that may own a measure on this case: those that see it at least at
    level `proces` (the door decides; a partner at `bestaan` may not own one)."""
    return access.process_organisations()


def _check(measure: Measure, access: CaseAccess, *, new: bool) -> None:
    errors: dict[str, list[str]] = {}
    if measure.planned_end and measure.start_date and measure.planned_end < measure.start_date:
        errors["planned_end"] = [_("De geplande einddatum ligt vóór de startdatum.")]
    if measure.status in CLOSED and not measure.outcome.strip():
        errors["outcome"] = [
            _("Beschrijf het resultaat wanneer een maatregel is afgerond of gestopt.")
        ]
    if new and not measure_organisations(access).filter(pk=measure.owner_organisation_id).exists():
        errors["owner_organisation"] = [
            _(
                "Kies de aanbrengende organisatie of een organisatie die de zaak ten minste "
                "op procesniveau ziet."
            )
        ]
    if errors:
        raise Refusal.on_fields(errors)


@transaction.atomic
def add_measure(
    *,
    actor,
    access: CaseAccess,
    instrument,
    owner_organisation,
    start_date,
    planned_end=None,
    status=Measure.Status.PLANNED,
    outcome="",
) -> Measure:
    if not access.can_add_measure:
        raise Refusal.forbidden(_("U mag voor deze zaak geen maatregel vastleggen."))
    if not instrument.active:
        raise Refusal(_("Dit instrument is niet meer actief."), field="instrument")
    measure = Measure(
        case=access.case,
        instrument=instrument,
        owner_organisation=owner_organisation,
        start_date=start_date,
        planned_end=planned_end,
        status=status,
        outcome=outcome or "",
        created_by=actor,
    )
    _check(measure, access, new=True)
    save_with_history(measure, actor)
    record_event(
        access.case,
        Event.Kind.MEASURE_ADDED,
        actor,
        target=measure,
        instrument=instrument.name,
        status=measure.status,
    )
    return measure


@transaction.atomic
def update_measure(
    *, actor, access: CaseAccess, measure: Measure, status, planned_end=None, outcome=""
) -> Measure:
    measure = Measure.objects.select_for_update().get(pk=measure.pk, case=access.case)
    if not access.can_change_measure(measure):
        raise Refusal.forbidden(_("U mag deze maatregel niet wijzigen."))
    old_status = measure.status
    measure.status = status
    measure.planned_end = planned_end
    measure.outcome = outcome or ""
    _check(measure, access, new=False)
    save_with_history(measure, actor)
    record_event(
        access.case,
        Event.Kind.MEASURE_CHANGED,
        actor,
        target=measure,
        instrument=measure.instrument.name,
        status_from=old_status,
        status=status,
    )
    return measure
