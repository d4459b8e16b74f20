"""Demo data for the casusoverleg: one series, an upcoming meeting and a few requests.

Called by `seed_demo` through MeetingsConfig.seed_demo (the case register does not import
the meetings app). Idempotent: the series is found by name, a meeting is only planned when
none is upcoming, and a case already requested is not requested again.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.utils import timezone

from cases.access import CaseAccess, organisation_levels
from cases.models import Case
from cases.models.choices import AccessLevel

from . import planning, services
from .models import AgendaRequest, Meeting, Series

SERIES_NAME = "Casusoverleg Woonoverlast Rivierstad"
QUESTIONS = [
    "De overlast houdt aan ondanks de waarschuwingsbrief. Is opschalen naar drang nodig?",
    "Bewoner mijdt zorg. Wie neemt de regie op het zorgspoor en wie legt contact?",
    "Afspraken uit de gedragsovereenkomst worden niet nagekomen. Welke vervolgstap kiezen we?",
]


def seed(organisations: dict, users: dict) -> str:
    coordinator = users["coordinator"]
    series = Series.objects.filter(name=SERIES_NAME).first()
    if series is None:
        series = services.create_series(
            actor=coordinator,
            name=SERIES_NAME,
            area="Rivierstad",
            rhythm=Series.Rhythm.TWO_WEEKLY,
            default_location="Stadhuis Rivierstad, zaal De Brug",
            cutoff_working_days=3,
            participants=list(organisations.values()),
        )
    meeting = services.next_open_meeting(series)
    if meeting is None:
        day = planning.next_dates(timezone.localdate(), series.rhythm, 1)[0]
        while day.weekday() != 1:  # the overleg meets on Tuesdays
            day += timedelta(days=1)
        meeting = services.plan_meeting(
            actor=coordinator,
            series=series,
            starts_at=timezone.make_aware(datetime.combine(day, time(10, 0))),
            chair=coordinator,
        )
    requester = users["consulent"]
    cases = list(
        Case.objects.filter(lead_organisation=requester.organisation, closed_on__isnull=True)
        .select_related("stage")
        .order_by("-stage__order", "reference")[:12]
    )
    levels = organisation_levels(series.organisation_id, cases)
    added = 0
    for case in cases:
        if added == len(QUESTIONS):
            break
        if levels.get(case.pk) not in (AccessLevel.PROCES, AccessLevel.VOLLEDIG):
            continue
        if AgendaRequest.objects.filter(case=case, meeting__series=series).exists():
            added += 1
            continue
        access = CaseAccess(case=case, user=requester, level=AccessLevel.VOLLEDIG)
        services.request_discussion(
            actor=requester,
            access=access,
            series=series,
            question=QUESTIONS[added],
            partners_needed=[organisations["politie"], organisations["ggd"]],
        )
        added += 1
    planned = Meeting.objects.filter(series=series).count()
    return f"Casusoverleg: 1 reeks, {planned} overleg(gen), {added} aanmeldingen."
