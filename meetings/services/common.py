"""What every casusoverleg service shares: refusals, locking, history.

A refused action raises woonoverlast.refusals.Refusal, like every other service."""

from django.utils.translation import gettext as _

from meetings.models import Meeting, Series
from meetings.selectors import may_coordinate
from woonoverlast.refusals import Refusal


def _save(instance, actor):
    instance._history_user = actor
    instance.save()
    return instance


def _require_coordinator(actor, series: Series):
    if not may_coordinate(actor, series):
        raise Refusal.forbidden(_("Alleen de coördinator van dit overleg mag dit doen."))


def _require_open(meeting: Meeting):
    if meeting.is_final:
        raise Refusal(_("Het verslag is vastgesteld; dit overleg kan niet meer veranderen."))


def _lock(meeting: Meeting) -> Meeting:
    return Meeting.objects.select_for_update().select_related("series").get(pk=meeting.pk)
