"""Browser: enrol in two-factor authentication, log in with a backup code, manage sessions.

axe-core checks each account page (WCAG 2.1 AA) and the browser reports no CSP violation.
"""

import re

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from partners.models import OrganisationKind
from tests.factories import PASSWORD, OrganisationFactory, UserFactory, seed_reference_data

pytestmark = pytest.mark.e2e


@pytest.fixture
def consulent(live_server, settings):
    settings.WOONOVERLAST_REQUIRE_2FA = True
    seed_reference_data()
    corporatie = OrganisationFactory(name="Woonstichting Veilig", kind=OrganisationKind.CORPORATIE)
    return UserFactory(
        username="consulent", first_name="Carla", last_name="Consulent", organisation=corporatie
    )


def csp_violations(page):
    found = []
    page.on(
        "console",
        lambda message: (
            found.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return found


def log_in(page, base, user):
    page.goto(f"{base}/account/login/")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()


def test_enrol_then_log_in_with_a_backup_code(page, live_server, consulent, axe):
    violations = csp_violations(page)
    log_in(page, live_server.url, consulent)

    expect(page.get_by_role("heading", name="Tweestapsverificatie instellen")).to_be_visible()
    expect(page.get_by_role("img", name=re.compile("QR-code"))).to_be_visible()
    axe(page, "2FA enrolment")
    device = TOTPDevice.objects.get(user=consulent)
    code = f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"
    page.get_by_role("textbox", name=re.compile(r"^Code")).fill(code)
    page.get_by_role("button", name="Bevestigen").click()

    expect(page.get_by_role("heading", name="Uw reservecodes")).to_be_visible()
    axe(page, "backup codes")
    codes = page.locator(".app-codes code").all_inner_texts()
    assert len(codes) == 10
    page.get_by_role("link", name="Ik heb de codes bewaard, verder").click()
    expect(page.get_by_role("heading", name="Zaken", exact=True)).to_be_visible()

    page.get_by_role("button", name="Uitloggen").click()
    log_in(page, live_server.url, consulent)
    expect(page.get_by_role("heading", name="Tweestapsverificatie")).to_be_visible()
    axe(page, "2FA code page")
    page.get_by_role("textbox", name=re.compile(r"^Code")).fill("000000")
    page.get_by_role("button", name="Controleren").click()
    expect(page.locator("#id_token_error")).to_contain_text("klopt niet")
    axe(page, "2FA code page with an error")
    page.wait_for_timeout(1500)  # django-otp makes the next try wait a moment after a wrong one
    page.get_by_role("textbox", name=re.compile(r"^Code")).fill(codes[0])
    page.get_by_role("button", name="Controleren").click()
    expect(page.get_by_role("heading", name="Zaken", exact=True)).to_be_visible()

    page.get_by_role("link", name=re.compile("mijn account")).click()
    expect(page.get_by_role("heading", name="Mijn account")).to_be_visible()
    expect(page.get_by_text("U heeft nog 9 reservecodes.")).to_be_visible()
    axe(page, "account and sessions page")
    page.get_by_role("link", name="Nieuwe reservecodes maken").click()
    expect(page.get_by_role("heading", name="Nieuwe reservecodes maken")).to_be_visible()
    axe(page, "confirmation page")
    assert violations == []


def test_a_locked_username_sees_the_dutch_lockout_page(page, live_server, consulent, axe, settings):
    settings.AXES_FAILURE_LIMIT = 2
    for _ in range(2):
        page.goto(f"{live_server.url}/account/login/")
        page.get_by_label("Gebruikersnaam").fill(consulent.username)
        page.get_by_label("Wachtwoord").fill("niet-het-goede-wachtwoord")
        page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", name="Account tijdelijk geblokkeerd")).to_be_visible()
    axe(page, "lockout page")
