from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class ActionItem(models.Model):
    """An actiepunt: one organisation (and optionally one person there) does something by a date.

    Usually agreed at a casusoverleg (the meetings app points its agenda item at these rows);
    a caseworker can also add one by hand on the case page.
    """

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        DONE = "afgerond", _("afgerond")

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="action_items")
    title = models.CharField(_("actiepunt"), max_length=200)
    description = models.TextField(_("toelichting"), blank=True)
    owner_organisation = models.ForeignKey(
        "partners.Organisation",
        verbose_name=_("eigenaar (organisatie)"),
        on_delete=models.PROTECT,
        related_name="action_items",
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("eigenaar (persoon)"),
        on_delete=models.PROTECT,
        related_name="action_items",
        null=True,
        blank=True,
    )
    due_on = models.DateField(_("uiterlijk op"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    source_decision = models.ForeignKey(
        "cases.Decision",
        verbose_name=_("volgt uit besluit"),
        on_delete=models.PROTECT,
        related_name="action_items",
        null=True,
        blank=True,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(_("afgerond op"), null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("actiepunt")
        verbose_name_plural = _("actiepunten")
        ordering = ["status", "due_on", "id"]
        indexes = [models.Index(fields=["owner_organisation", "status", "due_on"])]

    def __str__(self):
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def is_overdue(self) -> bool:
        return self.is_open and self.due_on < timezone.localdate()
