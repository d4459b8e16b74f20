"""Reads about a case's life after closing: recurrence (recidive) of the overlast.

A closed case counts as recurrence when, within 12 months after it was closed, a new melding
arrives on one of its addresses (by the normalised address key, on this case or another; a
case's addresses are its own and its further ones, docs/adr/0030), or the case was reopened
within those 12 months. DOMAIN.md asks for recurrence within 6 and 12 months.

The cases come from the door (`cases.access`) and only meldingen on those cases count: a
melding that another organisation logged on the address, in a case the reader cannot see,
would tell the reader that the other organisation knows the address (docs/adr/0019).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from .calendars import local_date
from .calendars.months import add_months
from .models import Event, Report


@dataclass(frozen=True)
class Recurrence:
    case_id: int
    reference: str
    closed_on: date
    returned_on: date
    how: str  # "melding" or "heropend"


def recurrences(cases, *, months: int = 12) -> list[Recurrence]:
    """The closures among `cases` (a queryset from cases.access) that saw the overlast
    return within `months`: the earliest return per closure."""
    closed = list(cases.filter(closed_on__isnull=False).values_list("pk", "reference", "closed_on"))
    found: dict[tuple[int, date], Recurrence] = {}

    def keep(recurrence: Recurrence) -> None:
        key = (recurrence.case_id, recurrence.closed_on)
        if key not in found or recurrence.returned_on < found[key].returned_on:
            found[key] = recurrence

    keys_of = _address_keys(cases, [pk for pk, *_rest in closed])
    keys = set().union(*keys_of.values()) if keys_of else set()
    by_key: dict[str, list[date]] = {}
    reports = list(
        Report.objects.filter(case__in=cases)
        .filter(Q(case__address_key__in=keys) | Q(case__further_addresses__address_key__in=keys))
        .values_list("pk", "case_id", "received_at")
        .distinct()
    )
    report_keys = _address_keys(cases, {case_id for _pk, case_id, _at in reports})
    for _pk, case_id, received_at in reports:
        for key in report_keys.get(case_id, set()) & keys:
            by_key.setdefault(key, []).append(local_date(received_at))
    for pk, reference, closed_on in closed:
        until = add_months(closed_on, months)
        returns = [
            day
            for key in keys_of.get(pk, ())
            for day in by_key.get(key, [])
            if closed_on < day <= until
        ]
        if returns:
            keep(Recurrence(pk, reference, closed_on, min(returns), "melding"))
    # A reopened case is open again; its closing date is in the reopening event.
    reopened = Event.objects.filter(case__in=cases, kind=Event.Kind.CASE_REOPENED).values_list(
        "case_id", "case__reference", "occurred_at", "data"
    )
    for pk, reference, occurred_at, data in reopened:
        try:
            closed_on = date.fromisoformat(data.get("closed_on", ""))
        except (TypeError, ValueError):
            continue
        day = local_date(occurred_at)
        if closed_on <= day <= add_months(closed_on, months):
            keep(Recurrence(pk, reference, closed_on, day, "heropend"))
    return sorted(found.values(), key=lambda r: (r.closed_on, r.reference))


def _address_keys(cases, pks) -> dict[int, set[str]]:
    """{case id: the keys of its current and further addresses}, for these cases of `cases`."""
    found: dict[int, set[str]] = {}
    rows = cases.filter(pk__in=list(pks)).values_list(
        "pk", "address_key", "further_addresses__address_key"
    )
    for pk, key, further in rows:
        found.setdefault(pk, set()).update(k for k in (key, further) if k)
    return found
