"""django-axes: repeated wrong passwords lock the username, with a Dutch page; an admin unlocks."""

from datetime import timedelta

import pytest
import time_machine
from axes.models import AccessAttempt
from django.core.management import call_command
from django.utils import timezone

from tests.factories import PASSWORD

LOGIN = "/account/login/"


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.AXES_COOLOFF_TIME = timedelta(minutes=30)


def attempt(client, username, password):
    return client.post(LOGIN, {"username": username, "password": password})


def fail(client, user, times):
    for _ in range(times):
        response = attempt(client, user.username, "fout-wachtwoord-123")
    return response


def test_wrong_passwords_below_the_limit_only_show_the_login_error(client, consulent):
    response = fail(client, consulent, 2)
    assert response.status_code == 200
    assert "onjuist" in response.content.decode()
    assert attempt(client, consulent.username, PASSWORD).status_code == 302


def test_at_the_limit_the_username_is_locked_with_a_dutch_page(client, consulent):
    response = fail(client, consulent, 3)
    assert response.status_code == 429
    page = response.content.decode()
    assert "Account tijdelijk geblokkeerd" in page
    assert "3 keer" in page
    assert "over 30 minuten opnieuw" in page
    assert "functioneel beheerder" in page
    # Even the right password does not get in now.
    locked = attempt(client, consulent.username, PASSWORD)
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lock_is_per_username_not_per_address(client, consulent, colleague):
    fail(client, consulent, 3)
    assert attempt(client, colleague.username, PASSWORD).status_code == 302


def test_the_lock_ends_after_the_cooloff(client, consulent):
    fail(client, consulent, 3)
    with time_machine.travel(timezone.now() + timedelta(minutes=31)):
        assert attempt(client, consulent.username, PASSWORD).status_code == 302


def test_an_administrator_unlocks_with_axes_reset_username(client, consulent):
    fail(client, consulent, 3)
    assert AccessAttempt.objects.filter(username=consulent.username).exists()
    call_command("axes_reset_username", consulent.username)
    assert attempt(client, consulent.username, PASSWORD).status_code == 302


def test_an_administrator_unlocks_in_the_admin(client, consulent, admin_user):
    fail(client, consulent, 3)
    admin = client.__class__()
    admin.force_login(admin_user, backend="partners.backends.UserBackend")
    attempt_row = AccessAttempt.objects.get(username=consulent.username)
    listing = admin.get("/admin/axes/accessattempt/")
    assert listing.status_code == 200
    assert consulent.username in listing.content.decode()
    response = admin.post(f"/admin/axes/accessattempt/{attempt_row.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert attempt(client, consulent.username, PASSWORD).status_code == 302
