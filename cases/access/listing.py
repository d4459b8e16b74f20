"""What a case list may filter and sort on: a field only where the reader's level shows it.

A list hides a field at a level ("niet gedeeld"), but filtering or sorting on that field
would still tell it (issue 12): a filter on soort overlast shows which `bestaan` cases are
about drugs; the default filter "open" left out a closed `bestaan` case, so its absence told
it was closed; the lead filter offered the lead organisations of `bestaan` cases; sorting on
postcode put a `bestaan` row among the others by its hidden postcode. Therefore:

- a filter condition on a field is ANDed with the level that shows the field
  (`where_shown`): a hidden value never matches;
- the status filter is the one exception, so that the default list still lists every case:
  "open" keeps the cases whose status the reader does not see, "gesloten" never shows one
  (`open_or_status_hidden`);
- sorting on a field gives the rows where it is hidden a neutral key: NULL, placed last in
  either direction, then the reference, which every level sees (`list_ordering`).

`FIELD_LEVELS` says which level shows which field on the lists and the case page header;
the querysets carry the flags of `levels.with_access_level` (`sees_process`, `sees_details`).
"""

from __future__ import annotations

from django.db.models import Case as Case_
from django.db.models import F, Q, Value, When

from ..models.choices import AccessLevel

FIELD_LEVELS: dict[str, str] = {
    "reference": AccessLevel.BESTAAN,
    "wijk": AccessLevel.BESTAAN,
    "city": AccessLevel.BESTAAN,
    "stage": AccessLevel.BESTAAN,
    "opened_on": AccessLevel.PROCES,
    "closed_on": AccessLevel.PROCES,
    "regisseur": AccessLevel.PROCES,
    "lead_organisation": AccessLevel.PROCES,
    "street": AccessLevel.VOLLEDIG,
    "postcode": AccessLevel.VOLLEDIG,
    "categories": AccessLevel.VOLLEDIG,
}
_FLAGS = {AccessLevel.PROCES: "sees_process", AccessLevel.VOLLEDIG: "sees_details"}


def _flag(field: str) -> str | None:
    """The annotation that is true where `field` (or a path starting with it) is shown."""
    return _FLAGS.get(FIELD_LEVELS[field.split("__")[0]])


def shown_q(field: str) -> Q:
    """Filter for the rows where the reader's level shows `field`."""
    flag = _flag(field)
    return Q() if flag is None else Q(**{flag: True})


def where_shown(field: str, condition: Q) -> Q:
    """`condition` on `field`, true only where the reader's level shows the field."""
    return condition & shown_q(field)


def open_or_status_hidden() -> Q:
    """The status filter "open": open cases, and the cases whose status is not shown."""
    return Q(closed_on__isnull=True) | ~shown_q("closed_on")


def closed_and_shown() -> Q:
    """The status filter "gesloten": closed cases whose status the reader sees."""
    return where_shown("closed_on", Q(closed_on__isnull=False))


def list_ordering(fields: list[str]) -> list:
    """`order_by` arguments for `fields` ("-postcode", "stage__order"): where a field is
    hidden its key is NULL, last in either direction; ties go by reference."""
    ordering: list = []
    for name in fields:
        descending = name.startswith("-")
        field = name.lstrip("-")
        flag = _flag(field)
        key = (
            F(field)
            if flag is None
            else Case_(When(**{flag: True}, then=F(field)), default=Value(None))
        )
        ordering.append(key.desc(nulls_last=True) if descending else key.asc(nulls_last=True))
    first_descending = bool(fields) and fields[0].startswith("-")
    ordering.append(F("reference").desc() if first_descending else F("reference").asc())
    return ordering
