"""What is recorded inside a case: persons, meldingen, logboek entries and attachments."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .choices import NoteKind, PersonRole, ReportSource, Sensitivity, Visibility


class Person(models.Model):
    """A betrokkene. One person can appear in several cases, each time with a role."""

    first_name = models.CharField(_("voornaam"), max_length=100, blank=True)
    last_name = models.CharField(_("achternaam"), max_length=150)
    birth_date = models.DateField(_("geboortedatum"), null=True, blank=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    registered_by = models.ForeignKey(
        "partners.Organisation",
        verbose_name=_("vastgelegd door"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("persoon")
        verbose_name_plural = _("personen")
        ordering = ["last_name", "first_name"]

    def __str__(self):
        return self.full_name

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}".strip()


class CasePerson(models.Model):
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="case_persons")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="case_roles")
    role = models.CharField(_("rol"), max_length=20, choices=PersonRole.choices)
    added_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("betrokkene")
        verbose_name_plural = _("betrokkenen")
        ordering = ["role", "person__last_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "person", "role"], name="caseperson_unique_role"
            )
        ]

    def __str__(self):
        return f"{self.person} ({self.get_role_display()})"


class Report(models.Model):
    """A melding: one report of nuisance."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="reports")
    received_at = models.DateTimeField(_("datum en tijd"), default=timezone.now)
    category = models.ForeignKey(
        "cases.NuisanceCategory", verbose_name=_("soort overlast"), on_delete=models.PROTECT
    )
    description = models.TextField(_("omschrijving"))
    source = models.CharField(_("bron"), max_length=20, choices=ReportSource.choices)
    melder = models.ForeignKey(
        Person,
        verbose_name=_("melder"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reports_made",
    )
    melder_anonymous = models.BooleanField(_("anonieme melder"), default=False)
    # A melder is "melder 1" in every document that leaves the organisation (procesdossier,
    # inzage) unless they agreed to be named there; the date is part of the evidence.
    melder_consents_to_be_named = models.BooleanField(
        _("melder stemt in met vermelding van naam"), default=False
    )
    melder_consent_on = models.DateField(_("datum instemming"), null=True, blank=True)
    receiving_organisation = models.ForeignKey(
        "partners.Organisation",
        verbose_name=_("ontvangen door"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    # Not a column: set per viewer by selectors.case_timeline (may this user see the melder?).
    melder_visible: bool

    class Meta:
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        ordering = ["-received_at"]

    def __str__(self):
        return f"{self.category} – {self.received_at:%d-%m-%Y}"


class Note(models.Model):
    """A logboek entry: contact, visit, letter or observation."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="notes")
    kind = models.CharField(_("soort"), max_length=20, choices=NoteKind.choices)
    occurred_on = models.DateField(_("datum"), default=timezone.localdate)
    text = models.TextField(_("tekst"))
    visibility = models.CharField(
        _("zichtbaarheid"),
        max_length=20,
        choices=Visibility.choices,
        default=Visibility.OWN_ORGANISATION,
    )
    sensitivity = models.CharField(
        _("bijzondere categorie"), max_length=20, choices=Sensitivity.choices, blank=True
    )
    melder_contact = models.BooleanField(
        _("contact met de melder"),
        default=False,
        help_text=_("Aanvinken als dit het (eerste) contact met de melder was."),
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(
        "partners.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()
    # The organisation that wrote it keeps it by its own retention rule (docs/adr/0026).
    retention_owner = "organisation"

    class Meta:
        verbose_name = _("logboekregel")
        verbose_name_plural = _("logboek")
        ordering = ["-occurred_on", "-created_at"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.occurred_on:%d-%m-%Y}"


def attachment_path(instance, filename):
    # The stored name is generated; the user's file name is kept only in `original_name`.
    return f"attachments/{instance.case_id}/{instance.storage_key}"


class Attachment(models.Model):
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="attachments")
    storage_key = models.CharField(max_length=64, unique=True, editable=False)
    file = models.FileField(_("bestand"), upload_to=attachment_path, max_length=300)
    original_name = models.CharField(_("bestandsnaam"), max_length=255)
    content_type = models.CharField(_("bestandstype"), max_length=100)
    size = models.PositiveBigIntegerField(_("grootte"))
    description = models.CharField(_("omschrijving"), max_length=255, blank=True)
    visibility = models.CharField(
        _("zichtbaarheid"),
        max_length=20,
        choices=Visibility.choices,
        default=Visibility.OWN_ORGANISATION,
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    organisation = models.ForeignKey(
        "partners.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()
    # The organisation that added it keeps it by its own retention rule (docs/adr/0026).
    retention_owner = "organisation"

    class Meta:
        verbose_name = _("bijlage")
        verbose_name_plural = _("bijlagen")
        ordering = ["-created_at"]

    def __str__(self):
        return self.original_name
