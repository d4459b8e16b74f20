"""Process figures: instroom and voorraad, stages, melder contact, solved, lead times.

No figure loops over cases in Python. Instroom, stages and solved read the one grouped pass
over the cases (`tally.py`); the others are one aggregate query each (the SQLite fallback of
the percentiles aside, `stats.py`).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.db.models import (
    Count,
    DateField,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    Min,
    OuterRef,
    Subquery,
)
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import TruncDate
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from cases.calendars import working_days
from cases.models import Event, Note, Report, Stage
from cases.notifications.calendars import calendars_of
from partners.models import Kader

from ..deadlines import AgainstDeadline, count_against_deadline
from ..figure import Days, Figure, Number, Share
from ..stats import duration_percentiles
from .scope import Scope
from .tally import CaseTally, solved_cohort_end

MELDER_NORM_WORKING_DAYS = 2  # DOMAIN.md: contact with the melder within 2 working days
ESCALATED = [Kader.DRANG, Kader.DWANG]


# -- the figures ---------------------------------------------------------------------------


def flow(tally: CaseTally) -> Figure:
    rows = [
        [
            formats.date_format(first, "M Y"),
            Number(tally.opened[index]),
            Number(tally.closed[index]),
            Number(tally.stock[index]),
        ]
        for index, (first, _last) in enumerate(tally.months)
    ]
    return Figure(
        "instroom",
        _("Instroom, uitstroom en voorraad per maand"),
        _(
            "Geopende en gesloten zaken per maand, en de zaken die aan het eind "
            "van de maand open waren."
        ),
        [_("Maand"), _("Instroom"), _("Uitstroom"), _("Voorraad")],
        rows,
    )


def stages_now(tally: CaseTally) -> list[Figure]:
    # The tally's groups are per stage name and kader; both figures add up those few groups
    # (a stage name may have another kader in another workflow).
    stages: dict[str, dict] = {}
    kaders: dict[str, int] = {}
    for group in tally.stages:
        stage = stages.setdefault(group.name, {"n": 0, "order": group.order})
        stage["n"] += group.open
        stage["order"] = min(stage["order"], group.order)
        kaders[group.kader] = kaders.get(group.kader, 0) + group.open
    per_stage = [
        {"stage__name": name, "n": stage["n"]}
        for name, stage in sorted(stages.items(), key=lambda item: (item[1]["order"], item[0]))
    ]
    kader_order = {value: index for index, value in enumerate(Kader.values)}
    kader_rows = [
        {"stage__kader": kader, "n": n}
        for kader, n in sorted(
            kaders.items(), key=lambda item: (kader_order.get(item[0], 9), item[0])
        )
    ]
    return [
        Figure(
            "fasen",
            _("Open zaken per fase"),
            _("Zaken die nu open zijn, naar hun huidige fase."),
            [_("Fase"), _("Open zaken")],
            [[row["stage__name"], Number(row["n"])] for row in per_stage],
        ),
        Figure(
            "kader",
            _("Open zaken per kader"),
            _("Zaken die nu open zijn, naar het kader van hun fase."),
            [_("Kader"), _("Open zaken")],
            [
                [
                    Kader(row["stage__kader"]).label
                    if row["stage__kader"]
                    else _("geen kader (melding, triage, afsluiting)"),
                    Number(row["n"]),
                ]
                for row in kader_rows
            ],
        ),
    ]


def melder_contact(scope: Scope, filters) -> Figure:
    """Meldingen with a known melder in the period, by when the melder was first contacted
    (a logboek entry marked "contact met de melder" on or after the melding, as the
    reminders count it): grouped by the two dates and the case's lead organisation, so the
    working days are counted per pair of dates in the lead's calendar (its norm, docs/adr/0029),
    not per melding."""
    contact = (
        Note.objects.filter(
            case=OuterRef("case"), melder_contact=True, occurred_on__gte=OuterRef("received_on")
        )
        .order_by("occurred_on")
        .values("occurred_on")[:1]
    )
    pairs = (
        Report.objects.filter(
            case__in=scope.details,
            melder__isnull=False,
            melder_anonymous=False,
            received_at__date__range=(filters.start, filters.end),
        )
        .annotate(received_on=TruncDate("received_at"))
        .annotate(contact_on=Subquery(contact, output_field=DateField()))
        .values("received_on", "contact_on", "case__lead_organisation_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    per_lead: dict[int, list[dict]] = {}
    for pair in pairs:
        per_lead.setdefault(pair["case__lead_organisation_id"], []).append(pair)
    # One query for the leads of the period (none when there are no meldingen).
    calendars = calendars_of(per_lead)
    counts = AgainstDeadline()
    for lead, lead_pairs in per_lead.items():
        calendar = calendars.of(lead)
        counts += count_against_deadline(
            lead_pairs,
            "received_on",
            "contact_on",
            lambda day, calendar=calendar: working_days.add_working_days(
                day, MELDER_NORM_WORKING_DAYS, calendar
            ),
            timezone.localdate(),
        )
    within, late, missed, waiting = counts.within, counts.late, counts.missed, counts.waiting
    total = counts.judged
    return Figure(
        "meldercontact",
        _("Eerste contact met de melder"),
        _("Meldingen met een bekende melder, tegen de norm van %(days)s werkdagen.")
        % {"days": MELDER_NORM_WORKING_DAYS},
        [_("Contact"), _("Meldingen"), _("Aandeel")],
        [
            [_("binnen de norm"), Number(within), Share(within, total)],
            [_("na de norm"), Number(late), Share(late, total)],
            [_("nog geen contact, norm verstreken"), Number(missed), Share(missed, total)],
            [_("nog geen contact, binnen de norm"), Number(waiting), Share(0, 0)],
        ],
    )


def solved(tally: CaseTally, filters) -> Figure:
    latest = solved_cohort_end(filters)
    label = _("geopend %(first)s – %(last)s") % {
        "first": formats.date_format(filters.start, "j M Y"),
        "last": formats.date_format(latest, "j M Y"),
    }
    return Figure(
        "opgelost",
        _("Opgelost binnen drie maanden"),
        _(
            "Zaken die binnen drie maanden (91 dagen) na het openen zijn "
            "gesloten, van de zaken die minstens drie maanden open hadden kunnen zijn."
        ),
        [_("Zaken"), _("Geopend"), _("Binnen drie maanden gesloten"), _("Aandeel")],
        [
            [
                label,
                Number(tally.cohort),
                Number(tally.solved),
                Share(tally.solved, tally.cohort),
            ]
        ]
        if latest >= filters.start
        else [],
        chart="",
    )


def _midnight(day: date):
    return timezone.make_aware(datetime.combine(day, time.min))


def lead_times(scope: Scope, filters) -> Figure:
    """Time per stage, from the timeline: a stage change ends a period that began at the
    case's previous stage change (or its opening). Periods ended in the period count."""
    kinds = [Event.Kind.CASE_OPENED, Event.Kind.STAGE_CHANGED]
    entered = (
        Event.objects.filter(
            case=OuterRef("case"), kind__in=kinds, occurred_at__lt=OuterRef("occurred_at")
        )
        .order_by("-occurred_at")
        .values("occurred_at")[:1]
    )
    # The period as moments (midnight to midnight, Dutch time), not as a date of each row, so
    # the index on (kind, occurred_at) finds the stage changes of the period.
    changes = Event.objects.filter(
        case__in=scope.cases,
        kind=Event.Kind.STAGE_CHANGED,
        occurred_at__gte=_midnight(filters.start),
        occurred_at__lt=_midnight(filters.end + timedelta(days=1)),
    )
    periods = changes.annotate(
        entered=Subquery(entered),
        stage=KeyTextTransform("from", "data"),
    ).annotate(
        duration=ExpressionWrapper(F("occurred_at") - F("entered"), output_field=DurationField())
    )
    per_stage = duration_percentiles(periods.filter(entered__isnull=False), "duration", "stage")
    order = dict(Stage.objects.values("name").annotate(o=Min("order")).values_list("name", "o"))
    rows = [
        [name, Number(n), Days(median, n), Days(p80, n)]
        for name, (n, median, p80) in sorted(
            per_stage.items(), key=lambda item: (order.get(item[0], 99), item[0] or "")
        )
    ]
    # In the vrijwillig kader before escalation: from the first move into a vrijwillig stage
    # to the case's first move into drang or dwang.
    earlier_escalation = Event.objects.filter(
        case=OuterRef("case"),
        kind=Event.Kind.STAGE_CHANGED,
        data__kader__in=ESCALATED,
        occurred_at__lt=OuterRef("occurred_at"),
    )
    voluntary_start = (
        Event.objects.filter(
            case=OuterRef("case"),
            kind=Event.Kind.STAGE_CHANGED,
            data__kader=Kader.VRIJWILLIG,
            occurred_at__lt=OuterRef("occurred_at"),
        )
        .order_by("occurred_at")
        .values("occurred_at")[:1]
    )
    escalations = (
        changes.filter(data__kader__in=ESCALATED)
        .exclude(Exists(earlier_escalation))
        .annotate(voluntary=Subquery(voluntary_start))
        .filter(voluntary__isnull=False)
        .annotate(
            duration=ExpressionWrapper(
                F("occurred_at") - F("voluntary"), output_field=DurationField()
            )
        )
    )
    voluntary = duration_percentiles(escalations, "duration")
    if voluntary:
        n, median, p80 = voluntary[None]
        rows.append(
            [_("Vrijwillig kader tot opschaling"), Number(n), Days(median, n), Days(p80, n)]
        )
    return Figure(
        "doorlooptijd",
        _("Doorlooptijd per fase"),
        _(
            "Dagen in een fase, voor de fasen die in de periode zijn afgesloten: "
            "mediaan en 80e percentiel."
        ),
        [_("Fase"), _("Afgesloten fasen"), _("Mediaan"), _("80e percentiel")],
        rows,
    )
