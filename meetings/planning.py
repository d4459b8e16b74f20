"""Dates of the casusoverleg: the cut-off for requests and the notice day, in working days."""

from datetime import date, timedelta

from django.utils import timezone

from cases.calendars import working_days


def working_days_before(day: date, days: int) -> date:
    """The date `days` working days before `day` (the day itself not counted)."""
    remaining = days
    while remaining:
        day -= timedelta(days=1)
        if working_days.is_working_day(day):
            remaining -= 1
    return day


def meeting_day(meeting) -> date:
    return timezone.localdate(meeting.starts_at)


def cutoff_date(meeting) -> date:
    """The last day requests reach this meeting; after it they go to the next one."""
    return working_days_before(meeting_day(meeting), meeting.series.cutoff_working_days)


def next_dates(start: date, rhythm: str, count: int) -> list[date]:
    """Suggested dates for the next meetings of a series after `start`."""
    from .models import Series

    step = {Series.Rhythm.WEEKLY: 7, Series.Rhythm.TWO_WEEKLY: 14}.get(rhythm)
    dates, day = [], start
    for _n in range(count):
        if step:
            day = day + timedelta(days=step)
        else:
            month = day.month % 12 + 1
            year = day.year + (day.month == 12)
            day = day.replace(year=year, month=month, day=min(day.day, 28))
        dates.append(day)
    return dates
