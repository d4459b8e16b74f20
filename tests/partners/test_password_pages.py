"""Forgetting and changing a password: Dutch pages of the application, no reset e-mails."""

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def test_the_login_page_leads_a_forgotten_password_to_the_beheerder(client, consulent):
    login_page = client.get(reverse("login")).content.decode()
    assert f'href="{reverse("password_reset")}"' in login_page
    page = client.get(reverse("password_reset"))
    assert page.status_code == 200
    content = page.content.decode()
    assert "Wachtwoord vergeten" in content and "beheerder van uw organisatie" in content
    assert "Django" not in content  # the application's page, not the admin's


def test_no_reset_link_is_mailed_whatever_is_posted(client, consulent):
    response = client.post(reverse("password_reset"), {"email": consulent.email})
    assert response.status_code == 405
    assert mail.outbox == []
    assert client.get(reverse("password_reset_done")).status_code == 302


def test_a_user_changes_the_password_and_a_wrong_old_one_changes_nothing(client_for, consulent):
    client = client_for(consulent)
    account = client.get(reverse("account:sessions")).content.decode()
    assert f'href="{reverse("password_change")}"' in account
    form = client.get(reverse("password_change"))
    assert form.status_code == 200 and "Django" not in form.content.decode()
    new = "een-ander-lang-wachtwoord-7"
    wrong = client.post(
        reverse("password_change"),
        {"old_password": "fout", "new_password1": new, "new_password2": new},
    )
    assert wrong.status_code == 200
    assert "Uw oude wachtwoord is niet juist ingevoerd" in wrong.content.decode()
    consulent.refresh_from_db()
    assert consulent.check_password(PASSWORD)
    done = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
        follow=True,
    )
    assert done.status_code == 200
    assert "Uw wachtwoord is gewijzigd" in done.content.decode()
    consulent.refresh_from_db()
    assert consulent.check_password(new)
