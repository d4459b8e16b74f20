"""Reads of case data that depend on who asks. Querysets come from cases.access."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import QuerySet

from partners.models import Instrument, OrganisationKind
from woonoverlast.forms import style_form

from . import access, clock, guards
from .access import CaseAccess
from .calendars import local_date, working_days
from .calendars.working_days import WorkingCalendar
from .filters import CaseFilter, SharedCaseFilter
from .models import (
    Attachment,
    CasePerson,
    Decision,
    Event,
    Measure,
    Note,
    Report,
    Transition,
    category_names,
)
from .notifications.calendars import (
    calendar_of,
    calendars_of,
    may_differ_from_common,
)


@dataclass(frozen=True)
class CaseList:
    filter: CaseFilter
    rows: access.LevelOrderedRows  # ready to paginate


def case_list(request) -> CaseList:
    """The filtered case list for the requesting user: the filter form and the rows."""
    data = request.GET.copy()
    data.setdefault("status", "open")
    user = request.user
    case_filter = CaseFilter(data, queryset=access.visible_cases(user), request=request)
    style_form(case_filter.form)

    def narrow(cases):
        # The filters read the level flags: a hidden field never matches (access.listing).
        return case_filter.filter_queryset(access.with_level_flags(cases, user))

    def for_the_page(cases):
        return cases.select_related("stage", "regisseur", "lead_organisation").annotate(
            category_names=category_names(),
            # Configuration, not case data: "over streefduur" reads a lead's calendar only
            # when it has days off beyond the common ones (mark_overdue).
            lead_calendar_differs=may_differ_from_common("lead_organisation_id"),
        )

    # The same search and filters, applied to the cases each part of the list starts from;
    # only the rows shown get what the page shows of them.
    rows = access.LevelOrderedRows(
        user, case_filter.ordering_fields(), narrow, decorate=for_the_page
    )
    return CaseList(filter=case_filter, rows=rows)


@dataclass(frozen=True)
class TimelineEntry:
    event: Event
    item: Report | Note | Attachment | CasePerson | Decision | Measure | None

    @property
    def template(self) -> str:
        return f"cases/timeline/{self.event.target_type or 'event'}.html"


TIMELINE_LIMIT = 200


def recent_events(case_access: CaseAccess, limit: int = TIMELINE_LIMIT) -> tuple[list, bool]:
    """The case's newest `limit` events, and whether they are all of them (then the stage
    periods can be replayed from the same rows instead of a second query)."""
    events = list(
        case_access.case.events.select_related("actor", "organisation").order_by(
            "-occurred_at", "-id"
        )[: limit + 1]
    )
    return events[:limit], len(events) <= limit


def case_timeline(
    case_access: CaseAccess,
    limit: int = TIMELINE_LIMIT,
    events: list | None = None,
    loaded_already: dict[str, list] | None = None,
) -> list[TimelineEntry]:
    """Meldingen, logboek, attachments and changes, newest first, as this user may see them.

    Events name their target by type and id; the targets are loaded through the access
    rules, so an entry the user may not see (a note of another organisation) is left out.
    `loaded_already`: every visible target of a kind, as the caller loaded it from the same
    access rules for the page (betrokkenen, actiepunten, maatregelen), so it is not read twice.
    """
    if events is None:
        events, _complete = recent_events(case_access, limit)
    visible_targets: dict[str, QuerySet[Any]] = {
        "report": case_access.reports(),
        "note": case_access.notes(),
        "attachment": case_access.attachments(),
        "caseperson": case_access.case_persons(),
        "decision": case_access.decisions(),
        "actionitem": case_access.action_items(),
        "measure": case_access.measures(),
        "letter": case_access.letters(),
        "caseaddress": case_access.further_addresses(),
    }
    wanted: dict[str, set[int]] = {}
    for event in events:
        if event.target_type and event.target_id is not None:
            wanted.setdefault(event.target_type, set()).add(event.target_id)
    loaded = {
        kind: {obj.pk: obj for obj in visible_targets[kind].filter(pk__in=ids)}
        for kind, ids in wanted.items()
        if kind in visible_targets and kind not in (loaded_already or {})
    }
    for kind, objects in (loaded_already or {}).items():
        loaded[kind] = {obj.pk: obj for obj in objects}
    if "participation" in wanted:
        loaded["participation"] = {share.pk: share for share in case_access.shares}
    entries = []
    for event in events:
        if not event.target_type:
            if case_access.sees_process:
                entries.append(TimelineEntry(event, None))
            continue
        item = loaded.get(event.target_type, {}).get(event.target_id)
        if isinstance(item, Report):
            item.melder_visible = case_access.shows_melder(item)
        if item is not None:
            entries.append(TimelineEntry(event, item))
    return entries


@dataclass(frozen=True)
class TransitionOption:
    transition: Transition
    problems: list[str]

    @property
    def allowed(self) -> bool:
        return not self.problems


def transition_options(case_access: CaseAccess) -> list[TransitionOption]:
    """The transitions out of the current stage, each with the reasons it is refused now."""
    if not guards.may_move_case(case_access):
        return []
    transitions = (
        Transition.objects.filter(
            workflow_id=case_access.case.workflow_id, from_stage_id=case_access.case.stage_id
        )
        .select_related("to_stage", "from_stage")
        .annotate(**guards.role_annotations(case_access.user))
    )
    return [TransitionOption(t, guards.transition_problems(case_access, t)) for t in transitions]


@dataclass(frozen=True)
class StagePeriod:
    stage_name: str
    entered_at: datetime
    left_at: datetime | None
    calendar: WorkingCalendar = working_days.DEFAULT

    @property
    def working_days(self) -> int:
        end = self.left_at or clock.now()
        return working_days.working_days_between(
            local_date(self.entered_at), local_date(end), self.calendar
        )


def lead_calendar(case) -> WorkingCalendar:
    """The working calendar a case's norms count in: its lead organisation's (the streefduur
    and the reminders are the lead's norms, docs/adr/0029)."""
    if getattr(case, "lead_calendar_differs", True) is False:
        return working_days.DEFAULT  # the door saw nothing but the common Dutch calendar
    return calendar_of(case.lead_organisation_id)


def stage_periods(
    case_access: CaseAccess,
    all_events: list | None = None,
    calendar: WorkingCalendar | None = None,
) -> list[StagePeriod]:
    """Lead time per stage, replayed from the append-only events (oldest first), in working
    days of the lead organisation's calendar (`calendar`, when the caller has it already).

    `all_events`: every event of the case, newest first, when the caller has them already.
    """
    if calendar is None:
        calendar = lead_calendar(case_access.case)
    kinds = [Event.Kind.CASE_OPENED, Event.Kind.STAGE_CHANGED]
    if all_events is None:
        events = list(case_access.case.events.filter(kind__in=kinds).order_by("occurred_at", "id"))
    else:
        events = [event for event in reversed(all_events) if event.kind in kinds]
    periods: list[StagePeriod] = []
    for event in events:
        name = event.data.get("stage") if event.kind == Event.Kind.CASE_OPENED else None
        name = name or event.data.get("to")
        if periods:
            periods[-1] = StagePeriod(
                periods[-1].stage_name, periods[-1].entered_at, event.occurred_at, calendar
            )
        periods.append(StagePeriod(name, event.occurred_at, None, calendar))
    return periods


def stage_status(case, calendar: WorkingCalendar | None = None) -> dict:
    """Time in the current stage against its target, in working days of the lead
    organisation's calendar (`calendar`: that calendar, when the caller loaded it already)."""
    if calendar is None:
        calendar = lead_calendar(case)
    spent = working_days.working_days_between(
        local_date(case.stage_entered_at), local_date(clock.now()), calendar
    )
    target = case.stage.target_working_days
    return {
        "spent": spent,
        "target": target,
        "overdue": target is not None and spent > target,
    }


def mark_overdue(cases) -> None:
    """Set `stage_overdue` on each listed case the user may see the process of (the lead
    organisations' calendars read once for the page)."""
    judged = [case for case in cases if case.sees_process and case.is_open]
    for case in cases:
        case.stage_overdue = False
    if not judged:
        return
    leads = {
        case.lead_organisation_id
        for case in judged
        if getattr(case, "lead_calendar_differs", True) is not False
    }
    calendars = calendars_of(leads)
    for case in judged:
        calendar = calendars.of(case.lead_organisation_id)
        case.stage_overdue = stage_status(case, calendar)["overdue"]


@dataclass(frozen=True)
class InstrumentGroup:
    partner_kind: str
    label: str
    instruments: list[Instrument]


def instrument_suggestions(case_access: CaseAccess) -> list[InstrumentGroup]:
    """ "Wat kan wie nu inzetten": active instruments that fit the current stage, per kind
    of partner, in the order of the partner kinds."""
    if not case_access.sees_process:
        return []
    stage = case_access.case.stage
    fitting: dict[str, list[Instrument]] = {}
    for instrument in Instrument.objects.filter(active=True).order_by("name"):
        if instrument.fits(stage):
            fitting.setdefault(instrument.partner_kind, []).append(instrument)
    return [
        InstrumentGroup(kind, str(label), fitting[kind])
        for kind, label in OrganisationKind.choices
        if kind in fitting
    ]


def case_measures(case_access: CaseAccess) -> list[Measure]:
    """The case's measures, active ones first, each marked with whether this user may
    update it."""
    measures = sorted(
        case_access.measures(), key=lambda m: (not m.is_active, -m.start_date.toordinal())
    )
    for measure in measures:
        measure.may_change = case_access.can_change_measure(measure)
    return measures


def shared_case_list(request):
    """Cases shared with the user's organisation, with level and shared-at, filtered."""
    data = request.GET.copy()
    data.setdefault("status", "open")
    cases = access.with_access_level(access.shared_with_organisation(request.user), request.user)
    cases = (
        cases.annotate(shared_at=access.shared_at(request.user))
        .select_related("stage", "lead_organisation")
        .order_by("-shared_at", "-reference")
    )
    shared_filter = SharedCaseFilter(data, queryset=cases, request=request)
    style_form(shared_filter.form)
    return shared_filter
