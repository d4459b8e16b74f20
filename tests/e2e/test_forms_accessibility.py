"""axe-core (WCAG 2.1 AA) on every case form, empty and with field errors, without CSP errors."""

import pytest
from playwright.sync_api import expect

from partners.models import OrganisationKind
from tests.factories import (
    PASSWORD,
    OrganisationFactory,
    UserFactory,
    make_case,
    seed_reference_data,
)

pytestmark = pytest.mark.e2e


def test_every_case_form_passes_axe_empty_and_with_errors(page, live_server, axe):
    seed_reference_data()
    corporatie = OrganisationFactory(
        name="Woonstichting Formulier", kind=OrganisationKind.CORPORATIE
    )
    user = UserFactory(username="consulent", organisation=corporatie, role="Coordinator")
    case = make_case(user)
    csp_errors = []
    page.on(
        "console",
        lambda m: csp_errors.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.goto(f"{live_server.url}/account/login/")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", name="Zaken", exact=True)).to_be_visible()

    ref = case.reference
    transition = case.stage.exits.first()
    forms = {
        "new case": "/zaken/nieuw/",
        "edit case": f"/zaken/{ref}/bewerken/",
        "person": f"/zaken/{ref}/betrokkenen/nieuw/",
        "melding": f"/zaken/{ref}/meldingen/nieuw/",
        "logboek": f"/zaken/{ref}/logboek/nieuw/",
        "attachment": f"/zaken/{ref}/bijlagen/nieuw/",
        "decision": f"/zaken/{ref}/besluiten/nieuw/",
        "transition": f"/zaken/{ref}/fase/{transition.pk}/",
        "move address": f"/zaken/{ref}/adressen/verhuizing/",
        "add address": f"/zaken/{ref}/adressen/nieuw/",
        # Nothing to choose in this case: submitting it is the page with its error.
        "procesdossier": f"/zaken/{ref}/procesdossier/",
    }
    for label, path in forms.items():
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, f"{label}: {response.status}"
        axe(page, f"{label} form")
        form = page.locator("main form[method=post]").last
        # Submit with required fields emptied: the page with Dutch field errors must pass too.
        for field in form.locator("input[type=text], textarea").all():
            field.fill("")
        form.locator("button[type=submit]").click()
        page.wait_for_load_state()
        axe(page, f"{label} form after submitting it empty")
    assert csp_errors == []
