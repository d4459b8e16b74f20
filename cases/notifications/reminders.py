"""The reminder rules: which reminders are due on a day, for whom.

Each rule yields `Reminder`s; `services.run_reminder_sweep` turns them into
notifications. A reminder's key names the rule, its subject and the period, so running a
sweep twice (or a redelivered task) finds every key taken and creates nothing new.
Case data comes from `cases.access.cases_for_sweeps`, the door for system tasks. The
recipients a rule proposes are filtered by `notify` through `cases.access.process_cases`:
a reminder is process information, never sent to an organisation at level `bestaan` (say a
measure owner whose share was lowered afterwards).
Thresholds are per organisation (`ReminderConfig`): a case's reminders follow the settings of
its aanbrengende organisation, an actiepunt's and a measure's those of their owner. So do the
working days they count: each organisation's own calendar (docs/adr/0029), read with the
settings, once per sweep.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from cases import access
from cases.calendars import legal_terms, local_date, working_days
from cases.calendars.working_days import WorkingCalendar
from cases.models import Note, Notification, ReminderSettings, Report
from partners.selectors import users_with_perm


@dataclass
class Reminder:
    key: str
    kind: str
    text: str
    recipients: list = field(default_factory=list)
    case: object = None
    link: str = ""


class ReminderConfig:
    """The thresholds and working calendar of every organisation, read once per sweep: its
    own row, else the regional default."""

    def __init__(self):
        rows = list(ReminderSettings.objects.prefetch_related("extra_days_off"))
        default = next((row for row in rows if row.organisation_id is None), None)
        self.default = default or ReminderSettings.current()
        self.own = {row.organisation_id: row for row in rows if row.organisation_id is not None}
        self._calendars: dict[int, WorkingCalendar] = {}

    def of(self, organisation_id: int | None) -> ReminderSettings:
        return self.own.get(organisation_id, self.default) if organisation_id else self.default

    def calendar(self, organisation_id: int | None) -> WorkingCalendar:
        """The working calendar of the organisation's settings (built once per row)."""
        row = self.of(organisation_id)
        if row.pk not in self._calendars:
            self._calendars[row.pk] = row.working_calendar()
        return self._calendars[row.pk]

    def groups(self) -> Iterator[tuple[ReminderSettings, Q]]:
        """(settings, which owner organisations they hold for), together every organisation."""
        for organisation_id, row in self.own.items():
            yield row, Q(owner_organisation_id=organisation_id)
        yield self.default, ~Q(owner_organisation_id__in=list(self.own))


def _case_link(case) -> str:
    return reverse("cases:detail", kwargs={"reference": case.reference})


def coordinators_of(organisation_id: int) -> list:
    """Users of the organisation whose role receives coordinator reminders."""
    return list(users_with_perm("cases.receive_coordinator_reminders", [organisation_id]))


def stage_reminders(today: date, config: ReminderConfig) -> Iterator[Reminder]:
    """A stage over its target → the regisseur; long over → also the lead's coordinators."""
    cases = (
        access.cases_for_sweeps()
        .filter(closed_on__isnull=True, stage__target_working_days__isnull=False)
        .select_related("stage", "regisseur")
        .only(
            "reference",
            "stage_entered_at",
            "lead_organisation_id",
            "regisseur",
            "stage__target_working_days",
            "stage__name",
        )
    )
    for case in cases.iterator(chunk_size=500):
        target = case.stage.target_working_days
        spent = working_days.working_days_between(
            local_date(case.stage_entered_at), today, config.calendar(case.lead_organisation_id)
        )
        if spent <= target:
            continue
        period = f"{case.pk}:{case.stage_id}:{case.stage_entered_at:%Y%m%d%H%M%S}"
        regisseur = [case.regisseur] if case.regisseur_id else []
        recipients = regisseur or coordinators_of(case.lead_organisation_id)
        yield Reminder(
            key=f"stage_overdue:{period}",
            kind=Notification.Kind.STAGE_OVERDUE,
            text=_(
                "%(ref)s staat %(spent)s werkdagen in de fase %(stage)s (streefduur %(target)s)."
            )
            % {"ref": case.reference, "spent": spent, "stage": case.stage.name, "target": target},
            recipients=recipients,
            case=case,
            link=_case_link(case),
        )
        if spent > target * config.of(case.lead_organisation_id).stage_long_overdue_factor:
            yield Reminder(
                key=f"stage_long_overdue:{period}",
                kind=Notification.Kind.STAGE_LONG_OVERDUE,
                text=_("%(ref)s staat ver over de streefduur in de fase %(stage)s.")
                % {"ref": case.reference, "stage": case.stage.name},
                recipients=regisseur + coordinators_of(case.lead_organisation_id),
                case=case,
                link=_case_link(case),
            )


def melder_contact_reminders(today: date, config: ReminderConfig) -> Iterator[Reminder]:
    """A melding whose melder got no contact within N working days → the regisseur."""
    contacted = Note.objects.filter(
        case=OuterRef("case"), melder_contact=True, occurred_on__gte=OuterRef("received_at__date")
    )
    reports = (
        Report.objects.filter(
            case__in=access.cases_for_sweeps().filter(closed_on__isnull=True),
            melder__isnull=False,
            melder_anonymous=False,
        )
        .exclude(Exists(contacted))
        .select_related("case__regisseur")
    )
    for report in reports.iterator(chunk_size=500):
        lead = report.case.lead_organisation_id
        deadline = working_days.add_working_days(
            local_date(report.received_at),
            config.of(lead).melder_contact_working_days,
            config.calendar(lead),
        )
        if today <= deadline:
            continue
        case = report.case
        recipients = (
            [case.regisseur] if case.regisseur_id else coordinators_of(case.lead_organisation_id)
        )
        yield Reminder(
            key=f"melder_contact:{report.pk}",
            kind=Notification.Kind.MELDER_CONTACT,
            text=_("%(ref)s: een melding van %(day)s heeft nog geen contact met de melder.")
            % {
                "ref": case.reference,
                "day": local_date(report.received_at).strftime("%d-%m-%Y"),
            },
            recipients=recipients,
            case=case,
            link=_case_link(case),
        )


