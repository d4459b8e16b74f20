"""The cases of the whole region, for aggregates only (stuurinformatie, docs/adr/0021).

A coordinator asks how the region is doing: instroom, doorlooptijden, recidive over every
case, also those never shared with their organisation. The door hands these out as a
queryset, because the database has to count them, but only to the figures unit
(`cases/figures/selectors.py`, enforced by tests/figures/test_door.py), which turns them
into counts with every number below 5 suppressed and never lists a case, a reference, an
address or a link. Nothing else may read a case from here.
"""

from __future__ import annotations

from django.db.models import QuerySet

from ..models import Case
from .levels import _organisation_id


def regional_cases(user) -> QuerySet[Case]:
    """Every case of the region, for a user whose role may see the regional figures."""
    if _organisation_id(user) is None or not user.has_perm("cases.view_regional_figures"):
        return Case.objects.none()
    return Case.objects.all()
