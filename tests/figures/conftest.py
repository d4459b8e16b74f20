"""A small hand-built region whose figures are known (see `region`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone

from cases import services
from cases.calendars.working_days import add_working_days
from cases.models import ActionItem, Event
from cases.models.choices import AccessLevel, NoteKind
from tests.factories import (
    UserFactory,
    access_for,
    add_note,
    add_report,
    make_case,
    set_case_state,
    share,
)


def at(day, hour=10):
    return timezone.make_aware(datetime.combine(day, time(hour)))


@dataclass
class Region:
    today: object
    consulent: object  # Medewerker at corporatie A
    other: object  # Medewerker at corporatie B
    coordinator: object  # Coordinator at the gemeente (regional view)
    cases: dict


def _event(case, days_ago, today, kind, **data):
    return Event.objects.create(
        case=case, kind=kind, occurred_at=at(today - timedelta(days=days_ago)), data=data
    )


def _result(code: str):
    from cases.models import CaseResult

    return CaseResult.objects.get(code=code)


@pytest.fixture
def region(db, consulent, other_org_user, partner_org):
    """Six cases. Corporatie A (the consulent) leads A1, A3, A7; corporatie B leads B4 (not
    shared), B5 (shared with A at `bestaan`) and B6 (shared with A at `proces`).

    - A1: opened 300 days ago, closed 250 days ago "Overlast gestopt", 1234 AB 12, Noord;
      stage periods: Melding 4 days.
    - A7: opened 200 days ago on the same address (recurrence within 6 months), open;
      Melding 10 days, Triage 20, Vrijwillig kader 50, then drang (50 days voluntary).
      A melding 100 days ago whose melder was never contacted.
    - A3: opened 50 days ago, closed 10 days ago "ontbonden", 1234 AB 14, Zuid; a melding
      50 days ago with contact one working day later; an overdue actiepunt of A.
    - B4: opened 30 days ago, Noord, a melding, an overdue actiepunt of B; invisible to A.
    """
    today = timezone.localdate()
    day = lambda n: today - timedelta(days=n)  # noqa: E731
    a, b = consulent, other_org_user
    coordinator = UserFactory(username="regisseur", organisation=partner_org, role="Coordinator")
    cases = {
        "A1": make_case(a, opened_on=day(300), house_number="12", wijk="Noord"),
        "A7": make_case(a, opened_on=day(200), house_number="12", wijk="Noord"),
        "A3": make_case(a, opened_on=day(50), house_number="14", wijk="Zuid"),
        "B4": make_case(b, opened_on=day(30), postcode="5678 CD", wijk="Noord"),
        "B5": make_case(b, opened_on=day(20), postcode="5678 CD", house_number="3"),
        "B6": make_case(b, opened_on=day(40), postcode="5678 CD", house_number="4", wijk="Oost"),
    }
    share(cases["B5"], a.organisation, AccessLevel.BESTAAN, b)
    share(cases["B6"], a.organisation, AccessLevel.PROCES, b)
    set_case_state(cases["A1"], a, closed_on=day(250), closing_result=_result("overlast-gestopt"))
    set_case_state(cases["A3"], a, closed_on=day(10), closing_result=_result("huur-ontbonden"))

    changed = Event.Kind.STAGE_CHANGED
    _event(cases["A1"], 300, today, Event.Kind.CASE_OPENED)
    _event(cases["A1"], 296, today, changed, **{"from": "Melding en registratie", "kader": ""})
    _event(cases["A7"], 200, today, Event.Kind.CASE_OPENED)
    _event(cases["A7"], 190, today, changed, **{"from": "Melding en registratie", "kader": ""})
    _event(cases["A7"], 170, today, changed, **{"from": "Triage", "kader": "vrijwillig"})
    _event(cases["A7"], 120, today, changed, **{"from": "Vrijwillig kader", "kader": "drang"})

    melder = {"first_name": "Mila", "last_name": "Melder"}
    add_report(a, cases["A7"], received_at=at(day(100)), new_melder=melder)
    add_report(a, cases["A3"], received_at=at(day(50)), new_melder=melder)
    add_note(
        a,
        cases["A3"],
        kind=NoteKind.TELEFONISCH,
        occurred_on=add_working_days(day(50), 1),
        melder_contact=True,
    )
    add_report(b, cases["B4"], received_at=at(day(30)), new_melder=melder)

    for user, case in ((a, cases["A3"]), (b, cases["B4"])):
        services.add_action_item(
            actor=user,
            access=access_for(user, case),
            title="Huisbezoek afleggen",
            owner_organisation=user.organisation,
            due_on=day(5),
        )
    assert ActionItem.objects.count() == 2
    return Region(today, a, b, coordinator, cases)
