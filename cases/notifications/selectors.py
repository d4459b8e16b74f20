"""Reads for notifications: what a user may see in the inbox, and the own reminder settings.

A notification about a case is shown while the user's organisation sees that case at level
`proces` or more: a share revoked or lowered to `bestaan` hides what was sent before.
"""

from django.db.models import Q, QuerySet

from cases import access
from cases.models import Notification, ReminderSettings


def visible_notifications(user) -> QuerySet[Notification]:
    """The user's notifications, without those about cases whose process the user can no
    longer see."""
    return Notification.objects.filter(recipient=user).filter(
        Q(case__isnull=True) | Q(case__in=access.process_cases(user))
    )


def unread_count(user) -> int:
    return visible_notifications(user).filter(read_at__isnull=True).count()


def own_reminder_settings(user) -> ReminderSettings | None:
    if user.organisation_id is None:
        return None
    return ReminderSettings.objects.filter(organisation_id=user.organisation_id).first()
