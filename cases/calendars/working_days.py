"""Working days for internal norms: streefduur per stage, reminder thresholds, the 2 working
days to contact a melder (DESIGN.md, rule "time as the law counts it").

A working day is Monday to Friday and not a day off of the organisation's calendar. The
default calendar (`DEFAULT`) has the days off most Dutch organisations and collective labour
agreements share:

- Nieuwjaarsdag; Tweede Paasdag; Koningsdag (27 April, or Saturday 26 April when the 27th is a
  Sunday, so in those years it costs no working day); Hemelvaartsdag; Tweede Pinksterdag; Eerste
  en Tweede Kerstdag;
- Bevrijdingsdag (5 May) only in lustrum years (2025, 2030, …), as in most agreements;
- *not* Goede Vrijdag: most employers and municipalities work on it. (The legal calendar,
  `legal_terms`, does count it, by art. 3 lid 2 Algemene termijnenwet.)

A calendar can differ (`WorkingCalendar`): Goede Vrijdag off, 5 May every year, and extra days
off (a day the organisation closes). No "observed" substitute days: a holiday on a weekend is
lost, as in Dutch practice. Counting is arithmetic, so a stage open for years stays cheap.

Every function takes dates or aware datetimes; a datetime counts by its Europe/Amsterdam date.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache

from django.utils.translation import gettext_lazy as _

from .dates import local_date
from .easter import from_easter, koningsdag

_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class WorkingCalendar:
    good_friday_off: bool = False
    liberation_day_every_year: bool = False
    extra_days_off: frozenset[date] = field(default_factory=frozenset)

    def days_off(self, year: int) -> frozenset[date]:
        return _days_off(year, self.good_friday_off, self.liberation_day_every_year) | {
            day for day in self.extra_days_off if day.year == year
        }


@lru_cache(maxsize=512)
def _days_off(year: int, good_friday: bool, liberation_every_year: bool) -> frozenset[date]:
    return frozenset(_named_days_off(year, good_friday, liberation_every_year))


def _named_days_off(year: int, good_friday: bool, liberation_every_year: bool) -> dict[date, str]:
    days = {
        date(year, 1, 1): _("Nieuwjaarsdag"),
        from_easter(year, 0): _("Eerste Paasdag"),
        from_easter(year, 1): _("Tweede Paasdag"),
        koningsdag(year): _("Koningsdag") if year >= 2014 else _("Koninginnedag"),
        from_easter(year, 39): _("Hemelvaartsdag"),
        from_easter(year, 49): _("Eerste Pinksterdag"),
        from_easter(year, 50): _("Tweede Pinksterdag"),
        date(year, 12, 25): _("Eerste Kerstdag"),
        date(year, 12, 26): _("Tweede Kerstdag"),
    }
    if good_friday:
        days[from_easter(year, -2)] = _("Goede Vrijdag")
    if liberation_every_year or year % 5 == 0:
        days[date(year, 5, 5)] = _("Bevrijdingsdag")
    return days


def holiday_names(year: int, calendar: WorkingCalendar) -> dict[date, str]:
    """{day: name} of the holidays `calendar` gives off in `year` (its extra days aside, whose
    descriptions live with the organisation's settings)."""
    return _named_days_off(year, calendar.good_friday_off, calendar.liberation_day_every_year)


DEFAULT = WorkingCalendar()


def holidays_in_year(year: int, calendar: WorkingCalendar = DEFAULT) -> frozenset[date]:
    """The days off of `year` in `calendar` (weekend days among them included)."""
    return calendar.days_off(year)


def is_working_day(day: date | datetime, calendar: WorkingCalendar = DEFAULT) -> bool:
    day = local_date(day)
    return day.weekday() < 5 and day not in calendar.days_off(day.year)


def add_working_days(
    start: date | datetime, days: int, calendar: WorkingCalendar = DEFAULT
) -> date:
    """The date `days` working days after `start`; `start` itself is not counted.

    With `days=0` this is `start` when it is a working day, else the next working day (the
    first day work can happen).
    """
    if days < 0:
        raise ValueError(f"days must be zero or positive, not {days}")
    day = local_date(start)
    if days == 0:
        while not is_working_day(day, calendar):
            day += _ONE_DAY
        return day
    remaining = days
    while remaining:
        day += _ONE_DAY
        if is_working_day(day, calendar):
            remaining -= 1
    return day


def working_days_between(
    start: date | datetime, end: date | datetime, calendar: WorkingCalendar = DEFAULT
) -> int:
    """The number of working days after `start` up to and including `end`; 0 if end <= start.

    A case that entered a stage on Friday has spent 1 working day in it on Monday.
    """
    start, end = local_date(start), local_date(end)
    if end <= start:
        return 0
    full_weeks, rest = divmod((end - start).days, 7)
    count = full_weeks * 5
    count += sum(1 for offset in range(1, rest + 1) if (start + offset * _ONE_DAY).weekday() < 5)
    for year in range(start.year, end.year + 1):
        count -= sum(
            1
            for holiday in calendar.days_off(year)
            if start < holiday <= end and holiday.weekday() < 5
        )
    return count
