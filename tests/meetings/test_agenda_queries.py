"""An agenda or verslag costs the same number of queries whatever its number of items.

Each item brings what a document shows of it (progress events, open actiepunten,
betrokkenen, decisions, the actiepunten of the meeting) and earlier meetings carry their
open actiepunten along; all of that is fetched for the whole agenda at once. Counted on the
HTML (the PDF layout after it runs no queries), for 5 and then 20 items.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cases import services as case_services
from cases.models.choices import AccessLevel, PersonRole
from meetings import pdf, services
from meetings.models import Meeting, MeetingDocument
from partners.models import Organisation, User
from tests.factories import access_for, add_note, add_person, make_case, share

from .conftest import request_and_accept

pytestmark = pytest.mark.django_db(transaction=False)


def _add_items(overleg, first: int, count: int) -> None:
    for number in range(first, first + count):
        case = make_case(overleg.consulent, street=f"Telstraat {number}", house_number="1")
        add_person(
            overleg.consulent, case, PersonRole.VEROORZAKER, first_name="Tel", last_name=f"{number}"
        )
        share(case, overleg.gemeente, AccessLevel.VOLLEDIG, overleg.consulent)
        share(case, overleg.politie, AccessLevel.PROCES, overleg.consulent)
        add_note(overleg.consulent, case)
        case_services.add_action_item(
            actor=overleg.consulent,
            access=access_for(overleg.consulent, case),
            title=f"Huisbezoek {number}",
            owner_organisation=overleg.corporatie,
            owner=overleg.consulent,
            due_on=timezone.localdate() + timedelta(days=7),
        )
        item = request_and_accept(overleg, case)
        services.record_item_decision(
            actor=overleg.coordinator, item=item, kind="voortzetten", text=f"Besluit {number}"
        )
        services.add_item_action(
            actor=overleg.coordinator,
            item=item,
            title=f"Gesprek {number}",
            owner_organisation=overleg.gemeente,
            owner=overleg.coordinator,
            due_on=timezone.localdate() + timedelta(days=10),
        )


def _counts(overleg) -> dict[str, tuple[int, int]]:
    """{document: (queries, cases shown)} for the documents of the meeting and the next one.

    Each document starts from rows fresh from the database, as the Celery task does, so no
    count profits from what an earlier one left cached on a shared instance."""
    agenda, minutes = MeetingDocument.Kind.AGENDA, MeetingDocument.Kind.MINUTES
    made = [
        ("voorzitter", overleg.meeting, None, agenda),
        ("politie", overleg.meeting, overleg.politie, agenda),
        ("verslag", overleg.meeting, overleg.ggd, minutes),
        # The next meeting carries the open actiepunten of this one along.
        ("volgende", overleg.next_meeting, overleg.politie, agenda),
    ]
    counts = {}
    for name, meeting, organisation, kind in made:
        document = MeetingDocument(
            meeting=Meeting.objects.get(pk=meeting.pk),
            organisation=organisation and Organisation.objects.get(pk=organisation.pk),
            kind=kind,
            requested_by=User.objects.get(pk=overleg.coordinator.pk),
        )
        with CaptureQueriesContext(connection) as queries:
            _html, sources = pdf.render_html(document)
        counts[name] = (len(queries), len(sources))
    return counts


def test_queries_per_document_do_not_grow_with_the_items(overleg):
    _add_items(overleg, 0, 5)
    five = _counts(overleg)
    _add_items(overleg, 5, 15)
    twenty = _counts(overleg)

    # The documents really grew: the chair and the politie see every item, the next
    # meeting's agenda carries the actiepunten of all of them.
    assert five["voorzitter"][1] == 5
    assert twenty["voorzitter"][1] == 20
    assert twenty["politie"][1] == 20
    assert twenty["volgende"][1] == 20
    assert {name: queries for name, (queries, _shown) in twenty.items()} == {
        name: queries for name, (queries, _shown) in five.items()
    }
