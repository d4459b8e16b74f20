"""Which cases a figure counts, and the one place that reads a case's result (docs/adr/0021).

- the organisation view counts the cases the user's organisation sees at level `proces` or
  more (`access.process_cases`): every figure is process information, which a partner at
  `bestaan` does not get; figures that need a detail (meldingen, melder contact, address,
  soort overlast) count only the cases it sees at `volledig` (`access.full_access_q`);
- the regional view counts every case of the region (`access.regional_cases`), and its
  numbers pass the small-number rule (`Figure.protect`) before they are shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy

from cases import access
from cases.models import CaseResult

RESULT_LABELS = {
    "goed": gettext_lazy("Overlast beëindigd"),
    "anders": gettext_lazy("Ontbonden, ontruimd, niet vastgesteld of overig"),
    "geen": gettext_lazy("Zonder resultaat"),
}


# -- the result of a closed case: read here only ------------------------------------------


# Results (cases.CaseResult, seeded in migration 0052) where the overlast ended.
ENDED_WELL_CODES = ("overlast-gestopt", "verhuisd", "doorverwezen-zorg")


def ended_well_q() -> Q:
    """A closed case whose result from the list says the overlast ended. The closing note
    (`Case.result`, free text) is never read for a figure: it can name a person.

    The results are asked by a subquery (PostgreSQL hashes its few ids once), not a join:
    the case tally classifies every case it counts, and a join widened each of its rows
    (87,700 at a million cases) before they were sorted into groups."""
    ended_well = CaseResult.objects.filter(code__in=ENDED_WELL_CODES)
    return Q(closed_on__isnull=False, closing_result__in=ended_well)


def result_q(key: str) -> Q:
    """Closed cases whose result falls in the class `key` of RESULT_LABELS."""
    closed = Q(closed_on__isnull=False)
    if key == "geen":
        return closed & Q(closing_result__isnull=True)
    if key == "goed":
        return ended_well_q()
    return closed & Q(closing_result__isnull=False) & ~ended_well_q()


# -- which cases ---------------------------------------------------------------------------


@dataclass
class Scope:
    user: object
    regional: bool
    cases: QuerySet  # filtered, at least `proces` (organisation) or every case (region)
    details: QuerySet  # of those, the ones whose details the reader sees
    all_details: QuerySet  # unfiltered: where a case may recur
    narrowed: bool = False  # a filter keeps `cases` from being every case of the view


def scope(user, filters) -> Scope:
    if filters.regional:
        base = access.regional_cases(user)
        full = Q()
    else:
        base = access.process_cases(user)
        full = access.full_access_q(user)
    condition = Q()
    if filters.wijk:
        condition &= Q(wijk=filters.wijk)
    if filters.stage_code:
        condition &= Q(stage__code=filters.stage_code)
    if filters.lead_organisation:
        condition &= Q(lead_organisation=filters.lead_organisation)
    if filters.result:
        condition &= result_q(filters.result)
    if filters.category:
        # Soort overlast shows at `volledig` only: a hidden value never matches (listing.py).
        condition &= Q(categories=filters.category) & full
    cases = base.filter(condition)
    return Scope(
        user,
        filters.regional,
        cases,
        cases.filter(full),
        base.filter(full),
        narrowed=bool(condition),
    )


def wijk_choices(user, *, regional: bool) -> list[str]:
    base = access.regional_cases(user) if regional else access.process_cases(user)
    return sorted(base.exclude(wijk="").values_list("wijk", flat=True).distinct().order_by())


class WijkChoices:
    """The wijk filter's options: the wijken of the cases in the view, read once, and only
    when the options are needed (the page shows them; a CSV does not).

    When no filter narrowed the figures, the case tally has just passed over exactly these
    cases and offers their wijken (`offer`), so the page does not scan them a second time;
    otherwise they are read with a query of their own (`wijk_choices`).
    """

    def __init__(self, user, *, regional: bool):
        self.user, self.regional = user, regional
        self._wijken: list[str] | None = None

    def offer(self, wijken: list[str], *, regional: bool) -> None:
        if regional == self.regional and self._wijken is None:
            self._wijken = sorted(wijken)

    def __call__(self) -> list[str]:
        if self._wijken is None:
            self._wijken = wijk_choices(self.user, regional=self.regional)
        return self._wijken
