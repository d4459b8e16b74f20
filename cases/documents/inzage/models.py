"""An inzageverzoek: who asked, when it came in, how the identity was checked, and when it
must be answered. Registered with app label `cases` (docs/adr/0017)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cases import clock

from .deadline import inzage_deadline


class InzageVerzoek(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("open")
        AFGEHANDELD = "afgehandeld", _("afgehandeld")

    # CASCADE: when retention destroys the person (no case holds them any more), the
    # verzoek about them goes too; a verzoek without its person would be a dangling record
    # of who asked (docs/adr/0025).
    person = models.ForeignKey(
        "cases.Person",
        verbose_name=_("betrokkene"),
        on_delete=models.CASCADE,
        related_name="inzageverzoeken",
    )
    organisation = models.ForeignKey(
        "partners.Organisation",
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    received_on = models.DateField(_("ontvangen op"))
    identity_checked_by = models.CharField(
        _("identiteit gecontroleerd"),
        max_length=200,
        help_text=_(
            "Wie heeft de identiteit gecontroleerd, en hoe? Bijvoorbeeld: "
            "paspoort gezien door J. de Vries."
        ),
    )
    deadline = models.DateField(_("uiterste datum"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    closed_on = models.DateField(_("afgehandeld op"), null=True, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    registered_at = models.DateTimeField(_("geregistreerd op"), default=clock.now)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Art. 12(3) AVG: the term may be extended once by two months, given the complexity or
    # the number of requests; the requester is told why within the first month.
    extended_on = models.DateField(_("verlengd op"), null=True, blank=True)
    extension_reason = models.CharField(_("reden van verlenging"), max_length=500, blank=True)
    extended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        app_label = "cases"
        verbose_name = _("inzageverzoek")
        verbose_name_plural = _("inzageverzoeken")
        ordering = ["status", "deadline", "id"]
        constraints = [
            # Closed exactly when it has a date of closing: a half-closed verzoek cannot be.
            models.CheckConstraint(
                condition=(Q(status="open", closed_on__isnull=True))
                | (Q(status="afgehandeld", closed_on__isnull=False)),
                name="inzageverzoek_closed_has_date",
            ),
            # Extended exactly when it has a date and a reason of extension.
            models.CheckConstraint(
                condition=(Q(extended_on__isnull=True, extension_reason=""))
                | (Q(extended_on__isnull=False) & ~Q(extension_reason="")),
                name="inzageverzoek_extension_has_reason",
            ),
        ]
        indexes = [models.Index(fields=["organisation", "status", "deadline"])]

    def __str__(self):
        return _("Inzageverzoek %(number)s") % {"number": self.number}

    @property
    def number(self) -> str:
        """The verzoek's number in texts and file names (no personal data in it)."""
        return f"IV-{self.received_on:%Y}-{self.pk:05d}"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def is_extended(self) -> bool:
        return self.extended_on is not None

    def in_first_month(self, today) -> bool:
        """Whether the first month after receipt still runs: only then may the term be
        extended (art. 12(3) AVG)."""
        return today <= inzage_deadline(self.received_on)

    def is_overdue(self, today) -> bool:
        return self.is_open and today > self.deadline
