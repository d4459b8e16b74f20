"""Issue 12, finding 1: the Django admin is for superusers; a Beheerder manages the users of
their own organisation in the app, and no one else's."""

import logging
import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from partners import selectors, services
from partners.models import User, UserSession
from partners.roles import ROLE_PERMISSIONS
from tests.factories import PASSWORD, OrganisationFactory, UserFactory
from woonoverlast.refusals import Refusal


def logged_in(user):
    """A separate browser, logged in with the password form (so a UserSession exists)."""
    client = Client()
    response = client.post(reverse("login"), {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    return client


def is_logged_in(client):
    return client.get("/zaken/").status_code == 200


@pytest.fixture
def beheerder(corporatie):
    return UserFactory(username="beheerder", organisation=corporatie, role="Beheerder")


@pytest.fixture
def beheerder_b(other_org):
    return UserFactory(username="beheerder-b", organisation=other_org, role="Beheerder")


def role(name):
    return Group.objects.get(name=name)


# --- In the app: only one's own organisation ---------------------------------------------


def test_the_list_shows_only_the_own_organisation_with_search_filter_and_pages(
    client_for, beheerder, consulent, colleague, other_org_user, settings
):
    Lezer = role("Lezer")
    colleague.groups.add(Lezer)
    client = client_for(beheerder)
    url = reverse("users:list")
    page = client.get(url).text
    assert consulent.username in page and colleague.username in page
    assert other_org_user.username not in page

    page = client.get(url, {"q": "Collega"}).text
    assert colleague.username in page and consulent.username not in page
    page = client.get(url, {"rol": Lezer.pk}).text
    assert colleague.username in page and consulent.username not in page

    services.user_set_active(actor=beheerder, user=consulent, active=False)
    assert consulent.username not in client.get(url).text  # active users by default
    assert consulent.username in client.get(url, {"status": "inactief"}).text

    for n in range(30):
        UserFactory(username=f"extra{n:02d}", organisation=beheerder.organisation)
    first = client.get(url).text
    assert "Pagina 1 van 2" in first
    assert "Pagina 2 van 2" in client.get(url, {"page": 2}).text


@pytest.mark.parametrize(
    "name", ["detail", "edit", "deactivate", "activate", "reset_2fa", "password_link"]
)
def test_another_organisations_user_is_404_and_logged(
    client_for, beheerder_b, consulent, name, caplog
):
    """Old code: nothing in the app, and the admin listed every organisation's users."""
    client = client_for(beheerder_b)
    url = reverse(f"users:{name}", kwargs={"user_id": consulent.pk})
    with caplog.at_level(logging.WARNING, logger="woonoverlast.security"):
        assert client.get(url).status_code == 404
        if name != "detail":  # the detail page answers GET only
            assert client.post(url, {"first_name": "X"}).status_code == 404
    assert any(
        f"refused user id {consulent.pk}" in record.getMessage() for record in caplog.records
    )
    consulent.refresh_from_db()
    assert consulent.is_active and consulent.first_name == "Carla"


def test_services_refuse_another_organisations_user_too(beheerder_b, consulent):
    """As the views do: another organisation's user is not found (404), never a 403."""
    with pytest.raises(Refusal) as refused:
        services.user_set_active(actor=beheerder_b, user=consulent, active=False)
    assert refused.value.kind == Refusal.NOT_FOUND
    with pytest.raises(Refusal) as refused:
        services.user_reset_second_factor(actor=beheerder_b, user=consulent)
    assert refused.value.kind == Refusal.NOT_FOUND


def test_other_roles_get_403(client_for, consulent, colleague):
    client = client_for(consulent)
    assert client.get(reverse("users:list")).status_code == 403
    assert client.get(reverse("users:detail", args=[colleague.pk])).status_code == 403


def test_a_superuser_of_the_organisation_is_not_the_beheerders(client_for, beheerder):
    root = User.objects.create_superuser(
        "root", "root@example.invalid", PASSWORD, organisation=beheerder.organisation
    )
    client = client_for(beheerder)
    assert client.get(reverse("users:detail", args=[root.pk])).status_code == 404
    assert "root" not in client.get(reverse("users:list")).text


# --- Invite, roles, deactivate, second factor, sessions ------------------------------------


def test_invite_keeps_input_on_error_then_mails_a_link_that_leads_to_2fa_enrolment(
    client_for, beheerder, corporatie, settings, django_capture_on_commit_callbacks
):
    client = client_for(beheerder)
    url = reverse("users:add")
    data = {
        "username": "nieuw",
        "first_name": "Nina",
        "last_name": "Nieuw",
        "email": "geen-adres",
        "roles": [role("Medewerker").pk],
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Vul een geldig e-mailadres in" in response.text
    assert 'value="Nina"' in response.text  # input kept
    response = client.post(url, {**data, "email": "n.nieuw@delinde.example", "roles": []})
    assert "Kies ten minste één rol." in response.text
    # A reserved role (the regional defaults) is not on offer, and refused when posted.
    regional = role("Regionaal functioneel beheerder")
    response = client.post(url, {**data, "email": "n@x.example", "roles": [regional.pk]})
    assert response.status_code == 200 and not User.objects.filter(username="nieuw").exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, {**data, "email": "n.nieuw@delinde.example", "organisation": 999}
        )
    assert response.status_code == 302
    nieuw = User.objects.get(username="nieuw")
    assert nieuw.organisation == corporatie
    assert not nieuw.is_staff and not nieuw.is_superuser
    assert not nieuw.has_usable_password()
    assert set(nieuw.groups.all()) == {corporatie.group, role("Medewerker")}
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["n.nieuw@delinde.example"]
    link = re.search(r"https?://[^/\s]+(/account/reset/\S+)", mail.outbox[0].body).group(1)

    # The invited user chooses a password and, at the first login, sets up the second factor.
    settings.WOONOVERLAST_REQUIRE_2FA = True
    invited = Client()
    form = invited.get(link, follow=True)
    assert "Wachtwoord kiezen" in form.text
    new_password = "een-heel-nieuw-wachtwoord-2026"
    done = invited.post(
        form.redirect_chain[-1][0],
        {"new_password1": new_password, "new_password2": new_password},
        follow=True,
    )
    assert "Uw wachtwoord is opgeslagen" in done.text
    response = invited.post(reverse("login"), {"username": "nieuw", "password": new_password})
    assert invited.get("/zaken/")["Location"].startswith(reverse("account:otp_enrol"))
    assert response.status_code == 302


def test_a_username_taken_elsewhere_is_refused_in_dutch(client_for, beheerder, other_org_user):
    response = client_for(beheerder).post(
        reverse("users:add"),
        {
            "username": other_org_user.username.upper(),
            "first_name": "A",
            "last_name": "B",
            "email": "a@b.example",
            "roles": [role("Lezer").pk],
        },
    )
    assert "Deze gebruikersnaam is al in gebruik" in response.text


def test_change_roles_keeps_reserved_roles_and_never_staff_or_organisation(
    client_for, beheerder, consulent, other_org
):
    regional = role("Regionaal functioneel beheerder")
    consulent.groups.add(regional)
    response = client_for(beheerder).post(
        reverse("users:edit", args=[consulent.pk]),
        {
            "first_name": "Carla",
            "last_name": "Consulent",
            "email": "c@delinde.example",
            "roles": [role("Lezer").pk],
            "is_superuser": "on",
            "is_staff": "on",
            "organisation": other_org.pk,
        },
    )
    assert response.status_code == 302
    consulent.refresh_from_db()
    assert set(selectors.roles_of(consulent)) == {role("Lezer"), regional}
    assert not consulent.is_superuser and not consulent.is_staff
    assert consulent.organisation == beheerder.organisation


def test_a_beheerder_cannot_remove_their_own_beheerder_role_or_deactivate_themselves(
    client_for, beheerder
):
    client = client_for(beheerder)
    response = client.post(
        reverse("users:edit", args=[beheerder.pk]),
        {
            "first_name": "B",
            "last_name": "B",
            "email": "b@delinde.example",
            "roles": [role("Medewerker").pk],
        },
    )
    assert "eigen rol als beheerder niet weghalen" in response.text
    assert 'value="B"' in response.text
    assert beheerder.groups.filter(name="Beheerder").exists()
    response = client.post(reverse("users:deactivate", args=[beheerder.pk]), follow=True)
    assert "eigen account niet deactiveren" in response.text
    beheerder.refresh_from_db()
    assert beheerder.is_active and beheerder.first_name != "B"


def test_deactivation_asks_first_and_ends_every_session(client_for, beheerder, consulent):
    elsewhere = logged_in(consulent)
    assert is_logged_in(elsewhere)
    client = client_for(beheerder)
    url = reverse("users:deactivate", args=[consulent.pk])
    assert "Wilt u" in client.get(url).text
    consulent.refresh_from_db()
    assert consulent.is_active  # asking changed nothing
    assert client.post(url).status_code == 302
    consulent.refresh_from_db()
    assert not consulent.is_active
    assert not UserSession.objects.filter(user=consulent).exists()
    assert not is_logged_in(elsewhere)

    client.post(reverse("users:activate", args=[consulent.pk]))
    consulent.refresh_from_db()
    assert consulent.is_active


def test_reset_second_factor_removes_the_devices_and_the_sessions(client_for, beheerder, consulent):
    TOTPDevice.objects.create(user=consulent, name="app", confirmed=True)
    StaticDevice.objects.create(user=consulent, name="reservecodes", confirmed=True)
    elsewhere = logged_in(consulent)
    client = client_for(beheerder)
    detail = client.get(reverse("users:detail", args=[consulent.pk])).text
    assert "Tweestapsverificatie opnieuw laten instellen" in detail
    url = reverse("users:reset_2fa", args=[consulent.pk])
    assert "verloren telefoon" in client.get(url).text
    assert TOTPDevice.objects.filter(user=consulent).exists()
    client.post(url)
    assert not TOTPDevice.objects.filter(user=consulent).exists()
    assert not StaticDevice.objects.filter(user=consulent).exists()
    assert not is_logged_in(elsewhere)


def test_the_beheerder_sees_and_ends_a_users_session(client_for, beheerder, consulent):
    elsewhere = logged_in(consulent)
    user_session = UserSession.objects.get(user=consulent)
    client = client_for(beheerder)
    detail = client.get(reverse("users:detail", args=[consulent.pk])).text
    assert "Ingelogde sessies" in detail
    url = reverse("users:session_end", args=[consulent.pk, user_session.pk])
    assert url in detail
    client.post(url)
    assert not is_logged_in(elsewhere)


def test_a_session_of_another_user_through_this_users_url_is_404(
    client_for, beheerder, consulent, colleague
):
    logged_in(colleague)
    other = UserSession.objects.get(user=colleague)
    url = reverse("users:session_end", args=[consulent.pk, other.pk])
    assert client_for(beheerder).post(url).status_code == 404
    assert UserSession.objects.filter(pk=other.pk).exists()


def test_the_beheerder_role_has_no_reserved_permission(db):
    assert "cases.manage_regional_defaults" not in ROLE_PERMISSIONS["Beheerder"]
    assert "Regionaal functioneel beheerder" not in set(
        selectors.assignable_roles().values_list("name", flat=True)
    )
    org = OrganisationFactory()
    assert not UserFactory(organisation=org, role="Beheerder").is_staff
