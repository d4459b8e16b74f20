"""Median and 80th percentile in the database, with a fallback for SQLite.

PostgreSQL computes `percentile_cont(f) WITHIN GROUP (ORDER BY x)` as an ordered-set
aggregate. SQLite has no such aggregate (the embedded demo runs on it), so there the
database returns the durations of the stage periods, grouped and already cut to the
reader's cases, and `percentile_cont` below computes the same linear interpolation. The
fallback handles one number per period, never a case; production and CI run on PostgreSQL.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import connection
from django.db.models import Aggregate, Count, DurationField

DAY = timedelta(days=1)


class Percentile(Aggregate):
    function = "PERCENTILE_CONT"
    name = "Percentile"
    template = "%(function)s(%(fraction)s) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = DurationField()

    def __init__(self, expression, fraction: float, **extra):
        if not 0 <= fraction <= 1:
            raise ValueError(fraction)
        super().__init__(expression, fraction=repr(float(fraction)), **extra)


def percentile_cont(values: list[timedelta], fraction: float) -> timedelta | None:
    """PostgreSQL's percentile_cont over `values` (interpolated between the two nearest)."""
    if not values:
        return None
    ordered = sorted(values)
    position = fraction * (len(ordered) - 1)
    lower = int(position)
    upper = min(lower + 1, len(ordered) - 1)
    return ordered[lower] + (ordered[upper] - ordered[lower]) * (position - lower)


def _days(value: timedelta | None) -> float | None:
    return None if value is None else value / DAY


def duration_percentiles(queryset, duration: str, group: str | None = None) -> dict:
    """{group value: (n, median days, p80 days)} of `duration` over `queryset`."""
    if connection.vendor == "postgresql":
        aggregates = {
            "n": Count("pk"),
            "median": Percentile(duration, 0.5),
            "p80": Percentile(duration, 0.8),
        }
        if group is None:
            row = queryset.aggregate(**aggregates)
            rows = [{**row, "group": None}] if row["n"] else []
        else:
            rows = queryset.values(group).annotate(**aggregates).order_by()
            rows = [{**row, "group": row[group]} for row in rows]
        return {row["group"]: (row["n"], _days(row["median"]), _days(row["p80"])) for row in rows}
    grouped: dict = {}
    fields = [duration] if group is None else [group, duration]
    for row in queryset.values_list(*fields).order_by():
        key, value = (None, row[0]) if group is None else row
        if value is not None:
            grouped.setdefault(key, []).append(value)
    return {
        key: (
            len(values),
            _days(percentile_cont(values, 0.5)),
            _days(percentile_cont(values, 0.8)),
        )
        for key, values in grouped.items()
    }
