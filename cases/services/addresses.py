"""A case's addresses (issue 13, docs/adr/0030): the overlast moves with the household, or
the case has another address besides its own.

The case's own address fields are its current address. Moving keeps the old one as an
earlier address (`CaseAddress` with `valid_until` the day of the move) and puts the new one
on the case; adding an address changes nothing on the case. Both need what editing the
case's details needs (`CaseAccess.can_change_addresses`), as does removing a further address
typed by mistake; all are on the timeline by identifiers only: the Event names the
`CaseAddress`, never the address itself (a removed one lives on in its history).
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cases.access import CaseAccess
from cases.models import Case, CaseAddress, Event
from cases.models.case import address_key, as_postcode, postcode_validator
from woonoverlast.refusals import Refusal

from .common import delete_with_history as _delete
from .common import record_event as _record
from .common import save_with_history as _save

ADDRESS_FIELDS = ("street", "house_number", "postcode", "city")


def _require(access: CaseAccess) -> None:
    if not access.can_change_addresses:
        raise Refusal.forbidden(_("U mag de adressen van deze zaak niet wijzigen."))


def _clean_address(street: str, house_number: str, postcode: str, city: str) -> dict:
    """The address as it is stored, or a refusal on the fields that are wrong."""
    address = {
        "street": (street or "").strip(),
        "house_number": (house_number or "").strip(),
        "postcode": as_postcode(postcode or "") or (postcode or "").strip().upper(),
        "city": (city or "").strip(),
    }
    errors: dict[str, str | list[str]] = {
        name: _("Dit veld is verplicht.") for name in ADDRESS_FIELDS if not address[name]
    }
    if "postcode" not in errors:
        try:
            postcode_validator(address["postcode"])
        except ValidationError as error:
            errors["postcode"] = error.messages
    if "house_number" not in errors and not address_key(
        address["postcode"] or "0000AA", address["house_number"]
    ):
        errors["house_number"] = _("Een huisnummer begint met een getal, bijvoorbeeld 12 of 12a.")
    if errors:
        raise Refusal.on_fields(errors)
    return address


def _check_dates(valid_from: date | None, valid_until: date | None) -> None:
    today = timezone.localdate()
    if valid_from and valid_until and valid_from > valid_until:
        raise Refusal(_("De einddatum ligt vóór de begindatum."), field="valid_until")
    for name, day in (("valid_from", valid_from), ("valid_until", valid_until)):
        if day and day > today:
            raise Refusal(_("Deze datum ligt in de toekomst."), field=name)


def _keys_of(case: Case) -> set[str]:
    return {case.address_key, *case.further_addresses.values_list("address_key", flat=True)}


@transaction.atomic
def move_case_address(
    *,
    actor,
    access: CaseAccess,
    street: str,
    house_number: str,
    postcode: str,
    city: str,
    moved_on: date,
    reason: str = "",
    wijk: str = "",
) -> CaseAddress:
    """The overlast moved with the household: the current address becomes an earlier
    address until `moved_on`, the new one the case's address. Returns the earlier address."""
    _require(access)
    new = _clean_address(street, house_number, postcode, city)
    if moved_on is None:
        raise Refusal(_("Vul de datum van de verhuizing in."), field="moved_on")
    if moved_on > timezone.localdate():
        raise Refusal(_("De verhuisdatum ligt in de toekomst."), field="moved_on")
    case = Case.objects.select_for_update().get(pk=access.case.pk)
    if address_key(new["postcode"], new["house_number"]) == case.address_key:
        raise Refusal(_("Dit is het huidige adres van de zaak."), field="house_number")
    earlier = _save(
        CaseAddress(
            case=case,
            street=case.street,
            house_number=case.house_number,
            postcode=case.postcode,
            city=case.city,
            valid_until=moved_on,
            note=(reason or "").strip()[:200] or _("huishouden verhuisd"),
            added_by=actor,
        ),
        actor,
    )
    for name, value in new.items():
        setattr(case, name, value)
    case.wijk = (wijk or "").strip()
    _save(case, actor)
    # Identifiers and a date only: the addresses are in the CaseAddress and the case's history.
    _record(case, Event.Kind.ADDRESS_MOVED, actor, target=earlier, moved_on=moved_on.isoformat())
    return earlier


@transaction.atomic
def add_case_address(
    *,
    actor,
    access: CaseAccess,
    street: str,
    house_number: str,
    postcode: str,
    city: str,
    valid_from: date | None = None,
    valid_until: date | None = None,
    note: str = "",
) -> CaseAddress:
    """Another address of the case (an earlier one of the household, or a second address of
    the same overlast), without changing the case's current address."""
    _require(access)
    address = _clean_address(street, house_number, postcode, city)
    _check_dates(valid_from, valid_until)
    case = Case.objects.select_for_update().get(pk=access.case.pk)
    if address_key(address["postcode"], address["house_number"]) in _keys_of(case):
        raise Refusal(_("Dit adres staat al bij de zaak."), field="house_number")
    added = _save(
        CaseAddress(
            case=case,
            valid_from=valid_from,
            valid_until=valid_until,
            note=(note or "").strip()[:200],
            added_by=actor,
            **address,
        ),
        actor,
    )
    _record(case, Event.Kind.ADDRESS_ADDED, actor, target=added)
    return added


@transaction.atomic
def remove_case_address(*, actor, access: CaseAccess, address_id: int) -> None:
    """Remove a further address of the case (one added by mistake); the current address is
    changed by a move, not removed. The removal is kept in the address's history."""
    _require(access)
    address = (
        CaseAddress.objects.select_for_update().filter(pk=address_id, case=access.case).first()
    )
    if address is None:
        raise Refusal.not_found(_("Dit adres hoort niet bij deze zaak."))
    _delete(address, actor)
    _record(access.case, Event.Kind.ADDRESS_REMOVED, actor, address_id=address_id)
