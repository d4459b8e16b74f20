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

`list_ordering` says that order as one `ORDER BY` over a CASE on the reader's level, which
PostgreSQL can only sort after working out the level of every visible row (13,000 rows for a
partner at 100,000 cases). `LevelOrderedRows` gives the same rows in the same order for a
paginator, read as two ordered parts that an index can serve: first the rows where the level
shows the first sort field (the cases seen at that field's level, by the field), then the
others (by reference). ADR 0022.

`FIELD_LEVELS` says which level shows which field on the lists and the case page header;
the querysets carry the flags of `levels.with_level_flags` (`sees_process`, `sees_details`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property

from django.db.models import Case as Case_
from django.db.models import Exists, F, Q, QuerySet, Value, When

from ..models import Case
from ..models.choices import AccessLevel
from .levels import _granted
from .visible import cases_seen_at

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
    # The closure (issue 13): that a case is closed shows at every level (`CaseAccess.closure`),
    # the result, its note and the nazorg from proces; the address key is the address.
    "closing_result": AccessLevel.PROCES,
    "result": AccessLevel.PROCES,
    "nazorg_until": AccessLevel.PROCES,
    "address_key": AccessLevel.VOLLEDIG,
    # A case's earlier and other addresses (cases.models.addresses): addresses, so volledig.
    "further_addresses": AccessLevel.VOLLEDIG,
}
_FLAGS = {AccessLevel.PROCES: "sees_process", AccessLevel.VOLLEDIG: "sees_details"}
# A list counts its rows up to this many and pages through at most these (20 pages of 50):
# beyond, a reader narrows the list with search and filters rather than page 300.
COUNT_LIMIT = 1000


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
    first_descending = bool(fields) and fields[0].startswith("-")
    return [*_keys(fields), _by_reference(first_descending)]


def _keys(fields: list[str]) -> list:
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
    return ordering


def _by_reference(descending: bool):
    return F("reference").desc() if descending else F("reference").asc()


class LevelOrderedRows:
    """The rows of a case list in the order of `list_ordering(fields)`, for a paginator.

    `narrow` applies the list's search and filters to a queryset of cases; it is given the
    cases the reader may know of, or those it sees at the level of the first sort field.
    `decorate` adds what the page shows of a row (select_related, annotations) to the rows
    it reads, never to a count. When every level shows the first sort field, the list is one
    queryset. Otherwise it is two parts, each ordered by columns an index serves: the rows
    where the field is shown and not empty, by the field (then the other fields and the
    reference), and after them all other rows, whose key is NULL, by the other fields and the
    reference. That is exactly the order of `list_ordering`, without a level per row.
    """

    ordered = True  # for Paginator: the order is defined

    def __init__(
        self,
        user,
        fields: list[str],
        narrow: Callable[[QuerySet[Case]], QuerySet[Case]],
        decorate: Callable[[QuerySet[Case]], QuerySet[Case]] | None = None,
    ):
        self.user = user
        self.fields = fields
        self.narrow = narrow
        self.decorate = decorate or (lambda cases: cases)
        first = fields[0].lstrip("-")
        self.first = first
        self.descending = fields[0].startswith("-")
        self.level = FIELD_LEVELS[first.split("__")[0]]
        self.codename = f"view_case_{self.level}"
        self._narrowed: dict[str, QuerySet[Case]] = {}
        self._shown: int | None = None  # rows in the first part, once known

    @property
    def _partitioned(self) -> bool:
        return self.level != AccessLevel.BESTAAN

    def _narrowed_at(self, level: str) -> QuerySet[Case]:
        """The search and filters applied to the cases seen at `level`, built once: the
        count and the rows each start from it (a queryset is never changed by chaining)."""
        if level not in self._narrowed:
            self._narrowed[level] = self.narrow(cases_seen_at(self.user, level))
        return self._narrowed[level]

    def _every_row(self) -> QuerySet[Case]:
        return self._narrowed_at(AccessLevel.BESTAAN)

    def _shown_rows(self) -> QuerySet[Case]:
        """The rows where the level shows the first field and it has a value, by that field."""
        key = F(self.first)
        key = key.desc() if self.descending else key.asc()
        rest = _keys(self.fields[1:])
        return (
            self._narrowed_at(self.level)
            .filter(**{f"{self.first}__isnull": False})
            .order_by(key, *rest, _by_reference(self.descending))
        )

    def _other_rows(self) -> QuerySet[Case]:
        """The rows whose key is NULL: the field hidden or empty; by reference."""
        shown = Q(Exists(_granted(self.user, self.codename)))
        return (
            self._every_row()
            .exclude(shown & Q(**{f"{self.first}__isnull": False}))
            .order_by(*_keys(self.fields[1:]), _by_reference(self.descending))
        )

    @cached_property
    def _total(self) -> int:
        """The number of rows, counted up to COUNT_LIMIT + 1: past that the list says "more
        than" and pages only through the first COUNT_LIMIT rows, so the count costs the same
        at a hundred thousand cases as at ten million (ADR 0028). Unordered and bare: a count
        needs no sort, and then LIMIT stops the scan early."""
        return self._every_row().order_by().values("pk")[: COUNT_LIMIT + 1].count()

    def _shown_count(self) -> int:
        """The rows of the first part, counted (up to COUNT_LIMIT + 1) only when a page
        starts beyond them; a page that reaches their end tells their number itself."""
        if self._shown is None:
            first_part = self._shown_rows().order_by().values("pk")
            self._shown = first_part[: COUNT_LIMIT + 1].count()
        return self._shown

    @property
    def more_than_counted(self) -> bool:
        """Whether there are more rows than COUNT_LIMIT (then `count()` is COUNT_LIMIT)."""
        return self._total > COUNT_LIMIT

    def count(self) -> int:
        return min(self._total, COUNT_LIMIT)

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index: slice) -> list[Case]:
        if not isinstance(index, slice) or index.step is not None:
            raise TypeError("LevelOrderedRows is read by slices, as a paginator does")
        start = index.start or 0
        stop = self.count() if index.stop is None else min(index.stop, self.count())
        if start >= stop:
            return []
        if not self._partitioned:
            every_row = self.decorate(self._every_row())
            return list(every_row.order_by(*list_ordering(self.fields))[start:stop])
        rows: list[Case] = []
        if self._shown is None or start < self._shown:
            rows = list(self.decorate(self._shown_rows())[start:stop])
            if len(rows) == stop - start:
                return rows
            # The first part ends within this page (its number is then known) or before it.
            self._shown = start + len(rows) if rows or start == 0 else self._shown_count()
        shown = self._shown
        others = self.decorate(self._other_rows())
        return rows + list(others[max(start - shown, 0) : stop - shown])
