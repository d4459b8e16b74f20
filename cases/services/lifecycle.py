"""Writes of a case's end: closing it with a result (then nazorg), and reopening it.

Closing is allowed in a final stage of the case's workflow, to the aanbrengende organisation
and the casusregisseur (`CaseAccess.can_close_case`). Every open measure and actiepunt must
be finished first or carried over into the nazorg explicitly: a case must not end with work
that nobody knows is still running. Melder and veroorzaker are informed, or the reason why
not is recorded (DOMAIN.md, stage 6).

The nazorg period (`Workflow.nazorg_months`) starts on the closing date; `nazorg_until` is
stored so that the reminder at its end and the retention period (which counts from the end
of nazorg, the final closure; docs/adr/0019) need no arithmetic in SQL.

Reopening (within or after nazorg) clears the closure; the earlier closure stays in the
case's history and on the timeline.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from cases import clock
from cases.access import CaseAccess
from cases.calendars.months import add_months
from cases.models import ActionItem, Case, CaseResult, Event, Measure
from cases.notifications.models import Notification
from woonoverlast.refusals import Refusal

from .common import record_event, save_with_history

OPEN_MEASURE = (Measure.Status.PLANNED, Measure.Status.RUNNING)


def _locked(access: CaseAccess) -> CaseAccess:
    # The case row alone (no join), as in transition_case.
    case = Case.objects.select_for_update().get(pk=access.case.pk)
    return CaseAccess(case=case, user=access.user, level=access.level)


def open_work(access: CaseAccess) -> tuple[list[Measure], list[ActionItem]]:
    """The measures and actiepunten still running, which closing must finish or carry over."""
    measures = list(access.measures().filter(status__in=OPEN_MEASURE).order_by("start_date", "pk"))
    items = list(
        access.action_items().filter(status=ActionItem.Status.OPEN).order_by("due_on", "pk")
    )
    return measures, items


def _ids(values: Iterable) -> set[int]:
    ids = set()
    for value in values or ():
        try:
            ids.add(int(value))
        except (TypeError, ValueError):
            continue
    return ids


def _participants(access: CaseAccess, actor) -> list:
    """Who hears of a closure: the regisseur and the case workers of every organisation that
    sees the case at `proces` or more (notify drops anyone who does not)."""
    from partners.selectors import users_with_perm

    organisation_ids = list(access.process_organisations().values_list("pk", flat=True))
    users = list(users_with_perm("cases.change_actionitem", organisation_ids))
    if access.case.regisseur is not None:
        users.append(access.case.regisseur)
    seen, recipients = set(), []
    for user in users:
        if user.pk != actor.pk and user.pk not in seen:
            seen.add(user.pk)
            recipients.append(user)
    return recipients


def _notify(access: CaseAccess, actor, *, kind: str, text: str, key: str) -> None:
    from cases.notifications.services import notify

    notify(
        _participants(access, actor),
        key=key,
        kind=kind,
        text=text,
        case=access.case,
        link=reverse("cases:detail", kwargs={"reference": access.case.reference}),
    )


@transaction.atomic
def close_case(
    *,
    actor,
    access: CaseAccess,
    result: CaseResult | None,
    note: str,
    closed_on: date | None,
    carry_over: Mapping[str, Iterable] | None = None,
    melder_informed: bool,
    veroorzaker_informed: bool,
    not_informed_reason: str = "",
) -> Case:
    """Close the case with `result`.

    `carry_over`: {"measures": ids, "action_items": ids} of open work that continues in the
    nazorg; every other open measure or actiepunt refuses the closing.
    """
    access = _locked(access)
    case = access.case
    if not access.can_close_case:
        raise Refusal.forbidden(
            _("Alleen de aanbrengende organisatie en de casusregisseur sluiten een zaak af.")
        )
    if case.closed_on is not None:
        raise Refusal(_("Deze zaak is al afgesloten."))
    if not case.stage.is_final:
        raise Refusal(
            _(
                "Een zaak sluit u af in de eindfase van de werkwijze; deze zaak staat in de "
                "fase %(stage)s."
            )
            % {"stage": case.stage.name}
        )
    if result is None or not result.active:
        raise Refusal(_("Kies het resultaat van de aanpak."), field="result")
    if not note.strip():
        raise Refusal(_("Beschrijf kort hoe de zaak is geëindigd."), field="note")
    today = timezone.localdate()
    if closed_on is None:
        raise Refusal(_("Vul de datum van afsluiten in."), field="closed_on")
    if closed_on > today:
        raise Refusal(_("De datum van afsluiten ligt in de toekomst."), field="closed_on")
    if closed_on < case.opened_on:
        raise Refusal(
            _("De datum van afsluiten ligt vóór de opening van de zaak."), field="closed_on"
        )
    if not (melder_informed and veroorzaker_informed) and not not_informed_reason.strip():
        raise Refusal(
            _("Leg vast waarom melder of veroorzaker niet is geïnformeerd."),
            field="not_informed_reason",
        )
    carry_over = carry_over or {}
    carried_measures = _ids(carry_over.get("measures", ()))
    carried_items = _ids(carry_over.get("action_items", ()))
    measures, items = open_work(access)
    problems = [
        _("Maatregel “%(name)s” loopt nog: rond hem af of neem hem mee naar de nazorg.")
        % {"name": measure.instrument.name}
        for measure in measures
        if measure.pk not in carried_measures
    ] + [
        _("Actiepunt “%(title)s” staat nog open: rond het af of neem het mee naar de nazorg.")
        % {"title": item.title}
        for item in items
        if item.pk not in carried_items
    ]
    if problems:
        raise Refusal(problems)

    case.closed_on = closed_on
    case.closing_result = result
    case.result = note.strip()
    case.nazorg_until = add_months(closed_on, case.workflow.nazorg_months)
    case.melder_informed = melder_informed
    case.veroorzaker_informed = veroorzaker_informed
    case.not_informed_reason = (
        "" if melder_informed and veroorzaker_informed else not_informed_reason.strip()
    )
    save_with_history(case, actor)
    record_event(
        case,
        Event.Kind.CASE_CLOSED,
        actor,
        result=result.name,
        result_id=result.pk,
        closed_on=closed_on.isoformat(),
        nazorg_until=case.nazorg_until.isoformat(),
        carried_over_measures=sorted(m.pk for m in measures),
        carried_over_action_items=sorted(i.pk for i in items),
    )
    _notify(
        access,
        actor,
        kind=Notification.Kind.CASE_CLOSED,
        text=_("%(ref)s is afgesloten (%(result)s); nazorg tot %(until)s.")
        % {
            "ref": case.reference,
            "result": result.name,
            "until": case.nazorg_until.strftime("%d-%m-%Y"),
        },
        key=f"case_closed:{case.pk}:{closed_on:%Y%m%d}:{timezone.now():%Y%m%d%H%M%S%f}",
    )
    return case


@transaction.atomic
def reopen_case(*, actor, access: CaseAccess, reason: str) -> Case:
    """Reopen a closed case (within or after its nazorg), with the reason."""
    access = _locked(access)
    case = access.case
    if not access.can_close_case:
        raise Refusal.forbidden(
            _("Alleen de aanbrengende organisatie en de casusregisseur heropenen een zaak.")
        )
    if case.closed_on is None:
        raise Refusal(_("Deze zaak is niet afgesloten."))
    if not reason.strip():
        raise Refusal(_("Geef de reden om de zaak te heropenen."), field="reason")
    previous = {
        "closed_on": case.closed_on.isoformat(),
        "result": case.closing_result.name if case.closing_result is not None else "",
        "in_nazorg": case.in_nazorg,
    }
    case.closed_on = None
    case.closing_result = None
    case.result = ""
    case.nazorg_until = None
    case.melder_informed = None
    case.veroorzaker_informed = None
    case.not_informed_reason = ""
    # The stage clock restarts: the case is worked on again from today.
    case.stage_entered_at = clock.now()
    save_with_history(case, actor)
    record_event(case, Event.Kind.CASE_REOPENED, actor, reason=reason.strip(), **previous)
    _notify(
        access,
        actor,
        kind=Notification.Kind.CASE_REOPENED,
        text=_("%(ref)s is heropend.") % {"ref": case.reference},
        key=f"case_reopened:{case.pk}:{timezone.now():%Y%m%d%H%M%S%f}",
    )
    return case
