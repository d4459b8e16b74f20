"""The Dutch calendar date of a moment."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def local_date(value: date | datetime) -> date:
    """The Dutch calendar date of `value`.

    An aware datetime becomes its Europe/Amsterdam date (an event stored at 23:30 UTC on a
    Sunday in summer happened on Monday here). A plain date is returned as is. A naive datetime
    is refused (ValueError): we cannot know which day it meant.
    """
    if isinstance(value, datetime):
        return timezone.localdate(value, timezone=AMSTERDAM)
    return value
