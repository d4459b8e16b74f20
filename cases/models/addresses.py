"""A case's further addresses: where the household lived before, or another address of the
same overlast (issue 13, docs/adr/0030).

The case's own address fields stay its *current* address: every list, filter, letter,
figure and index keeps reading them. A `CaseAddress` is any other address of the case, with
the same normalised key (`address_key`), so recidive matches a case on each of its
addresses. Who may read them is the door's (`cases.access`, level `volledig`, like the case
address); who writes them, the services (`cases.services.addresses`).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .case import Case, address_key, postcode_validator


class CaseAddress(models.Model):
    case = models.ForeignKey(
        Case, verbose_name=_("zaak"), on_delete=models.CASCADE, related_name="further_addresses"
    )
    street = models.CharField(_("straat"), max_length=200)
    house_number = models.CharField(_("huisnummer"), max_length=20)
    postcode = models.CharField(_("postcode"), max_length=7, validators=[postcode_validator])
    city = models.CharField(_("plaats"), max_length=100)
    address_key = models.CharField(_("adressleutel"), max_length=40, blank=True, editable=False)
    # Both optional: a household's earlier address is often known without the dates.
    valid_from = models.DateField(_("vanaf"), null=True, blank=True)
    valid_until = models.DateField(_("tot"), null=True, blank=True)
    note = models.CharField(_("toelichting"), max_length=200, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgelegd door"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("adres van een zaak")
        verbose_name_plural = _("adressen van een zaak")
        # Addresses without an end first (another address of the overlast now), then the
        # ones the household left, most recent first.
        ordering = [models.F("valid_until").desc(nulls_first=True), "-created_at", "-id"]
        indexes = [models.Index(fields=["address_key"], name="caseaddress_key_idx")]

    def __str__(self):
        return self.address

    def save(self, *args, **kwargs):
        # As on Case: the key follows the address it is made from.
        self.address_key = address_key(self.postcode, self.house_number)
        super().save(*args, **kwargs)

    @property
    def address(self) -> str:
        return f"{self.street} {self.house_number}, {self.postcode} {self.city}"
