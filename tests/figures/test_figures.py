"""Each figure on the hand-built region of conftest.py, whose right answers are known."""

from datetime import timedelta

import pytest

from cases.figures.figure import Days, Number, Share
from cases.figures.forms import Filters, months_back
from cases.figures.selectors import page_figures
from cases.figures.stats import percentile_cont

pytestmark = pytest.mark.django_db


def figures_for(user, region, **filters):
    defaults = {"start": months_back(region.today, 11), "end": region.today}
    return {figure.key: figure for figure in page_figures(user, Filters(**defaults, **filters))}


def column(figure, index):
    return [row[index] for row in figure.rows]


def table(figure):
    return {str(row[0]): [value.text for value in row[1:]] for row in figure.rows}


def test_flow_counts_only_cases_the_organisation_sees_the_process_of(region):
    flow = figures_for(region.consulent, region)["instroom"]
    # A1, A7, A3 and B6 (proces); not B4 (not shared) nor B5 (bestaan).
    assert sum(value.value for value in column(flow, 1)) == 4
    assert sum(value.value for value in column(flow, 2)) == 2  # A1 and A3 closed
    assert flow.rows[-1][3].value == 2  # open at the end: A7 and B6
    assert flow.rows[0][0]  # a month label


def test_stages_and_kader_now(region):
    figures = figures_for(region.consulent, region)
    assert table(figures["fasen"]) == {"Melding en registratie": ["2"]}
    assert sum(value.value for value in column(figures["kader"], 1)) == 2


def test_melder_contact_against_the_norm(region):
    contact = figures_for(region.consulent, region)["meldercontact"]
    rows = table(contact)
    assert rows["binnen de norm"] == ["1", "50%"]
    assert rows["nog geen contact, norm verstreken"] == ["1", "50%"]
    assert rows["na de norm"] == ["0", "0%"]


def test_solved_within_three_months(region):
    solved = figures_for(region.consulent, region)["opgelost"]
    # Opened at least 91 days ago in the period: A1 (closed after 50 days) and A7 (open).
    ((_label, total, within, share),) = solved.rows
    assert (total.value, within.value, share.text) == (2, 1, "50%")


def test_lead_time_per_stage_median_and_p80(region):
    lead = figures_for(region.consulent, region)["doorlooptijd"]
    rows = {row[0]: row[1:] for row in lead.rows}
    count, median, p80 = rows["Melding en registratie"]
    assert (count.value, median.days, p80.days) == (2, 7.0, pytest.approx(8.8))
    assert rows["Triage"][1].days == 20
    assert rows["Vrijwillig kader"][1].days == 50
    assert rows["Vrijwillig kader tot opschaling"][1].days == 50


def test_meldingen_per_wijk_and_address_over_fully_seen_cases_only(region):
    figures = figures_for(region.consulent, region)
    assert table(figures["wijken"]) == {"Noord": ["1"], "Zuid": ["1"]}  # not B4's melding
    assert "adressen" in figures


def test_recurrence_on_the_same_address(region):
    recurrence = figures_for(region.consulent, region)["recidive"]
    six, twelve = recurrence.rows
    assert (six[1].value, six[2].value, six[3].text) == (1, 1, "100%")
    assert twelve[1].value == 0  # nothing closed a year before the period


@pytest.mark.parametrize("which", ["A7", "A1"])
def test_recurrence_follows_a_case_that_moved(region, which):
    """A1 closed at 1234 AB 12, A7 opened there later. Whichever of the two moved away since,
    the address is still one of its addresses (an earlier one), so it still counts."""
    from cases import services
    from tests.factories import access_for

    user = region.consulent
    services.move_case_address(
        actor=user,
        access=access_for(user, region.cases[which]),
        street="Nieuwe Gracht",
        house_number="3",
        postcode="3512 LT",
        city="Utrecht",
        moved_on=region.today - timedelta(days=5),
    )
    six, _twelve = figures_for(user, region)["recidive"].rows
    assert (six[1].value, six[2].value) == (1, 1)


def test_overdue_actions_per_partner(region):
    figures = figures_for(region.consulent, region)
    assert table(figures["actiepunten"]) == {region.consulent.organisation.name: ["1", "1"]}


def test_results_and_instruments(region):
    figures = figures_for(region.consulent, region)
    assert table(figures["resultaten"]) == {
        "Overlast beëindigd": ["1"],
        "Ontbonden, ontruimd, niet vastgesteld of overig": ["1"],
        "Zonder resultaat": ["0"],
    }
    assert figures["instrumenten"].rows == []


