from django.db import models
from django.utils.translation import gettext_lazy as _

from .choices import Kader


class Workflow(models.Model):
    """One version of an escalation workflow. Published versions are never changed."""

    class Status(models.TextChoices):
        DRAFT = "concept", _("concept")
        PUBLISHED = "gepubliceerd", _("gepubliceerd")
        RETIRED = "vervallen", _("vervallen")

    name = models.CharField(_("naam"), max_length=200)
    organisation = models.ForeignKey(
        "partners.Organisation",
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        help_text=_("Leeg: de standaardwerkwijze voor organisaties zonder eigen werkwijze."),
        related_name="workflows",
    )
    version = models.PositiveIntegerField(_("versie"), default=1)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    nazorg_months = models.PositiveSmallIntegerField(
        _("nazorg (maanden)"),
        default=3,
        help_text=_(
            "Zo lang na het afsluiten blijft een zaak in nazorg: de casusregisseur let op "
            "terugkerende overlast en krijgt aan het eind een herinnering."
        ),
    )

    class Meta:
        verbose_name = _("werkwijze")
        verbose_name_plural = _("werkwijzen")
        ordering = ["name", "-version"]
        permissions = [
            ("migrate_cases", _("Lopende zaken overzetten naar een andere versie")),
            # The regional functional admin keeps the defaults (organisation empty) of
            # workflows, bewaartermijnen and herinneringen; see docs/adr/0013.
            (
                "manage_regional_defaults",
                _("Standaardwerkwijze, -bewaartermijnen en -herinneringen van de regio beheren"),
            ),
        ]
        # A workflow is a line of versions with one name, per organisation (or the default).
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name", "version"],
                condition=models.Q(organisation__isnull=False),
                name="workflow_unique_name_version_per_org",
            ),
            models.UniqueConstraint(
                fields=["name", "version"],
                condition=models.Q(organisation__isnull=True),
                name="workflow_unique_name_version",
            ),
        ]

    def __str__(self):
        return f"{self.name} (v{self.version})"

    @property
    def first_stage(self):
        return self.stages.order_by("order").first()

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT


class Stage(models.Model):
    workflow = models.ForeignKey(
        Workflow, verbose_name=_("werkwijze"), on_delete=models.CASCADE, related_name="stages"
    )
    code = models.SlugField(_("code"), max_length=50)
    name = models.CharField(_("naam"), max_length=200)
    kader = models.CharField(_("kader"), max_length=20, choices=Kader.choices, blank=True)
    order = models.PositiveIntegerField(_("volgorde"))
    target_working_days = models.PositiveIntegerField(
        _("streefduur (werkdagen)"), null=True, blank=True
    )
    is_final = models.BooleanField(_("eindfase"), default=False)

    class Meta:
        verbose_name = _("fase")
        verbose_name_plural = _("fasen")
        ordering = ["workflow", "order"]
        constraints = [
            models.UniqueConstraint(fields=["workflow", "code"], name="stage_unique_code"),
            models.UniqueConstraint(fields=["workflow", "order"], name="stage_unique_order"),
        ]

    def __str__(self):
        return self.name


class Transition(models.Model):
    """A permitted move between two stages of one workflow version, with its guards."""

    workflow = models.ForeignKey(
        Workflow, verbose_name=_("werkwijze"), on_delete=models.CASCADE, related_name="transitions"
    )
    from_stage = models.ForeignKey(
        Stage, verbose_name=_("van fase"), on_delete=models.CASCADE, related_name="exits"
    )
    to_stage = models.ForeignKey(
        Stage, verbose_name=_("naar fase"), on_delete=models.CASCADE, related_name="entries"
    )
    label = models.CharField(_("omschrijving"), max_length=200)
    requires_justification = models.BooleanField(
        _("onderbouwing verplicht"),
        default=False,
        help_text=_("Bij het ingaan van het verplicht kader is een onderbouwing altijd verplicht."),
    )
    requires_decision = models.BooleanField(_("besluit casusoverleg verplicht"), default=False)
    allowed_organisation_kinds = models.JSONField(
        _("toegestane soorten organisatie"),
        default=list,
        blank=True,
        help_text=_("Leeg: elke organisatie die de zaak mag wijzigen."),
    )
    allowed_groups = models.ManyToManyField(
        "auth.Group",
        verbose_name=_("toegestane rollen"),
        blank=True,
        help_text=_("Leeg: elke rol die de zaak mag wijzigen."),
    )
    order = models.PositiveIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("overgang")
        verbose_name_plural = _("overgangen")
        ordering = ["workflow", "from_stage__order", "order", "to_stage__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["from_stage", "to_stage"], name="transition_unique_stages"
            )
        ]

    def __str__(self):
        return f"{self.from_stage} → {self.to_stage}"

    @property
    def needs_justification(self) -> bool:
        return self.requires_justification or self.to_stage.kader == Kader.DWANG

    @property
    def is_step_back(self) -> bool:
        return self.to_stage.order < self.from_stage.order
