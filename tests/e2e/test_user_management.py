"""Browser test of the Beheerder's user management (issue 12): the Beheerder of corporatie B
manages a user of B, with the keyboard where it matters, and cannot reach a user of A."""

import pytest
from playwright.sync_api import expect

from partners.models import OrganisationKind, User
from tests.factories import PASSWORD, OrganisationFactory, UserFactory, seed_reference_data

pytestmark = pytest.mark.e2e


@pytest.fixture
def people(live_server):
    seed_reference_data()
    corporatie_a = OrganisationFactory(name="Woonstichting A", kind=OrganisationKind.CORPORATIE)
    corporatie_b = OrganisationFactory(name="Stadswonen B", kind=OrganisationKind.CORPORATIE)
    user_a = UserFactory(
        username="consulent", first_name="Sanne", last_name="Aa", organisation=corporatie_a
    )
    user_b = UserFactory(
        username="consulent-b",
        first_name="Mehmet",
        last_name="Bee",
        email="m.bee@b.example",
        organisation=corporatie_b,
    )
    beheerder_b = UserFactory(
        username="beheerder-b",
        first_name="Youssef",
        last_name="Haddou",
        organisation=corporatie_b,
        role="Beheerder",
    )
    return user_a, user_b, beheerder_b


def log_in(page, live_server, user):
    page.goto(f"{live_server.url}/account/login/")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", name="Zaken", exact=True)).to_be_visible()


def test_beheerder_of_b_manages_a_user_of_b_and_cannot_reach_a_user_of_a(
    page, live_server, people, axe
):
    user_a, user_b, beheerder_b = people
    log_in(page, live_server, beheerder_b)
    page.get_by_role("link", name="Beheer", exact=True).click()
    axe(page, "beheer index for a Beheerder")
    page.get_by_role("link", name="Gebruikers", exact=True).click()
    expect(page.get_by_role("heading", name="Gebruikers van Stadswonen B")).to_be_visible()
    expect(page.get_by_role("link", name="Mehmet Bee")).to_be_visible()
    expect(page.get_by_text("Sanne")).to_have_count(0)
    axe(page, "user list")

    page.get_by_role("textbox", name="Zoeken").fill("Bee")
    page.get_by_role("textbox", name="Zoeken").press("Enter")
    page.get_by_role("link", name="Mehmet Bee").click()
    expect(page.get_by_role("heading", name="Mehmet Bee")).to_be_visible()
    axe(page, "user detail")

    page.get_by_role("link", name="Gegevens en rollen wijzigen").click()
    page.get_by_label("Voornaam").fill("")
    page.get_by_label("Lezer").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Vul de voornaam in.")).to_be_visible()
    expect(page.get_by_label("Lezer")).to_be_checked()  # input kept
    axe(page, "user form with errors")
    page.get_by_label("Voornaam").fill("Mehmet")
    page.get_by_label("Medewerker").uncheck()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("De gegevens van Mehmet Bee zijn opgeslagen.")).to_be_visible()
    user_b.refresh_from_db()
    assert list(user_b.groups.filter(organisation__isnull=True).values_list("name", flat=True)) == [
        "Lezer"
    ]

    # Deactivating asks first; reached and confirmed with the keyboard.
    page.get_by_role("link", name="Deactiveren").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Gebruiker deactiveren")).to_be_visible()
    axe(page, "deactivation confirmation")
    page.get_by_role("button", name="Deactiveren").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Mehmet Bee is gedeactiveerd.")).to_be_visible()
    assert not User.objects.get(pk=user_b.pk).is_active

    page.goto(f"{live_server.url}/beheer/gebruikers/nieuw/")
    expect(page.get_by_role("heading", name="Gebruiker toevoegen")).to_be_visible()
    axe(page, "invite form")

    # A user of corporatie A does not exist for the Beheerder of B.
    response = page.goto(f"{live_server.url}/beheer/gebruikers/{user_a.pk}/")
    assert response is not None and response.status == 404
    response = page.goto(f"{live_server.url}/beheer/gebruikers/{user_a.pk}/deactiveren/")
    assert response is not None and response.status == 404
    assert User.objects.get(pk=user_a.pk).is_active
