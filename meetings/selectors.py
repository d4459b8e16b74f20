"""Reads of the casusoverleg that depend on who asks.

Case data comes through cases.access: what an organisation sees of an agenda item is the
level it has on that case, and a document made for another organisation never shows more
than the maker's own organisation may see either.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Q
from django.http import Http404

from cases import access as case_access
from cases import selectors as case_selectors
from cases.access import CaseAccess
from cases.models import ActionItem, Case, Event
from cases.models.choices import AccessLevel, PersonRole

from .models import AgendaItem, AgendaRequest, Meeting, Series

PROCESS_LEVELS = (AccessLevel.PROCES, AccessLevel.VOLLEDIG)


def may_coordinate(user, series: Series) -> bool:
    return (
        user.is_authenticated
        and user.has_perm("meetings.change_meeting")
        and user.organisation_id == series.organisation_id
    )


def visible_series(user):
    if not user.is_authenticated or not user.organisation_id:
        return Series.objects.none()
    if not user.has_perm("meetings.view_series"):
        return Series.objects.none()
    return Series.objects.filter(
        Q(organisation_id=user.organisation_id) | Q(participants=user.organisation_id)
    ).distinct()


def visible_meetings(user):
    if not user.has_perm("meetings.view_meeting"):
        return Meeting.objects.none()
    return Meeting.objects.filter(series__in=visible_series(user)).select_related("series", "chair")


def get_meeting(user, meeting_id: int) -> Meeting:
    meeting = visible_meetings(user).filter(pk=meeting_id).first()
    if meeting is None:
        raise Http404("Overleg niet gevonden")
    return meeting


def case_access_for(user, case) -> CaseAccess | None:
    level = case_access.access_level(user, case)
    return CaseAccess(case=case, user=user, level=level) if level else None


def coordinator_level(series: Series, case) -> str | None:
    return case_access.organisation_levels(series.organisation_id, [case]).get(case.pk)


# -- what one organisation sees of one agenda item ----------------------------------------


@dataclass
class AgendaEntry:
    """An agenda item as one organisation may see it (for the page and the PDFs)."""

    item: AgendaItem
    level: str
    number: int
    progress: list[str] = field(default_factory=list)
    open_actions: list[ActionItem] = field(default_factory=list)
    persons: list = field(default_factory=list)
    decisions: list = field(default_factory=list)
    actions: list[ActionItem] = field(default_factory=list)

    @property
    def case(self):
        return self.item.case

    @property
    def full(self) -> bool:
        return self.level == AccessLevel.VOLLEDIG


PROGRESS_LABELS = {
    Event.Kind.REPORT_ADDED: ("%(n)s nieuwe melding", "%(n)s nieuwe meldingen"),
    Event.Kind.NOTE_ADDED: ("%(n)s nieuwe logboekregel", "%(n)s nieuwe logboekregels"),
    Event.Kind.DECISION_RECORDED: ("%(n)s besluit vastgelegd", "%(n)s besluiten vastgelegd"),
    Event.Kind.ACTION_DONE: ("%(n)s actiepunt afgerond", "%(n)s actiepunten afgerond"),
}


def _progress(case, since: datetime | None) -> list[str]:
    """Facts since the previous meeting: stage changes and counts, never content."""
    from django.utils.translation import gettext, ngettext

    events = case.events.all()
    if since is not None:
        events = events.filter(occurred_at__gt=since)
    lines, counts = [], {}
    for event in events.order_by("occurred_at"):
        if event.kind == Event.Kind.STAGE_CHANGED:
            lines.append(
                gettext("Fase gewijzigd: %(from)s → %(to)s")
                % {"from": event.data.get("from", ""), "to": event.data.get("to", "")}
            )
        elif event.kind in PROGRESS_LABELS:
            counts[event.kind] = counts.get(event.kind, 0) + 1
    for kind, (one, many) in PROGRESS_LABELS.items():
        if counts.get(kind):
            lines.append(ngettext(one, many, counts[kind]) % {"n": counts[kind]})
    return lines


def previous_meeting(meeting: Meeting) -> Meeting | None:
    return (
        Meeting.objects.filter(series=meeting.series, starts_at__lt=meeting.starts_at)
        .order_by("-starts_at")
        .first()
    )


def agenda_entries(meeting: Meeting, levels: dict[int, str]) -> list[AgendaEntry]:
    """The agenda items whose case is in `levels` at `proces` or more, numbered in order.

    `levels` maps case id to the level to show; items missing from it are left out, so an
    organisation never learns of a case it does not participate in.
    """
    items = list(
        meeting.items.select_related("case__stage", "case__lead_organisation", "case__regisseur")
        .prefetch_related("partners_needed", "decisions", "action_items__owner_organisation")
        .order_by("order", "id")
    )
    previous = previous_meeting(meeting)
    since = previous.starts_at if previous else None
    entries = []
    for item in items:
        level = levels.get(item.case_id)
        if level not in PROCESS_LEVELS:
            continue
        entry = AgendaEntry(item=item, level=level, number=len(entries) + 1)
        entry.progress = _progress(item.case, since)
        entry.open_actions = list(
            item.case.action_items.filter(status=ActionItem.Status.OPEN).select_related(
                "owner_organisation", "owner"
            )
        )
        entry.actions = list(item.action_items.all())
        entry.decisions = list(item.decisions.all())
        if level == AccessLevel.VOLLEDIG:
            # Betrokkenen, but never a melder: no agenda ever carries a melder's identity.
            entry.persons = list(
                item.case.case_persons.exclude(role=PersonRole.MELDER)
                .select_related("person")
                .order_by("role", "person__last_name")
            )
        entries.append(entry)
    return entries


def levels_for_user(user, meeting: Meeting) -> dict[int, str]:
    case_ids = list(meeting.items.values_list("case_id", flat=True))
    cases = case_access.visible_cases(user).filter(pk__in=case_ids)
    if user.organisation_id is None:
        return {}
    return case_access.organisation_levels(user.organisation_id, list(cases))


def levels_for_document(meeting: Meeting, organisation, maker) -> dict[int, str]:
    """Levels for a PDF made by `maker` for `organisation` (None: the chair's combined copy).

    Each case at the lower of the recipient's and the maker's organisation's level: a
    coordinator cannot print more than their own organisation may see.
    """
    case_ids = list(meeting.items.values_list("case_id", flat=True))
    cases = list(Case.objects.filter(pk__in=case_ids))
    own = case_access.organisation_levels(maker.organisation_id, cases)
    if organisation is None:
        return own
    theirs = case_access.organisation_levels(organisation.pk, cases)
    levels = {}
    for case in cases:
        level = case_access.lowest_level(own.get(case.pk), theirs.get(case.pk))
        if level is not None:
            levels[case.pk] = level
    return levels


def carried_actions(meeting: Meeting, levels: dict[int, str]) -> list[ActionItem]:
    """Open actiepunten agreed at earlier meetings of the series, for cases not on this agenda.

    They stay on every next agenda until done.
    """
    on_agenda = set(meeting.items.values_list("case_id", flat=True))
    earlier = AgendaItem.objects.filter(
        meeting__series=meeting.series, meeting__starts_at__lt=meeting.starts_at
    ).values("action_items")
    actions = (
        ActionItem.objects.filter(pk__in=earlier, status=ActionItem.Status.OPEN)
        .exclude(case_id__in=on_agenda)
        .select_related("case", "owner_organisation", "owner")
        .order_by("due_on")
    )
    return [action for action in actions if levels.get(action.case_id) in PROCESS_LEVELS]


def carried_action_levels(meeting: Meeting, organisation_id: int) -> dict[int, str]:
    earlier = AgendaItem.objects.filter(
        meeting__series=meeting.series, meeting__starts_at__lt=meeting.starts_at
    ).select_related("case")
    cases = list({item.case for item in earlier})
    return case_access.organisation_levels(organisation_id, cases)


def pending_requests(meeting: Meeting):
    return (
        meeting.requests.filter(
            status__in=[AgendaRequest.Status.REQUESTED, AgendaRequest.Status.DEFERRED]
        )
        .select_related("case__stage", "case__lead_organisation", "requested_by")
        .prefetch_related("partners_needed")
    )


def case_requests(user, case):
    """Requests and agenda items for this case in series the user's organisation is part of."""
    series = visible_series(user)
    return (
        AgendaRequest.objects.filter(case=case, meeting__series__in=series)
        .select_related("meeting__series")
        .order_by("-meeting__starts_at")
    )


def stage_overdue(case) -> bool:
    return case_selectors.stage_status(case)["overdue"]
