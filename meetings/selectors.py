"""Reads of the casusoverleg that depend on who asks.

Case data comes through cases.access: what an organisation sees of an agenda item is the
level it has on that case, and a document made for another organisation never shows more
than the maker's own organisation may see either.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Prefetch, Q

from cases import access as case_access
from cases import selectors as case_selectors
from cases.access import CaseAccess
from cases.access.levels import shows_details, shows_process
from cases.models import ActionItem, CasePerson, Event
from cases.models.choices import PersonRole
from woonoverlast.refusals import Refusal

from .models import (
    AgendaItem,
    AgendaRequest,
    Meeting,
    MeetingDocument,
    MeetingDocumentSource,
    Series,
)


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
        raise Refusal.not_found("Overleg niet gevonden")
    return meeting


def case_access_for(user, case) -> CaseAccess | None:
    level = case_access.access_level(user, case)
    return CaseAccess(case=case, user=user, level=level) if level else None


def coordinator_level(series: Series, case) -> str | None:
    return case_access.organisation_levels(series.organisation_id, [case]).get(case.pk)


# -- what one organisation sees of one agenda item ----------------------------------------


@dataclass(frozen=True)
class DecisionShown:
    """A decision on an agenda item as the reader's level shows it: its kind from `proces`,
    its text only at `volledig` (ADR 0010), so no template has to leave the text out."""

    kind_label: str
    text: str = ""


@dataclass
class AgendaEntry:
    """An agenda item as one organisation may see it (for the page and the PDFs)."""

    item: AgendaItem
    level: str
    number: int
    progress: list[str] = field(default_factory=list)
    open_actions: list[ActionItem] = field(default_factory=list)
    persons: list = field(default_factory=list)
    decisions: list[DecisionShown] = field(default_factory=list)
    actions: list[ActionItem] = field(default_factory=list)

    @property
    def case(self):
        return self.item.case

    @property
    def full(self) -> bool:
        return shows_details(self.level)

    # The outcome texts are `volledig` only (ADR 0010); below that they are empty here, so
    # neither a page nor a form nor a PDF can show them.
    @property
    def minutes(self) -> str:
        return self.item.minutes if self.full else ""

    @property
    def agreements(self) -> str:
        return self.item.agreements if self.full else ""

    @property
    def not_informed_reason(self) -> str:
        return self.item.not_informed_reason if self.full else ""


PROGRESS_LABELS = {
    Event.Kind.REPORT_ADDED: ("%(n)s nieuwe melding", "%(n)s nieuwe meldingen"),
    Event.Kind.NOTE_ADDED: ("%(n)s nieuwe logboekregel", "%(n)s nieuwe logboekregels"),
    Event.Kind.DECISION_RECORDED: ("%(n)s besluit vastgelegd", "%(n)s besluiten vastgelegd"),
    Event.Kind.ACTION_DONE: ("%(n)s actiepunt afgerond", "%(n)s actiepunten afgerond"),
}


def _progress(events) -> list[str]:
    """Facts since the previous meeting, from the case's events since then in time order:
    stage changes and counts, never content."""
    from django.utils.translation import gettext, ngettext

    lines, counts = [], {}
    for event in events:
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
    previous = previous_meeting(meeting)
    since = previous.starts_at if previous else None
    items = list(
        meeting.items.select_related("case__stage", "case__lead_organisation", "case__regisseur")
        .prefetch_related(*_entry_prefetches(since))
        .order_by("order", "id")
    )
    entries = []
    for item in items:
        level = levels.get(item.case_id)
        if not shows_process(level):
            continue
        entry = AgendaEntry(item=item, level=level, number=len(entries) + 1)
        entry.progress = _progress(item.case.events_since)
        entry.open_actions = item.case.open_actions
        entry.actions = list(item.action_items.all())
        entry.decisions = [
            DecisionShown(
                kind_label=decision.get_kind_display(),
                text=decision.text if shows_details(level) else "",
            )
            for decision in item.decisions.all()
        ]
        if shows_details(level):
            # Betrokkenen, but never a melder: no agenda ever carries a melder's identity.
            entry.persons = item.case.agenda_persons
        entries.append(entry)
    return entries


def _entry_prefetches(since: datetime | None) -> list:
    """What every entry shows, fetched for all items at once: the number of queries of an
    agenda (and of each PDF) does not grow with its number of items. Which of it an entry
    shows is still decided per item by its level, in agenda_entries."""
    events = Event.objects.order_by("occurred_at", "pk")
    if since is not None:
        events = events.filter(occurred_at__gt=since)
    owner = ("owner_organisation", "owner")
    return [
        "partners_needed",
        "decisions",
        Prefetch("action_items", ActionItem.objects.select_related(*owner)),
        Prefetch("case__events", events, to_attr="events_since"),
        Prefetch(
            "case__action_items",
            ActionItem.objects.filter(status=ActionItem.Status.OPEN).select_related(*owner),
            to_attr="open_actions",
        ),
        Prefetch(
            "case__case_persons",
            CasePerson.objects.exclude(role=PersonRole.MELDER)
            .select_related("person")
            .order_by("role", "person__last_name"),
            to_attr="agenda_persons",
        ),
    ]


def item_entry(user, meeting: Meeting, item_id: int):
    """(agenda item of `meeting` or None, the item as the user's organisation may see it now
    or None below `proces`)."""
    item = meeting.items.select_related("case").filter(pk=item_id).first()
    if item is None:
        return None, None
    levels = levels_for_user(user, [item.case])
    entry = next((e for e in agenda_entries(meeting, levels) if e.item.pk == item.pk), None)
    return item, entry


def levels_for_user(user, cases) -> dict[int, str]:
    """{case id: level} of the cases the user may see now, among `cases` (through the door)."""
    if not user.is_authenticated or user.organisation_id is None:
        return {}
    case_ids = [case.pk for case in cases]
    visible = list(case_access.visible_cases(user).filter(pk__in=case_ids))
    return case_access.organisation_levels(user.organisation_id, visible)


def meeting_levels(user, meeting: Meeting) -> dict[int, str]:
    """The user's current level on each case on the agenda of `meeting`."""
    return levels_for_user(user, [item.case for item in meeting.items.select_related("case")])


