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

from django.db.models import Case as Case_
from django.db.models import CharField, Q, QuerySet, Value, When
from django.utils.translation import gettext_lazy

from cases import access

RESULT_LABELS = {
    "goed": gettext_lazy("Overlast beëindigd"),
    "anders": gettext_lazy("Ontbonden, ontruimd of niet vastgesteld"),
    "geen": gettext_lazy("Zonder resultaat"),
}


# -- the result of a closed case: read here only ------------------------------------------


def ended_well_q() -> Q:
    """A closed case that ended well.

    `Case.result` is free text until closing with a result from a list lands (the lifecycle
    work, `closing_result`); then this becomes `Q(closing_result__code__in=[…])`. Free text
    is never shown in a figure, since it can name a person: it is classified here.
    """
    bad = Q(result__icontains="ontbonden") | Q(result__icontains="ontruim")
    bad |= Q(result__icontains="niet vastgesteld")
    return Q(closed_on__isnull=False) & ~Q(result="") & ~bad


def result_q(key: str) -> Q:
    """Closed cases whose result falls in the class `key` of RESULT_LABELS."""
    closed = Q(closed_on__isnull=False)
    if key == "geen":
        return closed & Q(result="")
    if key == "goed":
        return ended_well_q()
    return closed & ~Q(result="") & ~ended_well_q()


def result_expression():
    return Case_(
        When(result="", then=Value("geen")),
        When(ended_well_q(), then=Value("goed")),
        default=Value("anders"),
        output_field=CharField(),
    )


# -- which cases ---------------------------------------------------------------------------


@dataclass
class Scope:
    user: object
    regional: bool
    cases: QuerySet  # filtered, at least `proces` (organisation) or every case (region)
    details: QuerySet  # of those, the ones whose details the reader sees
    all_details: QuerySet  # unfiltered: where a case may recur


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
    return Scope(user, filters.regional, cases, cases.filter(full), base.filter(full))


def wijk_choices(user, *, regional: bool) -> list[str]:
    base = access.regional_cases(user) if regional else access.process_cases(user)
    return list(base.exclude(wijk="").order_by("wijk").values_list("wijk", flat=True).distinct())
