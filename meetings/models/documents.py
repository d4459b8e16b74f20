"""What a meeting produces: PDFs per organisation, sent notices, calendar feed tokens.

A generated PDF remembers what it was made from (DESIGN: "a document remembers what it was
made from"; ADR 0014): one `MeetingDocumentSource` per case in it, with the level that case
was cut for. A download re-checks those levels; a case that is destroyed takes its source
rows with it (CASCADE) and, through meetings.receivers, the documents made from it.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cases.models.choices import AccessLevel


class MeetingDocument(models.Model):
    """One generated PDF: the agenda or verslag for one organisation, or combined for the chair.

    Stored outside any public URL; only the access-checked download view serves it. A
    document whose sources no longer hold (a share revoked or lowered) is `withdrawn`: its
    file is deleted, the row and its sources stay so that a later download of it is refused
    and logged per case, and a replacement is made for the current levels.
    """

    class Kind(models.TextChoices):
        AGENDA = "agenda", _("agenda")
        MINUTES = "verslag", _("verslag")

    class Status(models.TextChoices):
        PENDING = "wachtend", _("in de wachtrij")
        RUNNING = "bezig", _("wordt gemaakt")
        READY = "klaar", _("klaar")
        FAILED = "mislukt", _("mislukt")
        WITHDRAWN = "ingetrokken", _("ingetrokken")

    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="documents"
    )
    kind = models.CharField(_("soort"), max_length=10, choices=Kind.choices)
    # None: the combined document for the chair.
    organisation = models.ForeignKey(
        "partners.Organisation", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING)
    file = models.FileField(upload_to="overleg/", blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)
    pages = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("overlegdocument")
        verbose_name_plural = _("overlegdocumenten")
        ordering = ["kind", "organisation__name", "-requested_at"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.meeting} ({self.organisation or _('voorzitter')})"


class MeetingDocumentSource(models.Model):
    """One case a document was made from, and the level it was cut for.

    CASCADE on the case: when retention destroys the case the link goes with it, so no row
    outside the case register keeps pointing at it.
    """

    document = models.ForeignKey(MeetingDocument, on_delete=models.CASCADE, related_name="sources")
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="+")
    level = models.CharField(_("niveau"), max_length=20, choices=AccessLevel.choices)

    class Meta:
        verbose_name = _("bron van een overlegdocument")
        verbose_name_plural = _("bronnen van overlegdocumenten")
        constraints = [
            models.UniqueConstraint(fields=["document", "case"], name="documentsource_case_once")
        ]

    def __str__(self):
        return f"{self.document_id}: {self.case_id} ({self.level})"


class Notice(models.Model):
    """A notice sent once: the unique key makes a sweep that runs twice send nothing twice."""

    key = models.CharField(max_length=200, unique=True)
    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="notices"
    )
    recipient = models.EmailField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("verstuurde melding")
        verbose_name_plural = _("verstuurde meldingen")

    def __str__(self):
        return self.key


def _token():
    return secrets.token_urlsafe(32)


class CalendarToken(models.Model):
    """The secret in a user's calendar subscription URL for one series."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    series = models.ForeignKey("meetings.Series", on_delete=models.CASCADE, related_name="+")
    token = models.CharField(max_length=64, unique=True, default=_token)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "series"], name="calendartoken_once")
        ]

    def __str__(self):
        return f"{self.user} – {self.series}"
