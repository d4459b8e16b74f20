import pytest
from django.core.management import call_command

from meetings.models import AgendaRequest, Meeting, Series

pytestmark = pytest.mark.django_db


def test_seed_demo_adds_a_series_an_upcoming_meeting_and_requests_once():
    call_command("seed_demo", password="demo-wachtwoord-lang-genoeg", stdout=None)
    call_command("seed_demo", password="demo-wachtwoord-lang-genoeg", stdout=None)
    series = Series.objects.get()
    assert series.participants.count() == 6
    assert Meeting.objects.filter(series=series).count() == 1
    requests = AgendaRequest.objects.all()
    assert requests.count() == 3
    # Requested cases are all ones the coordinating gemeente may see.
    for request in requests:
        assert request.case.participations.filter(organisation=series.organisation).exists()