def test_filters_narrow_the_cases(region):
    flow = figures_for(region.consulent, region, wijk="Zuid")["instroom"]
    assert sum(value.value for value in column(flow, 1)) == 1
    results = figures_for(region.consulent, region, result="goed")["resultaten"]
    assert table(results)["Overlast beëindigd"] == ["1"]
    assert table(results)["Ontbonden, ontruimd, niet vastgesteld of overig"] == ["0"]


def test_another_corporatie_counts_none_of_the_consulents_cases(region):
    flow = figures_for(region.other, region)["instroom"]
    assert sum(value.value for value in column(flow, 1)) == 3  # B4, B5, B6 only


def test_regional_view_counts_every_case_with_small_numbers_suppressed(region):
    figures = figures_for(region.coordinator, region, regional=True)
    flow = figures["instroom"]
    assert sum(value.value for value in column(flow, 1)) == 6  # every case of the region
    texts = {value.text for row in flow.rows for value in row[1:]}
    assert texts <= {"0", "<5", "5"}
    assert all(value.shown is None for value in column(flow, 1) if 0 < value.value < 5)
    assert "adressen" not in figures  # no address in the regional view
    assert table(figures["actiepunten"]) == {
        region.consulent.organisation.name: ["<5", "<5"],
        region.other.organisation.name: ["<5", "<5"],
    }
    assert figures["doorlooptijd"].rows[0][2].text == "niet getoond"  # median over 2


def test_regional_view_is_empty_without_its_permission(region):
    flow = figures_for(region.consulent, region, regional=True)["instroom"]
    assert sum(value.value for value in column(flow, 1)) == 0


@pytest.mark.parametrize(
    ("value", "text", "shown"),
    [(0, "0", 0), (1, "<5", None), (4, "<5", None), (5, "5", 5), (7, "5", 5), (8, "10", 10)],
)
def test_regional_counts_are_suppressed_below_five_and_rounded_to_fives(value, text, shown):
    number = Number(value)
    number.protect(regional=True)
    assert (number.text, number.shown) == (text, shown)
    number.protect(regional=False)
    assert number.text == str(value)


def test_regional_shares_and_durations_need_enough_cases():
    share = Share(3, 20)  # part below five: the share would tell it
    share.protect(regional=True)
    assert share.shown is None
    share = Share(9, 20)
    share.protect(regional=True)
    assert share.text == "45%"
    days = Days(12.0, 9)
    days.protect(regional=True)
    assert days.shown is None
    days = Days(12.04, 10)
    days.protect(regional=True)
    assert days.text == "12,0 dagen"


def test_percentile_fallback_matches_postgresql():
    values = [timedelta(days=4), timedelta(days=10)]
    assert percentile_cont(values, 0.8) == timedelta(days=8.8)
    assert percentile_cont([timedelta(days=3)], 0.5) == timedelta(days=3)
    assert percentile_cont([], 0.5) is None


def test_wvggz_legal_term_by_when_the_timeline_says_it_was_finished(region):
    """Four verkennende onderzoeken on cases A sees at proces or more, one on B4 (invisible):
    finished on day 3 (within 14 days), finished on day 30 (late), open since 60 days
    (overdue), open since 2 days (running)."""
    import time_machine

    from cases import services
    from cases.models import Measure
    from partners.models import Instrument
    from tests.factories import access_for
    from tests.figures.conftest import at

    wvggz = Instrument.objects.get(name__icontains="verkennend onderzoek")
    day = lambda n: region.today - timedelta(days=n)  # noqa: E731

    def start(user, case, days_ago, finished_after=None):
        measure = services.add_measure(
            actor=user,
            access=access_for(user, case),
            instrument=wvggz,
            owner_organisation=user.organisation,
            start_date=day(days_ago),
            status=Measure.Status.RUNNING,
        )
        if finished_after is not None:
            with time_machine.travel(at(day(days_ago - finished_after)), tick=False):
                services.update_measure(
                    actor=user,
                    access=access_for(user, case),
                    measure=measure,
                    status=Measure.Status.DONE,
                    outcome="Onderzoek afgerond.",
                )

    a, b = region.consulent, region.other
    start(a, region.cases["A7"], 100, finished_after=3)
    start(a, region.cases["A3"], 40, finished_after=30)
    start(b, region.cases["B6"], 60)
    start(a, region.cases["A7"], 2)
    start(b, region.cases["B4"], 50, finished_after=1)  # not shared with A

    assert table(figures_for(a, region)["wvggz"]) == {
        "afgerond binnen de termijn": ["1", "33%"],
        "afgerond na de termijn": ["1", "33%"],
        "niet afgerond, termijn verstreken": ["1", "33%"],
        "loopt nog, binnen de termijn": ["1", "–"],
    }
