"""Dutch working-day arithmetic for stage targets and deadlines (DESIGN.md: "time is Dutch
working days").

A working day is Monday to Friday and not a Dutch public holiday. The holidays are whatever
`holidays.country_holidays("NL")` returns in its default ("public") category; with the pinned
`holidays` 0.109 that is:

- Nieuwjaarsdag (1 January);
- Goede Vrijdag. Note: not a general day off in the Netherlands (most employers and
  municipalities work), but `holidays` counts it, and we follow the package rather than keep
  our own list;
- Eerste en Tweede Paasdag;
- Koningsdag: 27 April, or Saturday 26 April when the 27th is a Sunday (so in those years it
  costs no working day); Koninginnedag 30 April before 2014;
- Bevrijdingsdag (5 May) only in lustrum years (year divisible by 5: 2025, 2030, ...), as in
  most collective labour agreements. Every other year it sits only in the "optional" category,
  which we do not use;
- Hemelvaartsdag;
- Eerste en Tweede Pinksterdag;
- Eerste en Tweede Kerstdag (25 and 26 December).

No "observed" substitute days: a holiday on a weekend is simply lost, as in Dutch practice.

Every function takes dates or aware datetimes; datetimes count by their Europe/Amsterdam
calendar date (`local_date`), whatever timezone is active for the request.
"""

from datetime import date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays
from django.utils import timezone

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

_ONE_DAY = timedelta(days=1)


def local_date(value: date | datetime) -> date:
    """The Dutch calendar date of `value`.

    An aware datetime becomes its Europe/Amsterdam date (an event stored at 23:30 UTC on a
    Sunday in summer happened on Monday here). A plain date is returned as is. A naive datetime
    is refused (ValueError): we cannot know which day it meant.
    """
    if isinstance(value, datetime):
        return timezone.localdate(value, timezone=AMSTERDAM)
    return value


@lru_cache(maxsize=256)
def holidays_in_year(year: int) -> frozenset[date]:
    """The Dutch public holidays of `year`, built once per year and cached."""
    return frozenset(holidays.country_holidays("NL", years=year))


def is_working_day(day: date | datetime) -> bool:
    day = local_date(day)
    return day.weekday() < 5 and day not in holidays_in_year(day.year)


def add_working_days(start: date | datetime, days: int) -> date:
    """The date `days` working days after `start`; `start` itself is not counted.

    With `days=0` this is `start` when it is a working day, else the next working day (the
    first day work can happen).
    """
    if days < 0:
        raise ValueError(f"days must be zero or positive, not {days}")
    day = local_date(start)
    if days == 0:
        while not is_working_day(day):
            day += _ONE_DAY
        return day
    remaining = days
    while remaining:
        day += _ONE_DAY
        if is_working_day(day):
            remaining -= 1
    return day


def working_days_between(start: date | datetime, end: date | datetime) -> int:
    """The number of working days after `start` up to and including `end`; 0 if end <= start.

    A case that entered a stage on Friday has spent 1 working day in it on Monday. Counted
    arithmetically (weekdays minus weekday holidays) so a stage open for years stays cheap.
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
            for holiday in holidays_in_year(year)
            if start < holiday <= end and holiday.weekday() < 5
        )
    return count
