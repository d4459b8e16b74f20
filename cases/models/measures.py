from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Measure(models.Model):
    """An instrument applied to a case. Measures run on across stage changes: a voluntary
    measure may continue alongside a legal one."""

    class Status(models.TextChoices):
        PLANNED = "gepland", _("gepland")
        RUNNING = "lopend", _("lopend")
        DONE = "afgerond", _("afgerond")
        STOPPED = "gestopt", _("gestopt")

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="measures")
    instrument = models.ForeignKey(
        "partners.Instrument",
        verbose_name=_("instrument"),
        on_delete=models.PROTECT,
        related_name="measures",
    )
    owner_organisation = models.ForeignKey(
        "partners.Organisation",
        verbose_name=_("uitvoerende organisatie"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    start_date = models.DateField(_("startdatum"), default=timezone.localdate)
    planned_end = models.DateField(_("geplande einddatum"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    outcome = models.TextField(_("resultaat"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()
    # The organisation that carries it out keeps it by its own retention rule (docs/adr/0026).
    retention_owner = "owner_organisation"

    class Meta:
        verbose_name = _("maatregel")
        verbose_name_plural = _("maatregelen")
        ordering = ["-start_date", "-created_at"]

    def __str__(self):
        return f"{self.instrument.name} ({self.get_status_display()})"

    @property
    def is_active(self) -> bool:
        return self.status in (self.Status.PLANNED, self.Status.RUNNING)
