"""Every figure of the page, over the cases the reader may count (see `scope`)."""

from __future__ import annotations

from ..figure import Figure
from ..registry import contributions
from .outcome import hot_spots, overdue_actions, recurrence, results, wvggz_term
from .process import flow, lead_times, melder_contact, solved, stages_now
from .scope import (
    RESULT_LABELS,
    Scope,
    WijkChoices,
    ended_well_q,
    result_q,
    scope,
    wijk_choices,
)
from .tally import case_tally


def page_figures(user, filters, wijken: WijkChoices | None = None) -> list[Figure]:
    """The figures in page order, protected for the view (regional: small numbers hidden).
    `wijken`, the filter's options, get the wijken the tally found, if it found them."""
    cases = scope(user, filters)
    tally = case_tally(cases, filters)  # one pass for every figure that counts cases
    if wijken is not None and tally.wijken is not None:
        wijken.offer(tally.wijken, regional=filters.regional)
    figures = [
        flow(tally),
        *stages_now(tally),
        melder_contact(cases, filters),
        solved(tally, filters),
        lead_times(cases, filters),
        *hot_spots(cases, filters),
        recurrence(cases, filters),
        overdue_actions(cases),
        wvggz_term(cases, filters),
        *results(cases, filters, tally),
        *contributions(user, filters),
    ]
    return [figure.protect(filters.regional) for figure in figures]


__all__ = [
    "RESULT_LABELS",
    "Scope",
    "WijkChoices",
    "ended_well_q",
    "page_figures",
    "result_q",
    "scope",
    "wijk_choices",
]
