"""Bewaartermijnen: how long case data is kept after closure, and what stays after removal."""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from cases import clock


class RetentionCategory(models.TextChoices):
    # Ordered from the least to the most that is removed.
    FREE_TEXT = "vrije_tekst", _("vrije tekst (samenvatting, meldingen, logboek) wissen")
    ATTACHMENTS = "bijlagen", _("bijlagen vernietigen")
    PERSONS = "personen", _("persoonsgegevens anonimiseren")
    CASE = "zaak", _("hele zaak vernietigen")


# Broader categories include what the narrower ones remove.
INCLUDES = {
    RetentionCategory.FREE_TEXT: {RetentionCategory.FREE_TEXT},
    RetentionCategory.ATTACHMENTS: {RetentionCategory.ATTACHMENTS},
    RetentionCategory.PERSONS: {
        RetentionCategory.PERSONS,
        RetentionCategory.FREE_TEXT,
        RetentionCategory.ATTACHMENTS,
    },
    RetentionCategory.CASE: set(RetentionCategory),
}


class RetentionRule(models.Model):
    """Months after closure after which a category of a case's data is removed.

    A rule without organisation is the default; an organisation's own rule for the same
    category overrides it. The aanbrengende organisation's rules apply to its cases.
    """

    organisation = models.ForeignKey(
        "partners.Organisation",
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="retention_rules",
        help_text=_("Leeg: geldt voor alle organisaties zonder eigen regel."),
    )
    category = models.CharField(_("gegevens"), max_length=20, choices=RetentionCategory.choices)
    months_after_closure = models.PositiveSmallIntegerField(
        _("maanden na sluiting"), validators=[MinValueValidator(1)]
    )

    class Meta:
        verbose_name = _("bewaartermijn")
        verbose_name_plural = _("bewaartermijnen")
        ordering = ["organisation__name", "category"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "category"],
                condition=models.Q(organisation__isnull=False),
                name="retention_rule_unique_per_org",
            ),
            models.UniqueConstraint(
                fields=["category"],
                condition=models.Q(organisation__isnull=True),
                name="retention_rule_unique_default",
            ),
        ]

    def __str__(self):
        return f"{self.get_category_display()}: {self.months_after_closure}"


class DestructionRecord(models.Model):
    """What a retention sweep removed from a case. Holds no personal data."""

    case_id_ref = models.BigIntegerField(_("zaak-id"), db_index=True)
    case_reference = models.CharField(_("zaaknummer"), max_length=40, db_index=True)
    # The aanbrengende organisation at the time, by id: a case destroyed entirely is gone,
    # and its record must still reach that organisation's privacy officer, and no other's.
    lead_organisation_id_ref = models.BigIntegerField(
        _("aanbrengende organisatie (id)"), null=True, db_index=True
    )
    # Set when the removal was of one partner's own contributions (its logboek, bijlagen,
    # maatregelen) by that partner's rule: that partner's privacy officer reads the record,
    # the aanbrengende organisation's does not (it may not know the contributions existed).
    organisation_id_ref = models.BigIntegerField(
        _("organisatie van de bijdragen (id)"), null=True, blank=True, db_index=True
    )
    category = models.CharField(_("gegevens"), max_length=20, choices=RetentionCategory.choices)
    opened_on = models.DateField(_("geopend op"), null=True)
    closed_on = models.DateField(_("gesloten op"), null=True)
    performed_at = models.DateTimeField(_("uitgevoerd op"), default=clock.now)
    rule_description = models.CharField(_("regel"), max_length=300)
    removed = models.JSONField(_("verwijderd"), default=dict)

    class Meta:
        verbose_name = _("vernietigingsverslag")
        verbose_name_plural = _("vernietigingsverslagen")
        ordering = ["-performed_at", "-id"]
        default_permissions = ("view",)
        constraints = [
            models.UniqueConstraint(
                fields=["case_id_ref", "category"],
                condition=models.Q(organisation_id_ref__isnull=True),
                name="destruction_once_per_category",
            ),
            models.UniqueConstraint(
                fields=["case_id_ref", "category", "organisation_id_ref"],
                condition=models.Q(organisation_id_ref__isnull=False),
                name="destruction_once_per_contributor",
            ),
        ]

    def __str__(self):
        return f"{self.case_reference}: {self.get_category_display()}"
