"""In-app notifications, and the reminder thresholds and working calendar a functional admin
can change."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cases import clock
from cases.calendars.working_days import WorkingCalendar


class Notification(models.Model):
    """One message to one user. Its text holds a case reference at most, never personal data."""

    class Kind(models.TextChoices):
        ACTION_DUE = "action_due", _("Actiepunt verloopt binnenkort")
        ACTION_OVERDUE = "action_overdue", _("Actiepunt is verlopen")
        STAGE_OVERDUE = "stage_overdue", _("Fase over de streefduur")
        STAGE_LONG_OVERDUE = "stage_long_overdue", _("Fase ver over de streefduur")
        MELDER_CONTACT = "melder_contact", _("Nog geen contact met melder")
        MEASURE_OPEN = "measure_open", _("Maatregel staat lang open")
        MEETING = "meeting", _("Casusoverleg")
        CASE_CLOSED = "case_closed", _("Zaak afgesloten")
        CASE_REOPENED = "case_reopened", _("Zaak heropend")
        NAZORG_ENDED = "nazorg_ended", _("Nazorg afgelopen")
        INZAGE_DUE = "inzage_due", _("Termijn inzageverzoek verloopt")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    # One reminder per rule, subject and period: a retried or repeated sweep finds the key taken.
    key = models.CharField(max_length=200)
    kind = models.CharField(_("soort"), max_length=30, choices=Kind.choices)
    text = models.CharField(_("bericht"), max_length=300)
    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    link = models.CharField(_("link"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("aangemaakt"), default=clock.now, db_index=True)
    read_at = models.DateTimeField(_("gelezen"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("gemaild"), null=True, blank=True)

    # A notification has done its work long before a case is anonymised, and its key and
    # text carry dates: retention removes it rather than scrubbing it (docs/adr/0026).
    retention_anonymise = "delete"

    class Meta:
        verbose_name = _("notificatie")
        verbose_name_plural = _("notificaties")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "key"], name="notification_once_per_key")
        ]
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self):
        return self.text


class DigestSent(models.Model):
    """Marks the daily digest of one user for one day as sent, so a rerun sends nothing."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    day = models.DateField()
    notification_count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["recipient", "day"], name="digest_once_per_day")
        ]

    def __str__(self):
        return f"{self.recipient} {self.day:%d-%m-%Y}"


class ReminderSettings(models.Model):
    """The reminder thresholds of one organisation, or the regional default (no organisation).

    An organisation without a row of its own uses the default, which the regional functional
    admin keeps; an organisation's functional admin may keep a row of its own instead.
    The row also holds the organisation's working calendar (docs/adr/0029): the days off its
    internal norms skip, beside the weekends and the common Dutch holidays.
    """

    organisation = models.OneToOneField(
        "partners.Organisation",
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reminder_settings",
        help_text=_("Leeg: de standaard voor organisaties zonder eigen instellingen."),
    )

    action_due_working_days = models.PositiveSmallIntegerField(
        _("actiepunten: herinnering vooraf (werkdagen)"),
        default=2,
        help_text=_("Zoveel werkdagen voor de deadline krijgt de eigenaar een herinnering."),
    )
    stage_long_overdue_factor = models.DecimalField(
        _("fase ver over de streefduur: factor"),
        max_digits=4,
        decimal_places=2,
        default=2,
        help_text=_(
            "Bij deze factor maal de streefduur krijgt ook de coördinator van de "
            "aanbrengende partner bericht."
        ),
    )
    melder_contact_working_days = models.PositiveSmallIntegerField(
        _("eerste contact met melder binnen (werkdagen)"), default=2
    )
    long_open_instrument_name = models.CharField(
        _("instrument dat niet lang open mag staan"),
        max_length=200,
        default="Wvggz verkennend onderzoek",
        blank=True,
        help_text=_("Naam (of deel van de naam) van het instrument uit de catalogus."),
    )
    long_open_days = models.PositiveSmallIntegerField(
        _("maximaal open (kalenderdagen)"), default=14
    )
    good_friday_off = models.BooleanField(
        _("Goede Vrijdag is een vrije dag"),
        default=False,
        help_text=_("De meeste organisaties werken op Goede Vrijdag."),
    )
    liberation_day_every_year = models.BooleanField(
        _("Bevrijdingsdag (5 mei) is elk jaar een vrije dag"),
        default=False,
        help_text=_("Zonder vinkje alleen in lustrumjaren (2025, 2030, …)."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("herinneringsinstellingen")
        verbose_name_plural = _("herinneringsinstellingen")
        permissions = [
            ("receive_coordinator_reminders", _("Krijgt herinneringen als coördinator")),
        ]
        constraints = [
            # One default row (organisations have one row at most through the one-to-one).
            models.UniqueConstraint(
                Coalesce("organisation", 0), name="reminder_settings_one_default"
            ),
        ]

    def __str__(self):
        return str(self._meta.verbose_name)

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.stage_long_overdue_factor is not None and self.stage_long_overdue_factor <= 1:
            raise ValidationError(
                {"stage_long_overdue_factor": _("De factor moet groter zijn dan 1.")}
            )

    def working_calendar(self) -> WorkingCalendar:
        """The calendar these settings describe (with `extra_days_off` prefetched in a loop)."""
        return WorkingCalendar(
            good_friday_off=self.good_friday_off,
            liberation_day_every_year=self.liberation_day_every_year,
            extra_days_off=frozenset(day.day for day in self.extra_days_off.all()),
        )

    @classmethod
    def current(cls):
        """The regional default row (made on first use)."""
        settings_row = cls.objects.filter(organisation__isnull=True).first()
        return settings_row or cls.objects.create(organisation=None)

    @classmethod
    def for_organisation(cls, organisation_id: int | None):
        """The thresholds that hold for this organisation: its own row, else the default."""
        if organisation_id is not None:
            own = cls.objects.filter(organisation_id=organisation_id).first()
            if own is not None:
                return own
        return cls.current()


class ExtraDayOff(models.Model):
    """A day an organisation is closed beyond the holidays (a brugdag, a day the office shuts):
    its internal norms do not count it as a working day. Legal terms ignore it."""

    settings = models.ForeignKey(
        ReminderSettings,
        verbose_name=_("instellingen"),
        on_delete=models.CASCADE,
        related_name="extra_days_off",
    )
    day = models.DateField(_("datum"))
    description = models.CharField(
        _("omschrijving"), max_length=100, help_text=_("Bijvoorbeeld: brugdag.")
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("extra vrije dag")
        verbose_name_plural = _("extra vrije dagen")
        ordering = ["day"]
        constraints = [
            models.UniqueConstraint(fields=["settings", "day"], name="extra_day_off_once")
        ]

    def __str__(self):
        return f"{self.day:%d-%m-%Y} {self.description}"
