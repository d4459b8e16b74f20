"""Retention wipes the free text of the casusoverleg too, history rows included (issue 12).

`AgendaItem.not_informed_reason` and `AgendaRequest.decision_note` are short fields, so
they were not taken for free text and kept names and health information after anonymisation.
"""

from datetime import date

import pytest

from cases.models import RetentionCategory, RetentionRule
from cases.retention import services as retention
from meetings import services
from meetings.models import AgendaItem, AgendaRequest
from tests.factories import access_for, set_case_state
from tests.retention.test_retention import rows_mentioning

from .conftest import request_and_accept

pytestmark = pytest.mark.django_db

REASON = "Vera Veroorzaakster ligt in de kliniek Zonnehoeve"
NOTE = "Olaf Overlastig heeft een psychose (Zonnedal)"


def test_anonymising_a_case_clears_meeting_reasons_and_notes(overleg, settings):
    settings.RETENTION_DEFAULT_MONTHS = 600
    item = request_and_accept(overleg, overleg.case_all)
    services.record_outcome(
        actor=overleg.coordinator,
        item=item,
        minutes="",
        agreements="",
        next_review_on=None,
        betrokkene_informed=False,
        not_informed_reason=REASON,
    )
    request = services.request_discussion(
        actor=overleg.consulent,
        access=access_for(overleg.consulent, overleg.case_police),
        series=overleg.series,
        question="Wat doen we?",
    )
    services.decline_request(actor=overleg.coordinator, request=request, note=NOTE)
    assert rows_mentioning("Zonnehoeve") and rows_mentioning("Zonnedal")

    for case in (overleg.case_all, overleg.case_police):
        set_case_state(case, overleg.consulent, closed_on=date(2024, 1, 15))
    RetentionRule.objects.create(
        organisation=overleg.corporatie,
        category=RetentionCategory.FREE_TEXT,
        months_after_closure=6,
    )
    assert retention.run_retention_sweep(today=date(2024, 7, 15)) == 2

    assert rows_mentioning("Zonnehoeve") == []  # AgendaItem and its history rows
    assert rows_mentioning("Zonnedal") == []  # AgendaRequest and its history rows
    assert AgendaItem.objects.get(pk=item.pk).betrokkene_informed is False  # the fact stays
    assert AgendaRequest.objects.get(pk=request.pk).status == AgendaRequest.Status.DECLINED


# Every text field of every case-linked model is classified in tests/retention/test_anonymise.py.
