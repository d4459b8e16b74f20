"""The working calendar on the reminder settings page: the Beheerder of an organisation sees
its coming days off and adds and removes extra days; another organisation's calendar is not
there for them (404, logged)."""

import logging
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from cases.models import ExtraDayOff, ReminderSettings
from cases.notifications.calendars import calendar_of
from tests.factories import UserFactory

AMS = ZoneInfo("Europe/Amsterdam")
SETTINGS = reverse("instellingen:reminders")
ADD = reverse("instellingen:day_off_add")


@pytest.fixture(autouse=True)
def december_2026():
    with time_machine.travel(datetime(2026, 12, 1, 10, 0, tzinfo=AMS), tick=False):
        yield


@pytest.fixture
def admin_a(corporatie):
    return UserFactory(organisation=corporatie, role="Functioneel beheerder")


@pytest.fixture
def admin_b(other_org):
    return UserFactory(organisation=other_org, role="Functioneel beheerder")


def remove_url(day_off):
    return reverse("instellingen:day_off_remove", args=[day_off.pk])


@pytest.mark.django_db
def test_the_page_lists_the_coming_days_off_in_dutch(client_for, admin_a, corporatie):
    page = client_for(admin_a).get(SETTINGS).text
    assert "vrijdag 25 december 2026" in page and "Eerste Kerstdag" in page
    assert "maandag 29 maart 2027" in page and "Tweede Paasdag" in page
    assert "vrijdag 26 maart 2027" not in page  # Goede Vrijdag: not off by default
    assert "1 januari 2026" not in page  # gone already
    client_for(admin_a).post(
        SETTINGS,
        {
            "action_due_working_days": 2,
            "stage_long_overdue_factor": "2",
            "melder_contact_working_days": 2,
            "long_open_instrument_name": "Wvggz verkennend onderzoek",
            "long_open_days": 14,
            "good_friday_off": "on",
        },
    )
    assert calendar_of(corporatie.pk).good_friday_off
    page = client_for(admin_a).get(SETTINGS).text
    assert "vrijdag 26 maart 2027" in page and "Goede Vrijdag" in page


@pytest.mark.django_db
def test_add_a_day_then_a_duplicate_is_refused_with_the_input_kept(client_for, admin_a, corporatie):
    client = client_for(admin_a)
    response = client.post(ADD, {"day": "2026-12-28", "description": "Brugdag"})
    assert response.status_code == 302
    assert calendar_of(corporatie.pk).extra_days_off == {date(2026, 12, 28)}
    page = client.get(SETTINGS).text
    assert "maandag 28 december 2026" in page and "Brugdag" in page
    # The organisation has its own settings now, a copy of the default.
    assert ReminderSettings.objects.filter(organisation=corporatie).exists()

    again = client.post(ADD, {"day": "2026-12-28", "description": "Nog een brugdag"})
    assert again.status_code == 200
    assert "staat al als extra vrije dag" in again.text
    assert 'value="Nog een brugdag"' in again.text
    assert ExtraDayOff.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"day": "2026-02-31", "description": "Brugdag"}, "Vul een bestaande datum in"),
        ({"day": "morgen", "description": "Brugdag"}, "Vul een bestaande datum in"),
        ({"day": "2025-06-02", "description": "Brugdag"}, "meer dan een jaar in het verleden"),
        ({"day": "2026-12-26", "description": "Brugdag"}, "valt in het weekend"),
        ({"day": "2026-12-28", "description": ""}, "Dit veld is verplicht"),
    ],
)
def test_nonsense_changes_nothing(client_for, admin_a, data, message):
    response = client_for(admin_a).post(ADD, data)
    assert response.status_code == 200
    assert message in response.text
    assert not ExtraDayOff.objects.exists()


@pytest.mark.django_db
def test_removal_asks_first(client_for, admin_a, corporatie):
    client = client_for(admin_a)
    client.post(ADD, {"day": "2026-12-28", "description": "Brugdag"})
    day_off = ExtraDayOff.objects.get()
    question = client.get(remove_url(day_off))
    assert question.status_code == 200
    assert "maandag 28 december 2026 (Brugdag)" in question.text
    assert ExtraDayOff.objects.exists()
    assert client.post(remove_url(day_off)).status_code == 302
    assert not ExtraDayOff.objects.exists()
    assert calendar_of(corporatie.pk).extra_days_off == frozenset()


@pytest.mark.django_db
def test_another_organisations_calendar_is_not_there(
    client_for, admin_a, admin_b, corporatie, other_org, caplog
):
    client_for(admin_a).post(ADD, {"day": "2026-12-28", "description": "Alleen bij A"})
    day_off = ExtraDayOff.objects.get()
    client = client_for(admin_b)
    assert "Alleen bij A" not in client.get(SETTINGS).text
    with caplog.at_level(logging.WARNING, logger="woonoverlast.security"):
        assert client.get(remove_url(day_off)).status_code == 404
        assert client.post(remove_url(day_off)).status_code == 404
    assert "extra vrije dag" in caplog.text
    assert ExtraDayOff.objects.filter(pk=day_off.pk).exists()
    # B's own day stays B's: A's calendar does not get it.
    client.post(ADD, {"day": "2026-12-29", "description": "Bij B"})
    assert calendar_of(corporatie.pk).extra_days_off == {date(2026, 12, 28)}
    assert calendar_of(other_org.pk).extra_days_off == {date(2026, 12, 29)}


@pytest.mark.django_db
def test_a_colleague_without_the_permission_gets_403(client_for, consulent, admin_a):
    client_for(admin_a).post(ADD, {"day": "2026-12-28", "description": "Brugdag"})
    day_off = ExtraDayOff.objects.get()
    client = client_for(consulent)
    assert client.post(ADD, {"day": "2026-12-29", "description": "Brugdag"}).status_code == 403
    assert client.post(remove_url(day_off)).status_code == 403
    assert ExtraDayOff.objects.count() == 1
