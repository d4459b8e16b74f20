"""The casusoverleg's figure for the stuurinformatie page (cases/figures/registry.py):
time from the meeting to its vastgesteld verslag.

Registered by `MeetingsConfig.ready`, so the case register never imports meetings. The
organisation view counts the meetings of the series the organisation coordinates or takes
part in (`selectors.visible_meetings`); the regional view every meeting, for a user who may
see regional figures. A meeting is no household: the page's small-number rule still applies.
"""

from __future__ import annotations

from django.db.models import DurationField, ExpressionWrapper, F
from django.utils.translation import gettext as _

from cases.figures.figure import Days, Figure, Number
from cases.figures.stats import duration_percentiles

from .models import Meeting
from .selectors import visible_meetings


def minutes_figures(user, filters) -> list[Figure]:
    if filters.regional:
        allowed = user.has_perm("cases.view_regional_figures")
        meetings = Meeting.objects.all() if allowed else Meeting.objects.none()
    else:
        meetings = visible_meetings(user)
    held = meetings.filter(starts_at__date__range=(filters.start, filters.end))
    final = held.filter(finalised_at__isnull=False).annotate(
        duration=ExpressionWrapper(F("finalised_at") - F("starts_at"), output_field=DurationField())
    )
    n, median, p80 = duration_percentiles(final, "duration").get(None, (0, None, None))
    waiting = held.filter(finalised_at__isnull=True, status=Meeting.Status.HELD).count()
    return [
        Figure(
            "verslagen",
            _("Van casusoverleg tot vastgesteld verslag"),
            _("Overleggen in de periode: dagen tot het verslag is vastgesteld."),
            [_("Overleggen"), _("Aantal"), _("Mediaan"), _("80e percentiel")],
            [
                [_("verslag vastgesteld"), Number(n), Days(median, n), Days(p80, n)],
                [
                    _("gehouden, verslag nog niet vastgesteld"),
                    Number(waiting),
                    Days(None, 0),
                    Days(None, 0),
                ],
            ],
            chart="",
        )
    ]
