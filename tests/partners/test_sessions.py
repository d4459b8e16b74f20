"""Sessions: idle timeout, absolute lifetime, ending one's other sessions, deactivation."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from partners.models import UserSession
from partners.tasks import clear_expired_sessions
from tests.factories import PASSWORD

CASES = "/zaken/"


def logged_in(user, browser="Firefox/140.0"):
    """A separate browser, logged in with the password form (as a person would)."""
    client = Client(HTTP_USER_AGENT=f"Mozilla/5.0 {browser}")
    response = client.post(reverse("login"), {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    return client


def is_logged_in(client):
    return client.get(CASES).status_code == 200


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.SESSION_IDLE_TIMEOUT = 30 * 60
    settings.SESSION_ABSOLUTE_LIFETIME = 10 * 60 * 60


def test_login_records_the_session_and_logout_forgets_it(consulent):
    client = logged_in(consulent, "Chrome/141.0")
    row = UserSession.objects.get(user=consulent)
    assert row.session_key == client.session.session_key
    assert "Chrome/141.0" in row.user_agent
    client.post(reverse("logout"))
    assert not UserSession.objects.exists()


def test_idle_timeout_logs_out_with_a_message(consulent):
    client = logged_in(consulent)
    assert is_logged_in(client)
    with time_machine.travel(timezone.now() + timedelta(minutes=31)):
        response = client.get(CASES)
        assert response.status_code == 302
        assert response["Location"] == f"{reverse('login')}?next=%2Fzaken%2F"
        page = client.get(response["Location"]).content.decode()
        assert "automatisch uitgelogd" in page
        assert not is_logged_in(client)
    assert not UserSession.objects.exists()


def test_activity_keeps_the_session_alive(consulent):
    client = logged_in(consulent)
    start = timezone.now()
    for minutes in (20, 40, 60, 80):
        with time_machine.travel(start + timedelta(minutes=minutes)):
            assert is_logged_in(client), f"logged out after {minutes} active minutes"
    assert UserSession.objects.get().last_seen >= start + timedelta(minutes=80)


def test_absolute_lifetime_ends_even_an_active_session(consulent):
    client = logged_in(consulent)
    start = timezone.now()
    for minutes in range(20, 10 * 60, 20):
        with time_machine.travel(start + timedelta(minutes=minutes)):
            assert is_logged_in(client)
    with time_machine.travel(start + timedelta(hours=10, minutes=1)):
        response = client.get(CASES)
        assert response.status_code == 302
        assert "maximale duur" in client.get(response["Location"]).content.decode()


def test_limits_come_from_settings(consulent, settings):
    settings.SESSION_IDLE_TIMEOUT = 5 * 60
    client = logged_in(consulent)
    with time_machine.travel(timezone.now() + timedelta(minutes=6)):
        assert not is_logged_in(client)


def test_deactivating_a_user_ends_all_their_sessions_at_once(consulent, colleague):
    laptop, phone = logged_in(consulent), logged_in(consulent, "Safari/605")
    other = logged_in(colleague)
    keys = [laptop.session.session_key, phone.session.session_key]
    consulent.is_active = False
    consulent.save()
    assert not Session.objects.filter(session_key__in=keys).exists()
    assert not UserSession.objects.filter(user=consulent).exists()
    assert not is_logged_in(laptop)
    assert not is_logged_in(phone)
    assert is_logged_in(other)


def test_the_account_page_lists_sessions_and_marks_this_one(consulent):
    laptop = logged_in(consulent, "Firefox/140.0")
    logged_in(consulent, "Safari/605")
    page = laptop.get(reverse("account:sessions")).content.decode()
    assert "Firefox/140.0" in page and "Safari/605" in page
    assert page.count("deze sessie") == 1
    assert page.count("Beëindigen") == 1


def test_a_user_ends_another_session_after_confirming(consulent):
    laptop, phone = logged_in(consulent), logged_in(consulent, "Safari/605")
    other = UserSession.objects.get(session_key=phone.session.session_key)
    url = reverse("account:session_end", args=[other.pk])
    confirm = laptop.get(url)
    assert confirm.status_code == 200
    assert is_logged_in(phone)
    response = laptop.post(url)
    assert response.status_code == 302
    assert not is_logged_in(phone)
    assert is_logged_in(laptop)


def test_end_all_other_sessions(consulent):
    laptop = logged_in(consulent)
    others = [logged_in(consulent, f"Browser/{n}") for n in range(3)]
    laptop.post(reverse("account:session_end_others"))
    assert [is_logged_in(c) for c in others] == [False, False, False]
    assert is_logged_in(laptop)
    assert UserSession.objects.filter(user=consulent).count() == 1


def test_nobody_ends_someone_elses_session_or_their_current_one_by_url(consulent, colleague):
    laptop = logged_in(consulent)
    theirs = logged_in(colleague)
    their_row = UserSession.objects.get(user=colleague)
    my_row = UserSession.objects.get(user=consulent)
    assert laptop.post(reverse("account:session_end", args=[their_row.pk])).status_code == 404
    assert laptop.post(reverse("account:session_end", args=[my_row.pk])).status_code == 404
    assert is_logged_in(theirs) and is_logged_in(laptop)


def test_the_sweep_forgets_records_past_the_lifetime(consulent):
    logged_in(consulent)
    with time_machine.travel(timezone.now() + timedelta(hours=11)):
        clear_expired_sessions()
    assert not UserSession.objects.exists()
    assert not Session.objects.exists()
