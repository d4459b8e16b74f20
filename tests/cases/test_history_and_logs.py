import pytest
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from cases.models import AccessLog, Event
from cases.models.choices import Visibility
from tests.factories import add_note, add_report, make_case

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the append-only trigger exists on PostgreSQL only (migration cases 0004)",
)


def test_history_rows_name_the_acting_user(consulent, colleague):
    case = make_case(consulent)
    report = add_report(colleague, case, description="Eerste melding.")
    note = add_note(colleague, case, text="Eerste notitie.", visibility=Visibility.PARTICIPANTS)

    assert case.history.filter(history_type="+").get().history_user == consulent
    for record in (report, note):
        history = record.history.get()
        assert history.history_type == "+"
        assert history.history_user == colleague
    assert report.history.get().description == "Eerste melding."
    assert note.history.get().text == "Eerste notitie."


def test_history_through_a_request_records_the_logged_in_user(client_for, consulent):
    case = make_case(consulent)
    client_for(consulent).post(
        reverse("cases:note_add", args=[case.reference]),
        {
            "kind": "brief",
            "occurred_on": "2025-01-02",
            "text": "Brief verstuurd.",
            "sensitivity": "",
            "visibility": "eigen",
        },
    )
    note = case.notes.get()
    assert note.history.get().history_user == consulent


def test_reading_a_case_is_logged(client_for, consulent):
    case = make_case(consulent)
    client_for(consulent).get(reverse("cases:detail", args=[case.reference]))
    log = AccessLog.objects.get(case_reference=case.reference)
    assert log.user == consulent
    assert log.username == "consulent"
    assert log.organisation_name == consulent.organisation.name
    assert log.action == AccessLog.Action.VIEW
    assert log.outcome == AccessLog.Outcome.ALLOWED
    assert log.case_id_ref == case.pk


@postgres_only
def test_events_cannot_be_updated_or_deleted(consulent):
    case = make_case(consulent)
    event = Event.objects.get(case=case)
    with pytest.raises(DatabaseError), transaction.atomic():
        Event.objects.filter(pk=event.pk).update(kind=Event.Kind.CASE_CHANGED)
    with pytest.raises(DatabaseError), transaction.atomic():
        event.data = {"tampered": True}
        event.save()
    with pytest.raises(DatabaseError), transaction.atomic():
        Event.objects.filter(pk=event.pk).delete()
    event.refresh_from_db()
    assert event.kind == Event.Kind.CASE_OPENED
    assert event.data != {"tampered": True}


@postgres_only
def test_access_log_cannot_be_updated_or_deleted(client_for, consulent):
    case = make_case(consulent)
    client_for(consulent).get(reverse("cases:detail", args=[case.reference]))
    log = AccessLog.objects.get(case_reference=case.reference)
    with pytest.raises(DatabaseError), transaction.atomic():
        AccessLog.objects.filter(pk=log.pk).update(outcome=AccessLog.Outcome.DENIED)
    with pytest.raises(DatabaseError), transaction.atomic():
        log.delete()
    with pytest.raises(DatabaseError), transaction.atomic():
        AccessLog.objects.all().delete()
    log.refresh_from_db()
    assert log.outcome == AccessLog.Outcome.ALLOWED
    # Appending still works.
    AccessLog.objects.create(username="x", action="view", outcome="allowed")
