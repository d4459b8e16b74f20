"""Removing and rewriting rows of the append-only case timeline for retention (ADR 0016).

On PostgreSQL the application role may not UPDATE or DELETE `cases_event` rows; the owner's
function woonoverlast_delete_case_events removes them, for closed cases only. A scrubbed
event is therefore written anew: the old row goes through that function, a copy is inserted.
"""

from __future__ import annotations

from django.db import connection

from cases.models import Case, Event


def delete_events(case: Case, event_ids: list[int] | None = None) -> int:
    """Remove events of this (closed) case: all of them, or those with the given ids."""
    if connection.vendor != "postgresql":
        events = Event.objects.filter(case=case)
        if event_ids is not None:
            events = events.filter(pk__in=event_ids)
        return events.delete()[0]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT woonoverlast_delete_case_events(%s::bigint, %s::bigint[])",
            [case.pk, event_ids],
        )
        return cursor.fetchone()[0]


def replace_events(case: Case, events: list[Event]) -> int:
    """Write changed copies of `events` in place of the stored rows (same case, same order)."""
    if not events:
        return 0
    delete_events(case, [event.pk for event in events])
    for event in events:
        event.pk = None
        event.save(force_insert=True)
    return len(events)
