"""The casusoverleg: a series of meetings, requests to discuss a case, and the agenda items.

Decisions and actiepunten taken at a meeting are cases.Decision and cases.ActionItem rows;
an agenda item points to them. Nothing in the case register points back here.

Retention (cases.retention.anonymise) finds every model with a foreign-key path to a case
and removes all its text that is not a code on the reviewed list, short fields included: a
reason or a note can name a betrokkene or their health (docs/adr/0026).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Series(models.Model):
    class Rhythm(models.TextChoices):
        WEEKLY = "wekelijks", _("wekelijks")
        TWO_WEEKLY = "tweewekelijks", _("eens per twee weken")
        MONTHLY = "maandelijks", _("maandelijks")

    name = models.CharField(_("naam"), max_length=200, unique=True)
    area = models.CharField(_("gebied"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        "partners.Organisation",
        verbose_name=_("coördinerende organisatie"),
        on_delete=models.PROTECT,
        related_name="coordinated_series",
    )
    participants = models.ManyToManyField(
        "partners.Organisation",
        verbose_name=_("deelnemende organisaties"),
        related_name="meeting_series",
    )
    rhythm = models.CharField(_("ritme"), max_length=20, choices=Rhythm.choices)
    default_location = models.CharField(_("standaardlocatie"), max_length=200, blank=True)
    cutoff_working_days = models.PositiveSmallIntegerField(
        _("aanmeldtermijn (werkdagen)"),
        default=3,
        help_text=_("Zoveel werkdagen vóór het overleg sluit de aanmelding van zaken."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords(m2m_fields=[participants])

    class Meta:
        verbose_name = _("overlegreeks")
        verbose_name_plural = _("overlegreeksen")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Meeting(models.Model):
    class Status(models.TextChoices):
        PLANNED = "gepland", _("gepland")
        AGENDA_SENT = "agenda_verstuurd", _("agenda verstuurd")
        HELD = "gehouden", _("gehouden")
        FINAL = "vastgesteld", _("verslag vastgesteld")

    series = models.ForeignKey(Series, on_delete=models.PROTECT, related_name="meetings")
    starts_at = models.DateTimeField(_("datum en tijd"))
    duration_minutes = models.PositiveSmallIntegerField(_("duur (minuten)"), default=90)
    location = models.CharField(_("locatie"), max_length=200, blank=True)
    video_link = models.URLField(_("videoverbinding"), blank=True)
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("voorzitter"),
        on_delete=models.PROTECT,
        related_name="chaired_meetings",
        null=True,
        blank=True,
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    composed_at = models.DateTimeField(_("conceptagenda samengesteld op"), null=True, blank=True)
    agenda_sent_at = models.DateTimeField(_("agenda verstuurd op"), null=True, blank=True)
    finalised_at = models.DateTimeField(_("verslag vastgesteld op"), null=True, blank=True)
    finalised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("overleg")
        verbose_name_plural = _("overleggen")
        ordering = ["starts_at"]
        indexes = [models.Index(fields=["series", "starts_at"])]

    def __str__(self):
        from django.utils import formats, timezone

        when = formats.date_format(timezone.localtime(self.starts_at), "j F Y")
        return f"{self.series.name} – {when}"

    @property
    def is_final(self) -> bool:
        return self.status == self.Status.FINAL


class AgendaRequest(models.Model):
    """ "Aanmelden voor overleg": a caseworker asks the meeting a question about a case."""

    class Status(models.TextChoices):
        REQUESTED = "aangemeld", _("aangemeld")
        ACCEPTED = "geaccepteerd", _("geaccepteerd")
        DEFERRED = "uitgesteld", _("uitgesteld")
        DECLINED = "afgewezen", _("afgewezen")

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("overleg"), on_delete=models.PROTECT, related_name="requests"
    )
    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, related_name="+", verbose_name=_("zaak")
    )
    question = models.TextField(_("vraag aan het overleg"))
    partners_needed = models.ManyToManyField(
        "partners.Organisation", verbose_name=_("nodige partners"), related_name="+", blank=True
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.REQUESTED
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    decision_note = models.CharField(_("toelichting"), max_length=300, blank=True)

    history = HistoricalRecords(m2m_fields=[partners_needed])

    class Meta:
        verbose_name = _("aanmelding voor overleg")
        verbose_name_plural = _("aanmeldingen voor overleg")
        ordering = ["requested_at", "id"]

    def __str__(self):
        return f"{self.case} → {self.meeting}"


class AgendaItem(models.Model):
    class Source(models.TextChoices):
        REQUEST = "aanmelding", _("aangemeld")
        REVIEW = "herbeoordeling", _("herbeoordeling")
        OVERDUE = "streefduur", _("over de streefduur")
        MANUAL = "handmatig", _("toegevoegd door coördinator")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, related_name="+", verbose_name=_("zaak")
    )
    request = models.OneToOneField(
        AgendaRequest, on_delete=models.SET_NULL, null=True, blank=True, related_name="item"
    )
    source = models.CharField(_("herkomst"), max_length=20, choices=Source.choices)
    question = models.TextField(_("vraag aan het overleg"), blank=True)
    partners_needed = models.ManyToManyField(
        "partners.Organisation", verbose_name=_("nodige partners"), related_name="+", blank=True
    )
    order = models.PositiveIntegerField(_("volgorde"), default=0)
    minutes = models.TextField(_("notulen"), blank=True)
    agreements = models.TextField(_("(voorwaardelijke) afspraken"), blank=True)
    next_review_on = models.DateField(_("volgende bespreking"), null=True, blank=True)
    betrokkene_informed = models.BooleanField(
        _("betrokkene geïnformeerd over bespreking"), null=True, blank=True
    )
    not_informed_reason = models.CharField(_("reden niet geïnformeerd"), max_length=300, blank=True)
    decisions = models.ManyToManyField(
        "cases.Decision", verbose_name=_("besluiten"), related_name="+", blank=True
    )
    action_items = models.ManyToManyField(
        "cases.ActionItem", verbose_name=_("actiepunten"), related_name="+", blank=True
    )

    history = HistoricalRecords(m2m_fields=[partners_needed])

    class Meta:
        verbose_name = _("agendapunt")
        verbose_name_plural = _("agendapunten")
        ordering = ["meeting", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "case"], name="agendaitem_case_once")
        ]

    def __str__(self):
        return f"{self.meeting}: {self.case}"
