"""Append-only records: the case timeline (Event) and the access log (AccessLog).

Neither is ever updated or deleted by the application; on PostgreSQL a trigger refuses it.
They hold identifiers, not personal data, so they can outlive what they point at.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases import clock


class Event(models.Model):
    class Kind(models.TextChoices):
        CASE_OPENED = "case_opened", _("Zaak geopend")
        CASE_CHANGED = "case_changed", _("Zaakgegevens gewijzigd")
        PERSON_ADDED = "person_added", _("Betrokkene toegevoegd")
        REPORT_ADDED = "report_added", _("Melding vastgelegd")
        NOTE_ADDED = "note_added", _("Logboekregel toegevoegd")
        ATTACHMENT_ADDED = "attachment_added", _("Bijlage toegevoegd")
        STAGE_CHANGED = "stage_changed", _("Fase gewijzigd")
        DECISION_RECORDED = "decision_recorded", _("Besluit vastgelegd")
        ACTION_ADDED = "action_added", _("Actiepunt toegevoegd")
        ACTION_DONE = "action_done", _("Actiepunt afgerond")
        WORKFLOW_MIGRATED = "workflow_migrated", _("Overgezet naar andere werkwijze")
        MEASURE_ADDED = "measure_added", _("Maatregel vastgelegd")
        MEASURE_CHANGED = "measure_changed", _("Maatregel bijgewerkt")
        SHARED = "shared", _("Gedeeld met ketenpartner")
        SHARE_CHANGED = "share_changed", _("Deelniveau gewijzigd")
        SHARE_REVOKED = "share_revoked", _("Delen ingetrokken")
        LEAD_HANDED_OVER = "lead_handed_over", _("Aanbrengende partner overgedragen")
        REGISSEUR_HANDED_OVER = "regisseur_handed_over", _("Casusregie overgedragen")
        CASE_CLOSED = "case_closed", _("Zaak afgesloten")
        CASE_REOPENED = "case_reopened", _("Zaak heropend")
        LETTER_MADE = "letter_made", _("Brief gemaakt")
        # A procesdossier (court dossier) was made and downloaded: an export of case data.
        DOSSIER_EXPORTED = "dossier_exported", _("Procesdossier gemaakt")
        # Issue 13: the overlast moved with the household (the old address is kept as an
        # earlier address), or another address was added to the case.
        ADDRESS_MOVED = "address_moved", _("Overlast verhuisd mee")
        ADDRESS_ADDED = "address_added", _("Adres toegevoegd")
        ADDRESS_REMOVED = "address_removed", _("Adres verwijderd")

    case = models.ForeignKey(
        "cases.Case", on_delete=models.DO_NOTHING, related_name="events", db_constraint=False
    )
    kind = models.CharField(_("soort"), max_length=40, choices=Kind.choices)
    occurred_at = models.DateTimeField(_("tijdstip"), default=clock.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        related_name="+",
    )
    organisation = models.ForeignKey(
        "partners.Organisation",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        related_name="+",
    )
    # The record the event is about (a melding, note, attachment, …), by model name and id.
    target_type = models.CharField(max_length=40, blank=True)
    target_id = models.BigIntegerField(null=True, blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("gebeurtenis")
        verbose_name_plural = _("gebeurtenissen")
        ordering = ["-occurred_at", "-id"]
        indexes = [
            models.Index(fields=["case", "-occurred_at"]),
            # The figures read the stage changes of a period (cases/figures).
            models.Index(fields=["kind", "occurred_at"]),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.occurred_at:%d-%m-%Y %H:%M})"


class AccessLog(models.Model):
    """NEN 7513-style log: who did what with which case data, when, and whether it was allowed."""

    class Action(models.TextChoices):
        VIEW = "view", _("inzien")
        CHANGE = "change", _("wijzigen")
        CREATE = "create", _("aanmaken")
        DOWNLOAD = "download", _("downloaden")
        PRINT = "print", _("afdrukken")
        EXPORT = "export", _("exporteren")
        SEARCH = "search", _("zoeken")

    class Outcome(models.TextChoices):
        ALLOWED = "allowed", _("toegestaan")
        DENIED = "denied", _("geweigerd")

    at = models.DateTimeField(_("tijdstip"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        related_name="+",
    )
    username = models.CharField(_("gebruiker"), max_length=150)
    organisation_id_ref = models.BigIntegerField(
        _("organisatie-id"), null=True, blank=True, db_index=True
    )
    organisation_name = models.CharField(_("organisatie"), max_length=200, blank=True)
    action = models.CharField(_("handeling"), max_length=20, choices=Action.choices)
    case_id_ref = models.BigIntegerField(_("zaak-id"), null=True, blank=True, db_index=True)
    case_reference = models.CharField(_("zaaknummer"), max_length=40, blank=True, db_index=True)
    person_id_ref = models.BigIntegerField(_("persoon-id"), null=True, blank=True, db_index=True)
    resource = models.CharField(_("onderdeel"), max_length=200, blank=True)
    purpose = models.CharField(_("doel"), max_length=200, blank=True)
    outcome = models.CharField(_("uitkomst"), max_length=10, choices=Outcome.choices)
    # The level at which the case was seen: only a read at `volledig` showed personal data.
    level = models.CharField(_("niveau"), max_length=20, blank=True)
    client_address = models.GenericIPAddressField(_("adres"), null=True, blank=True)

    class Meta:
        verbose_name = _("toegangslogregel")
        verbose_name_plural = _("toegangslog")
        ordering = ["-at", "-id"]
        default_permissions = ("view",)

    def __str__(self):
        return f"{self.at:%d-%m-%Y %H:%M} {self.username} {self.action} {self.case_reference}"
