"""Reads of case data that depend on who asks. Querysets come from cases.access."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch

from woonoverlast.forms import style_form

from . import access
from .access import CaseAccess
from .filters import CaseFilter
from .models import Attachment, CasePerson, Event, Note, NuisanceCategory, Report


def case_list(request) -> CaseFilter:
    """The filtered case list for the requesting user; `.qs` is ready to paginate."""
    data = request.GET.copy()
    data.setdefault("status", "open")
    cases = access.with_access_level(access.visible_cases(request.user), request.user)
    cases = cases.select_related("stage", "regisseur", "lead_organisation").prefetch_related(
        Prefetch("categories", queryset=NuisanceCategory.objects.order_by("order"))
    )
    case_filter = CaseFilter(data, queryset=cases, request=request)
    style_form(case_filter.form)
    return case_filter


@dataclass(frozen=True)
class TimelineEntry:
    event: Event
    item: Report | Note | Attachment | CasePerson | None

    @property
    def template(self) -> str:
        return f"cases/timeline/{self.event.target_type or 'event'}.html"


def case_timeline(case_access: CaseAccess, limit: int = 200) -> list[TimelineEntry]:
    """Meldingen, logboek, attachments and changes, newest first, as this user may see them.

    Events name their target by type and id; the targets are loaded through the access
    rules, so an entry the user may not see (a note of another organisation) is left out.
    """
    events = list(
        case_access.case.events.select_related("actor", "organisation").order_by(
            "-occurred_at", "-id"
        )[:limit]
    )
    visible_targets = {
        "report": case_access.reports(),
        "note": case_access.notes(),
        "attachment": case_access.attachments(),
        "caseperson": case_access.case_persons(),
    }
    wanted: dict[str, set[int]] = {}
    for event in events:
        if event.target_type:
            wanted.setdefault(event.target_type, set()).add(event.target_id)
    loaded = {
        kind: {obj.pk: obj for obj in visible_targets[kind].filter(pk__in=ids)}
        for kind, ids in wanted.items()
        if kind in visible_targets
    }
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
