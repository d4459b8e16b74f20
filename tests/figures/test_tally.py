"""The one grouped pass over the cases (cases/figures/selectors/tally.py) gives the numbers
that one count per figure and month gives, on the hand-built region plus cases at the
edges of a period: opened before it, closed before it, closed after it, closed in the month
they were opened, open in other stages."""

from dataclasses import replace
from datetime import timedelta

import pytest

from cases.figures.forms import Filters, months_back
from cases.figures.selectors import scope
from cases.figures.selectors.scope import RESULT_LABELS, result_q
from cases.figures.selectors.tally import (
    SOLVED_WITHIN,
    case_tally,
    months_of,
    solved_cohort_end,
)
from cases.models import Stage
from tests.factories import make_case, set_case_state
from tests.figures.conftest import _result

pytestmark = pytest.mark.django_db


def one_count_each(cases, filters) -> dict:
    """The tally's numbers the slow way: one COUNT per month, figure, stage and result."""
    months = months_of(filters.start, filters.end)
    opened = [cases.filter(opened_on__range=month).count() for month in months]
    closed = [cases.filter(closed_on__range=month).count() for month in months]
    stock = [
        cases.filter(opened_on__lte=last).exclude(closed_on__lte=last).count()
        for _first, last in months
    ]
    open_cases = cases.filter(closed_on__isnull=True)
    stages = {
        (stage.name, stage.kader): open_cases.filter(
            stage__name=stage.name, stage__kader=stage.kader
        ).count()
        for stage in Stage.objects.all()
    }
    cohort = cases.filter(opened_on__gte=filters.start, opened_on__lte=solved_cohort_end(filters))
    solved = sum(
        1 for case in cohort if case.closed_on and case.closed_on <= case.opened_on + SOLVED_WITHIN
    )
    in_period = cases.filter(closed_on__range=(filters.start, filters.end))
    return {
        "opened": opened,
        "closed": closed,
        "stock": stock,
        "stages": {key: n for key, n in stages.items() if n},
        "cohort": cohort.count(),
        "solved": solved,
        "results": {key: in_period.filter(result_q(key)).count() for key in RESULT_LABELS},
    }


def tallied(cases_scope, filters) -> dict:
    tally = case_tally(cases_scope, filters)
    return {
        "opened": tally.opened,
        "closed": tally.closed,
        "stock": tally.stock,
        "stages": {(stage.name, stage.kader): stage.open for stage in tally.stages},
        "cohort": tally.cohort,
        "solved": tally.solved,
        "results": tally.results,
    }


@pytest.fixture
def edges(region):
    a = region.consulent
    day = lambda n: region.today - timedelta(days=n)  # noqa: E731
    stages = list(Stage.objects.filter(workflow=region.cases["A1"].workflow).order_by("order"))
    old = make_case(a, opened_on=day(700), wijk="Zuid")  # opened long before, still open
    set_case_state(old, a, stage=stages[2])
    gone = make_case(a, opened_on=day(650), wijk="Zuid")  # opened and closed before
    set_case_state(gone, a, closed_on=day(600), closing_result=_result("verhuisd"))
    late = make_case(a, opened_on=day(400))  # opened before, closed in the period
    set_case_state(late, a, closed_on=day(120), stage=stages[1])
    quick = make_case(a, opened_on=day(95), wijk="Zuid")  # closed within its own month
    set_case_state(quick, a, closed_on=day(95))
    recent = make_case(a, opened_on=day(3))
    set_case_state(recent, a, stage=stages[3])
    return region


@pytest.mark.parametrize(
    "period",
    [
        "default",  # the last twelve months, up to today
        "past",  # ending 100 days ago, starting on any day: closures after its end
        "short",  # one month
    ],
)
@pytest.mark.parametrize("narrowed", [{}, {"wijk": "Zuid"}, {"result": "goed"}])
def test_the_grouped_pass_counts_what_one_count_each_counts(edges, period, narrowed):
    today = edges.today
    start, end = {
        "default": (months_back(today, 11), today),
        "past": (today - timedelta(days=500), today - timedelta(days=100)),
        "short": (months_back(today, 0), today),
    }[period]
    for user, regional in ((edges.consulent, False), (edges.coordinator, True)):
        filters = Filters(start=start, end=end, regional=regional, **narrowed)
        cases_scope = scope(user, filters)
        expected = one_count_each(cases_scope.cases, filters)
        assert tallied(cases_scope, filters) == expected
        if not narrowed and period == "past":
            # The edges are all in it: closures after the end, openings before the start.
            assert sum(expected["stock"]) > 0 and expected["closed"] != expected["opened"]


def test_the_grouped_pass_counts_nothing_the_door_hides(edges):
    """B4 (not shared) and B5 (bestaan) are in no group of the consulent's tally."""
    filters = Filters(start=months_back(edges.today, 11), end=edges.today)
    regional = replace(filters, regional=True)
    mine = case_tally(scope(edges.consulent, filters), filters)
    everything = case_tally(scope(edges.coordinator, regional), regional)
    assert sum(mine.opened) == 6  # A1, A7, A3, B6, the quick and the recent case
    assert sum(everything.opened) - sum(mine.opened) == 2  # B4 and B5
