"""Which fields of a case each level shows, for readers that send a case as data (the
partner API, cases/api/): the same levels as the lists and the case page header
(`listing.FIELD_LEVELS`), plus the fields only the case page shows.

A serializer asks `shown_case_fields(level)` and leaves every other field empty; it never
decides a level itself.
"""

from __future__ import annotations

from django.db.models import Q

from ..models.choices import AccessLevel
from .levels import at_least
from .listing import FIELD_LEVELS

CASE_FIELD_LEVELS: dict[str, str] = {
    **FIELD_LEVELS,
    "house_number": AccessLevel.VOLLEDIG,
    "summary": AccessLevel.VOLLEDIG,
    # When a case last changed is process information: a partner at `bestaan` knows that
    # the case exists, not when someone worked on it.
    "updated_at": AccessLevel.PROCES,
}


def shown_case_fields(level: str | None) -> frozenset[str]:
    """The fields of a case a reader at `level` may see (None: none)."""
    return frozenset(
        field for field, minimum in CASE_FIELD_LEVELS.items() if at_least(level, minimum)
    )


def changed_since_q(since) -> Q:
    """For a queryset from `with_access_level`: cases changed at or after `since`, among
    those whose change time the reader's level shows (a hidden time never matches)."""
    return Q(updated_at__gte=since, sees_process=True)