def members_who_do_case_work(organisation_id: int) -> list:
    """Users of the organisation whose role takes on actiepunten."""
    return list(users_with_perm("cases.change_actionitem", [organisation_id]))


def action_item_reminders(today: date, config: ReminderConfig) -> Iterator[Reminder]:
    """Open actiepunten due within N working days (once), and overdue ones (once a week);
    N is the owner organisation's."""
    from cases.models import ActionItem

    due_within = Q()
    for settings_row, owners in config.groups():
        horizon = working_days.add_working_days(
            today, settings_row.action_due_working_days, settings_row.working_calendar()
        )
        due_within |= owners & Q(due_on__lte=horizon)
    items = ActionItem.objects.filter(
        due_within,
        case__in=access.cases_for_sweeps(),
        status=ActionItem.Status.OPEN,
    ).select_related("case", "owner")
    for item in items.iterator(chunk_size=500):
        recipients = (
            [item.owner] if item.owner_id else members_who_do_case_work(item.owner_organisation_id)
        )
        values = {"ref": item.case.reference, "due": item.due_on.strftime("%d-%m-%Y")}
        if item.due_on < today:
            year, week, _day = today.isocalendar()
            yield Reminder(
                key=f"action_overdue:{item.pk}:{year}-{week:02d}",
                kind=Notification.Kind.ACTION_OVERDUE,
                text=_("%(ref)s: een actiepunt is verlopen (uiterlijk %(due)s).") % values,
                recipients=recipients,
                case=item.case,
                link=_case_link(item.case),
            )
        else:
            yield Reminder(
                key=f"action_due:{item.pk}:{item.due_on:%Y%m%d}",
                kind=Notification.Kind.ACTION_DUE,
                text=_("%(ref)s: een actiepunt moet uiterlijk %(due)s klaar zijn.") % values,
                recipients=recipients,
                case=item.case,
                link=_case_link(item.case),
            )


def long_open_measure_reminders(today: date, config: ReminderConfig) -> Iterator[Reminder]:
    """A measure with the configured instrument (by default the Wvggz verkennend onderzoek,
    legally due within 14 days) still open after its legal term → its owner organisation
    (instrument and days as that organisation set them). The term is counted by the
    Algemene termijnenwet (`cases.calendars.legal_terms`), not in working days."""
    from cases.models import Measure

    long_open = Q()
    for settings_row, owners in config.groups():
        words = settings_row.long_open_instrument_name.split()
        if not words:
            continue
        name_matches = Q()
        for word in words:
            name_matches &= Q(instrument__name__icontains=word)
        started = Q(start_date__lt=today - timedelta(days=settings_row.long_open_days))
        long_open |= owners & name_matches & started
    if not long_open:
        return
    measures = Measure.objects.filter(
        long_open,
        case__in=access.cases_for_sweeps(),
        status__in=[Measure.Status.PLANNED, Measure.Status.RUNNING],
    ).select_related("case", "instrument")
    for measure in measures.iterator(chunk_size=500):
        # A legal term (the Wvggz verkennend onderzoek within 14 days): it ends on the next
        # day that is no Saturday, Sunday or feestdag (Algemene termijnenwet).
        days = config.of(measure.owner_organisation_id).long_open_days
        if today <= legal_terms.term_end(measure.start_date, days=days):
            continue
        yield Reminder(
            key=f"measure_open:{measure.pk}",
            kind=Notification.Kind.MEASURE_OPEN,
            text=_("%(ref)s: %(instrument)s staat al sinds %(start)s open.")
            % {
                "ref": measure.case.reference,
                "instrument": measure.instrument.name,
                "start": measure.start_date.strftime("%d-%m-%Y"),
            },
            recipients=members_who_do_case_work(measure.owner_organisation_id),
            case=measure.case,
            link=_case_link(measure.case),
        )


def nazorg_reminders(today: date, config: ReminderConfig) -> Iterator[Reminder]:
    """The nazorg of a closed case has ended → its regisseur (else the lead's coordinators):
    look once more whether the overlast stayed away. Only for a nazorg that ended in the last
    30 days, so the first sweep after an upgrade does not remind about every old case."""
    cases = (
        access.cases_for_sweeps()
        .filter(
            closed_on__isnull=False,
            nazorg_until__lte=today,
            nazorg_until__gt=today - timedelta(days=30),
        )
        .select_related("regisseur")
    )
    for case in cases.iterator(chunk_size=500):
        recipients = (
            [case.regisseur] if case.regisseur_id else coordinators_of(case.lead_organisation_id)
        )
        yield Reminder(
            key=f"nazorg_ended:{case.pk}:{case.nazorg_until:%Y%m%d}",
            kind=Notification.Kind.NAZORG_ENDED,
            text=_(
                "%(ref)s: de nazorg is op %(day)s afgelopen. Kijk of de overlast is "
                "weggebleven; heropen de zaak als die terugkomt."
            )
            % {"ref": case.reference, "day": case.nazorg_until.strftime("%d-%m-%Y")},
            recipients=recipients,
            case=case,
            link=_case_link(case),
        )


RULES = [
    stage_reminders,
    melder_contact_reminders,
    action_item_reminders,
    long_open_measure_reminders,
    nazorg_reminders,
]
