"""What every casusoverleg service shares: refusals, locking, history."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from meetings.models import Meeting, Series
from meetings.selectors import may_coordinate


class MeetingError(ValueError):
    """A refused action, with a Dutch message for the user."""


def _save(instance, actor):
    instance._history_user = actor
    instance.save()
    return instance


def _require_coordinator(actor, series: Series):
    if not may_coordinate(actor, series):
        raise PermissionDenied(_("Alleen de coördinator van dit overleg mag dit doen."))


def _require_open(meeting: Meeting):
    if meeting.is_final:
        raise MeetingError(_("Het verslag is vastgesteld; dit overleg kan niet meer veranderen."))


def _lock(meeting: Meeting) -> Meeting:
    return Meeting.objects.select_for_update().select_related("series").get(pk=meeting.pk)
