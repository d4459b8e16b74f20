"""Reads for notifications: what a user may see in the inbox, and the coming days off and
extra days of a working calendar.

A notification about a case is shown while the user's organisation sees that case at level
`proces` or more: a share revoked or lowered to `bestaan` hides what was sent before.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet

from cases import access
from cases.calendars import working_days
from cases.models import ExtraDayOff, Notification, ReminderSettings


def visible_notifications(user) -> QuerySet[Notification]:
    """The user's notifications, without those about cases whose process the user can no
    longer see."""
    return Notification.objects.filter(recipient=user).filter(
        Q(case__isnull=True) | access.process_shown_q(user)
    )


def unread_count(user) -> int:
    return visible_notifications(user).filter(read_at__isnull=True).count()


@dataclass(frozen=True)
class DayOff:
    """A coming day off of a working calendar, as the settings page lists it."""

    day: date
    name: str
    extra: bool  # an extra day of the organisation, not a holiday

    @property
    def in_weekend(self) -> bool:
        return self.day.weekday() >= 5


def coming_days_off(config: ReminderSettings, today: date) -> list[DayOff]:
    """The days off of these settings' calendar from `today` to the end of next year."""
    calendar = config.working_calendar()
    days = [
        DayOff(day, str(name), extra=False)
        for year in (today.year, today.year + 1)
        for day, name in working_days.holiday_names(year, calendar).items()
        if day >= today
    ]
    days += [
        DayOff(day_off.day, day_off.description, extra=True)
        for day_off in config.extra_days_off.all()
        if today <= day_off.day <= date(today.year + 1, 12, 31)
    ]
    return sorted(days, key=lambda day_off: day_off.day)


def extra_day_off(organisation_id: int | None, day_off_id: int) -> ExtraDayOff | None:
    """An extra day off of this organisation's calendar (None: the default's), else None."""
    days = ExtraDayOff.objects.filter(pk=day_off_id)
    if organisation_id is None:
        return days.filter(settings__organisation__isnull=True).first()
    return days.filter(settings__organisation_id=organisation_id).first()
