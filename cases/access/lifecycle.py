"""The end of a case and its address, cut to the reader's level (issue 13).

- `closure(access)`: what the reader may know of a closure. Every level sees *that* the case
  is closed (a partner at `bestaan` would otherwise keep asking about a case that ended);
  from `proces` the date, the result, its note and the nazorg; at `volledig` also whether
  melder and veroorzaker were informed and why not (that reason may be about a person).
  Which field shows from which level is `listing.FIELD_LEVELS`.
- `earlier_cases_at(user, key)`: the cases at an address (by its normalised key) that this
  user sees at `volledig`, the only level that shows an address; matching on the key of a
  case the reader sees at a lower level would tell its address. A case is at an address when
  it is its current address or one of its further addresses (`CaseAddress`: where the
  household lived before, or another address of the overlast; docs/adr/0030).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, OuterRef, Q, QuerySet

from ..models import Case, CaseAddress
from ..models.case import as_postcode, typed_address_q
from . import levels
from .listing import FIELD_LEVELS, where_shown
from .visible import visible_cases


@dataclass(frozen=True)
class Closure:
    closed: bool
    in_nazorg: bool = False
    closed_on: date | None = None
    result: str = ""
    note: str = ""
    nazorg_until: date | None = None
    shows_informed: bool = False
    melder_informed: bool | None = None
    veroorzaker_informed: bool | None = None
    not_informed_reason: str = ""


def closure(access) -> Closure | None:
    """The closure of `access.case` as the reader may see it; None while the case is open."""
    case = access.case
    if case.closed_on is None:
        return None
    if not levels.at_least(access.level, FIELD_LEVELS["closing_result"]):
        return Closure(closed=True)
    fields = {
        "closed": True,
        "in_nazorg": case.in_nazorg,
        "closed_on": case.closed_on,
        "result": case.closing_result.name if case.closing_result_id else "",
        "note": case.result,
        "nazorg_until": case.nazorg_until,
    }
    if levels.at_least(access.level, FIELD_LEVELS["street"]):
        fields.update(
            shows_informed=True,
            melder_informed=case.melder_informed,
            veroorzaker_informed=case.veroorzaker_informed,
            not_informed_reason=case.not_informed_reason,
        )
    return Closure(**fields)


def further_address_keys(case_ref) -> QuerySet:
    """The keys of the further addresses of the case `case_ref` (an OuterRef to a case's pk),
    for a subquery about cases the door already gave the reader at `volledig` (the figures'
    recurrence): the keys of one case, never a way to find cases."""
    return (
        CaseAddress.objects.filter(case_id=case_ref).exclude(address_key="").values("address_key")
    )


def further_address_search_q(text: str) -> Q:
    """Cases with a further address whose street or postcode contains `text`, or that is the
    address `text` names ("Anjerhof 139"): for a list's search, ANDed there with the level
    that shows addresses, like the case's own address."""
    place = as_postcode(text) or text
    found = CaseAddress.objects.filter(
        Q(street__icontains=place) | Q(postcode__icontains=place) | typed_address_q(text)
    )
    return Q(pk__in=found.values("case_id"))


def at_address_q(keys: Iterable[str]) -> Q:
    """Cases whose current or further address has one of these keys."""
    keys = sorted({key for key in keys if key})
    further = CaseAddress.objects.filter(case_id=OuterRef("pk"), address_key__in=keys)
    return Q(address_key__in=keys) | Q(Exists(further))


def earlier_cases_at(
    user, keys: str | Iterable[str], *, exclude: Case | None = None
) -> QuerySet[Case]:
    """Cases at the address(es) with these keys that `user` sees fully, newest first: on
    their current address or on any of their further addresses."""
    keys = {keys} if isinstance(keys, str) else set(keys)
    keys.discard("")
    if not keys:
        return Case.objects.none()
    cases = levels.with_access_level(visible_cases(user), user).filter(
        where_shown("address_key", at_address_q(keys))
    )
    if exclude is not None:
        cases = cases.exclude(pk=exclude.pk)
    return cases.select_related("closing_result", "lead_organisation").order_by(
        "-opened_on", "-reference"
    )
