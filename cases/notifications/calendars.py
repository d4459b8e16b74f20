"""Each organisation's working calendar, as its reminder settings describe it (docs/adr/0029).

An organisation's internal norms (streefduur, reminder thresholds, the melder contact) count
the working days of its own calendar: its own settings row, else the regional default, else
the common Dutch calendar (`working_days.DEFAULT`) when no default row exists yet. Reading a
calendar never writes one.

Callers that look at many cases load the calendars of the organisations involved once, in one
query (`calendars_of`), and pass them along; a single case page asks `calendar_of`, also one
query. Legal terms (`cases.calendars.legal_terms`) never look here: the law has one calendar.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db.models import Exists, OuterRef, Q

from cases.calendars.working_days import DEFAULT, WorkingCalendar

from .models import ReminderSettings


class Calendars(dict):
    """{organisation id: its WorkingCalendar}; an organisation not loaded gets the default's."""

    def __init__(self, own: dict[int, WorkingCalendar], default: WorkingCalendar):
        super().__init__(own)
        self.default = default

    def of(self, organisation_id: int | None) -> WorkingCalendar:
        return self.get(organisation_id, self.default)


def calendars_of(organisation_ids: Iterable[int | None] | None = None) -> Calendars:
    """The calendars of these organisations (None: of every organisation with its own row),
    in one query: the rows with their extra days joined (one row per day). No organisation,
    no query: callers pass only the organisations whose calendar may differ."""
    rows = ReminderSettings.objects.all()
    if organisation_ids is not None:
        ids = {pk for pk in organisation_ids if pk is not None}
        if not ids:
            return Calendars({}, DEFAULT)
        rows = rows.filter(Q(organisation_id__in=ids) | Q(organisation__isnull=True))
    found: dict[int | None, tuple[bool, bool, set[date]]] = {}
    for organisation_id, good_friday, liberation, day in rows.values_list(
        "organisation_id", "good_friday_off", "liberation_day_every_year", "extra_days_off__day"
    ):
        _gf, _lib, days = found.setdefault(organisation_id, (good_friday, liberation, set()))
        if day is not None:
            days.add(day)
    calendars = {
        organisation_id: WorkingCalendar(
            good_friday_off=good_friday,
            liberation_day_every_year=liberation,
            extra_days_off=frozenset(days),
        )
        for organisation_id, (good_friday, liberation, days) in found.items()
    }
    default = calendars.pop(None, DEFAULT)
    return Calendars(calendars, default)


def calendar_of(organisation_id: int | None) -> WorkingCalendar:
    """The calendar of one organisation (its own, else the regional default's)."""
    return calendars_of([organisation_id]).of(organisation_id)


def may_differ_from_common(organisation_field: str) -> Exists:
    """An annotation: may the calendar of the organisation in `organisation_field` differ
    from the common Dutch one? False when neither its own settings nor the default give a
    holiday more or an extra day: then the calendar is `DEFAULT` without a query."""
    return Exists(
        ReminderSettings.objects.filter(
            Q(organisation_id=OuterRef(organisation_field)) | Q(organisation__isnull=True)
        ).filter(
            Q(good_friday_off=True)
            | Q(liberation_day_every_year=True)
            | Q(extra_days_off__isnull=False)
        )
    )
