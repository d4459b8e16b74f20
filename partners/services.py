"""Writes of the partner register: the instrument catalogue (with history of who changed it)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .models import Instrument

INSTRUMENT_FIELDS = ("name", "partner_kind", "kaders", "stage_codes", "legal_basis", "description")


@transaction.atomic
def save_instrument(*, actor, instrument: Instrument | None = None, **fields) -> Instrument:
    perm = "partners.change_instrument" if instrument else "partners.add_instrument"
    if not actor.has_perm(perm):
        raise PermissionDenied(_("U mag de instrumentencatalogus niet wijzigen."))
    unknown = set(fields) - set(INSTRUMENT_FIELDS)
    if unknown:
        raise ValueError(f"Onbekende velden: {', '.join(sorted(unknown))}")
    instrument = instrument or Instrument()
    for name, value in fields.items():
        setattr(instrument, name, value)
    duplicate = Instrument.objects.filter(
        partner_kind=instrument.partner_kind, name__iexact=instrument.name
    ).exclude(pk=instrument.pk)
    if duplicate.exists():
        raise ValidationError(
            {"name": [_("Deze soort partner heeft al een instrument met deze naam.")]}
        )
    if not instrument.kaders:
        raise ValidationError({"kaders": [_("Kies ten minste één kader.")]})
    instrument._history_user = actor
    instrument.save()
    return instrument


@transaction.atomic
def set_instrument_active(*, actor, instrument: Instrument, active: bool) -> Instrument:
    """Deactivate (or reactivate) rather than delete: measures keep pointing at it."""
    if not actor.has_perm("partners.change_instrument"):
        raise PermissionDenied(_("U mag de instrumentencatalogus niet wijzigen."))
    instrument.active = active
    instrument._history_user = actor
    instrument.save(update_fields=["active"])
    return instrument