def levels_for_document(cases, organisation_id: int | None, maker) -> dict[int, str]:
    """Levels for a PDF made by `maker` for `organisation_id` (None: the chair's combined copy).

    Each case at the lower of the recipient's and the maker's organisation's level: a
    coordinator cannot print more than their own organisation may see.
    """
    cases = list(cases)
    if maker.organisation_id is None:
        return {}
    own = case_access.organisation_levels(maker.organisation_id, cases)
    if organisation_id is None:
        return own
    theirs = case_access.organisation_levels(organisation_id, cases)
    levels = {}
    for case in cases:
        level = case_access.lowest_level(own.get(case.pk), theirs.get(case.pk))
        if level is not None:
            levels[case.pk] = level
    return levels


def stale_sources(document: MeetingDocument, sources=None) -> list[MeetingDocumentSource]:
    """The sources of `document` that it could no longer be made with now.

    A document is made at the lower of its recipient's and its maker's organisation's
    level; when either has dropped below the level a case was cut for (a share revoked or
    lowered), the document shows more than may be shown and is stale.
    """
    sources = list(document.sources.select_related("case") if sources is None else sources)
    now = levels_for_document(
        [source.case for source in sources], document.organisation_id, document.requested_by
    )
    return [
        source
        for source in sources
        if not case_access.at_least(now.get(source.case_id), source.level)
    ]


def document_refusals(user, document: MeetingDocument) -> list[MeetingDocumentSource]:
    """The sources that keep `user` from downloading `document` now: the reader's own level
    is below the recorded one, or the document is stale. Empty: the download may go ahead."""
    sources = list(document.sources.select_related("case"))
    reader = levels_for_user(user, [source.case for source in sources])
    short = [
        source
        for source in sources
        if not case_access.at_least(reader.get(source.case_id), source.level)
    ]
    stale = stale_sources(document, sources)
    return [source for source in sources if source in short or source in stale]


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
    return [action for action in actions if shows_process(levels.get(action.case_id))]


def carried_action_levels(user, meeting: Meeting) -> dict[int, str]:
    """The user's current level on the cases of earlier meetings of the series."""
    earlier = AgendaItem.objects.filter(
        meeting__series=meeting.series, meeting__starts_at__lt=meeting.starts_at
    ).select_related("case")
    return levels_for_user(user, list({item.case for item in earlier}))


def pending_requests(user, meeting: Meeting) -> tuple[list[AgendaRequest], dict[int, str]]:
    """Open requests of `meeting` whose case the user sees now at `proces` or more, and the
    user's level on each: a request for a case whose share was revoked (or lowered to
    `bestaan`) disappears from the page, as the case itself does."""
    requests = list(
        meeting.requests.filter(
            status__in=[AgendaRequest.Status.REQUESTED, AgendaRequest.Status.DEFERRED]
        )
        .select_related("case__stage", "case__lead_organisation", "requested_by")
        .prefetch_related("partners_needed")
    )
    levels = levels_for_user(user, [request.case for request in requests])
    shown = [request for request in requests if shows_process(levels.get(request.case_id))]
    return shown, {request.case_id: levels[request.case_id] for request in shown}


def meeting_request(user, meeting: Meeting, request_id: int):
    """(request of `meeting` or None, whether the user sees its case now at `proces` or more)."""
    found = meeting.requests.select_related("case", "meeting__series").filter(pk=request_id).first()
    if found is None:
        return None, False
    return found, shows_process(levels_for_user(user, [found.case]).get(found.case_id))


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
