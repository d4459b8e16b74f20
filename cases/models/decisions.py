from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Decision(models.Model):
    """A decision about a case by a body (usually the casusoverleg).

    The workflow's "decision required" guard reads these. The meetings app records its
    decisions here through a cases service; until then a user records them by hand.
    """

    class Kind(models.TextChoices):
        ESCALATE = "escaleren", _("opschalen")
        SHARE = "delen", _("delen met partners")
        CONTINUE = "voortzetten", _("aanpak voortzetten")
        CLOSE = "afsluiten", _("afsluiten")

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="decisions")
    decided_on = models.DateField(_("datum besluit"), default=timezone.localdate)
    body = models.CharField(
        _("genomen door"), max_length=200, help_text=_("Bijvoorbeeld: casusoverleg Rivierstad.")
    )
    kind = models.CharField(_("soort besluit"), max_length=20, choices=Kind.choices)
    text = models.TextField(_("besluit"))
    # Where the decision was taken, e.g. "Casusoverleg Rivierstad 12-01-2027, agendapunt 3".
    # Plain text on purpose: the case register never points into the meetings app.
    reference = models.CharField(_("vindplaats"), max_length=200, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    organisation = models.ForeignKey(
        "partners.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("besluit")
        verbose_name_plural = _("besluiten")
        ordering = ["-decided_on", "-created_at"]

    def __str__(self):
        return f"{self.get_kind_display()} – {self.decided_on:%d-%m-%Y} ({self.body})"
