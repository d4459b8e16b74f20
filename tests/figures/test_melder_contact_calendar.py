"""The melder-contact figure counts the norm in each case's lead organisation's calendar
(docs/adr/0029): an extra day off of the lead moves the deadline of its meldingen only."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from cases.figures.forms import Filters
from cases.figures.selectors import page_figures
from cases.notifications.services import add_extra_day_off
from tests.factories import UserFactory, add_note, add_report, make_case

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")


def at(*args):
    return datetime(*args, tzinfo=AMS)


def melder_rows(user):
    figures = page_figures(user, Filters(start=date(2026, 12, 1), end=date(2027, 1, 15)))
    contact = next(figure for figure in figures if figure.key == "meldercontact")
    return {str(row[0]): row[1].text for row in contact.rows}


@pytest.mark.parametrize(("brugdag", "within", "late"), [(False, "0", "1"), (True, "1", "0")])
def test_an_extra_day_off_of_the_lead_moves_the_norm(consulent, corporatie, brugdag, within, late):
    with time_machine.travel(at(2026, 12, 1, 10, 0), tick=False):
        case = make_case(consulent)
        if brugdag:
            add_extra_day_off(
                actor=UserFactory(organisation=corporatie, role="Functioneel beheerder"),
                organisation_id=corporatie.pk,
                day=date(2026, 12, 28),
                description="Brugdag",
            )
    # Received Thursday 24 December; contact on Wednesday 30 December. The common calendar's
    # two working days end on Tuesday 29 (late); with the brugdag on the 28th, on the 30th.
    add_report(
        consulent, case, received_at=at(2026, 12, 24, 9, 0), new_melder={"last_name": "Jansen"}
    )
    add_note(consulent, case, occurred_on=date(2026, 12, 30), melder_contact=True)
    with time_machine.travel(at(2027, 1, 15, 12, 0), tick=False):
        rows = melder_rows(consulent)
    assert (rows["binnen de norm"], rows["na de norm"]) == (within, late)
