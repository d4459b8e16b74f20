"""Reads for the notification inbox (selectors): what a user may see of their notifications."""

from django.db.models import Q, QuerySet

from cases import access
from cases.models import Notification


def visible_notifications(user) -> QuerySet[Notification]:
    """The user's notifications, without those about cases the user can no longer see."""
    return Notification.objects.filter(recipient=user).filter(
        Q(case__isnull=True) | Q(case__in=access.visible_cases(user))
    )


def unread_count(user) -> int:
    return visible_notifications(user).filter(read_at__isnull=True).count()
