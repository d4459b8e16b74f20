"""Letter templates and letterheads of an organisation, and the record of a made letter.

The models keep the app label `cases` (registered from cases/models/__init__.py, ADR 0017).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Letterhead(models.Model):
    """The briefhoofd an organisation prints above its letters: name, address, contact."""

    organisation = models.OneToOneField(
        "partners.Organisation",
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="letterhead",
    )
    text = models.TextField(
        _("briefhoofd"),
        help_text=_("Naam, postadres en contactgegevens, één gegeven per regel."),
    )
    closing = models.TextField(
        _("ondertekening"),
        blank=True,
        help_text=_("Onder de naam van de afzender, bijvoorbeeld de afdeling."),
    )

    class Meta:
        verbose_name = _("briefhoofd")
        verbose_name_plural = _("briefhoofden")

    def __str__(self):
        return self.text.splitlines()[0] if self.text else str(self.organisation)

    @property
    def lines(self) -> list[str]:
        return [line.strip() for line in self.text.splitlines() if line.strip()]


class TermKind(models.TextChoices):
    """Which legal term a letter starts (its actiepunt is due on the term's last day)."""

    NONE = "", _("geen termijn")
    ZIENSWIJZE = "zienswijze", _("zienswijze (termijn in de brief)")
    BEZWAAR = "bezwaar", _("bezwaar (6 weken na bekendmaking, art. 6:7 Awb)")


class LetterTemplate(models.Model):
    """A letter of an organisation with invulplekken (see letters.placeholders)."""

    organisation = models.ForeignKey(
        "partners.Organisation",
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="letter_templates",
    )
    name = models.CharField(_("naam"), max_length=120)
    instrument = models.ForeignKey(
        "partners.Instrument",
        verbose_name=_("instrument"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    stage = models.CharField(
        _("fase of stap"),
        max_length=100,
        blank=True,
        help_text=_("Bijvoorbeeld Vrijwillig kader of Voornemen (Awb)."),
    )
    subject = models.CharField(_("onderwerp"), max_length=200)
    body = models.TextField(
        _("tekst"),
        help_text=_("Alinea's scheiden met een lege regel; invulplekken zoals {{ zaak.adres }}."),
    )
    term_kind = models.CharField(
        _("start een termijn"), max_length=20, choices=TermKind.choices, default="", blank=True
    )
    default_term_weeks = models.PositiveSmallIntegerField(
        _("standaardtermijn zienswijze (weken)"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(26)],
    )
    active = models.BooleanField(_("actief"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("briefsjabloon")
        verbose_name_plural = _("briefsjablonen")
        ordering = ["organisation__name", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"], name="lettertemplate_unique_name"
            )
        ]

    def __str__(self):
        return self.name


class Letter(models.Model):
    """A letter made from a case: what it was made from and what it became (ADR 0014).

    Its files are attachments of the case of the maker's organisation, so a download goes
    through the attachment door, which re-checks the reader's level (volledig) every time.
    """

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="letters")
    template = models.ForeignKey(
        LetterTemplate, on_delete=models.SET_NULL, null=True, related_name="letters"
    )
    template_name = models.CharField(_("sjabloon"), max_length=120)
    addressee = models.ForeignKey(
        "cases.Person",
        verbose_name=_("geadresseerde"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    # The level the case was read at to make it; only `volledig` shows persons.
    level = models.CharField(_("niveau"), max_length=20)
    letter_date = models.DateField(_("datum van de brief"))
    term_ends_on = models.DateField(_("einde termijn"), null=True, blank=True)
    action_item = models.ForeignKey(
        "cases.ActionItem", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    pdf = models.ForeignKey("cases.Attachment", on_delete=models.CASCADE, related_name="+")
    docx = models.ForeignKey("cases.Attachment", on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey(
        "partners.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    made_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("brief")
        verbose_name_plural = _("brieven")
        ordering = ["-made_at"]

    def __str__(self):
        return f"{self.template_name} ({self.letter_date:%d-%m-%Y})"
