"""Logged-in flows through the Django test client."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from cases.models import AccessLog, Attachment, Case, CasePerson, Note, Person, Report
from cases.models.choices import AccessLevel, PersonRole, Visibility
from tests.factories import add_note, add_person, add_report, category, make_case, share

PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + b"\x02\x00\x3e\x00" + b"\x00" * 100


def case_data(**overrides):
    data = {
        "street": "Lindelaan",
        "house_number": "7a",
        "postcode": "3511 AB",
        "city": "Utrecht",
        "wijk": "Oost",
        "categories": [category("geluid").pk, category("vervuiling").pk],
        "summary": "Vervuiling van de galerij en geluidsoverlast.",
        "regisseur": "",
    }
    data.update(overrides)
    return data


def media_files(settings):
    root = Path(settings.MEDIA_ROOT)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


# --- opening a case --------------------------------------------------------------------------


def test_create_case_via_post(client_for, consulent):
    client = client_for(consulent)
    response = client.post(reverse("cases:create"), case_data())
    case = Case.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:detail", args=[case.reference])
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert case.reference in page.content.decode()
    assert "Lindelaan 7a, 3511 AB Utrecht" in page.content.decode()
    assert case.regisseur == consulent
    assert case.lead_organisation == consulent.organisation


def test_create_form_renders(client_for, consulent):
    response = client_for(consulent).get(reverse("cases:create"))
    assert response.status_code == 200
    assert 'name="postcode"' in response.content.decode()


@pytest.mark.parametrize("postcode", ["12345", "1234 SA", "ABCD 12", "0123 AB", "1234 A"])
def test_invalid_postcode_is_refused(client_for, consulent, postcode):
    response = client_for(consulent).post(reverse("cases:create"), case_data(postcode=postcode))
    assert response.status_code == 200
    assert "Vul een geldige Nederlandse postcode in" in response.content.decode()
    assert not Case.objects.exists()


def test_empty_required_fields_give_dutch_errors(client_for, consulent):
    # What a browser sends for an untouched form: every field, empty.
    empty = {name: "" for name in case_data()} | {"categories": []}
    response = client_for(consulent).post(reverse("cases:create"), empty)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dit veld is verplicht." in html
    assert "Kies ten minste één soort overlast." in html
    assert "This field is required" not in html
    assert not Case.objects.exists()


def test_postcode_is_normalised(client_for, consulent):
    response = client_for(consulent).post(reverse("cases:create"), case_data(postcode="1234ab"))
    assert response.status_code == 302
    assert Case.objects.get().postcode == "1234 AB"


def test_user_without_add_permission_cannot_open_cases(client_for, corporatie):
    from tests.factories import UserFactory

    lezer = UserFactory(organisation=corporatie, role="Lezer")
    response = client_for(lezer).post(reverse("cases:create"), case_data())
    assert response.status_code == 403
    assert not Case.objects.exists()


# --- adding records --------------------------------------------------------------------------


def test_add_records_and_see_them_newest_first(client_for, consulent):
    case = make_case(consulent)
    client = client_for(consulent)
    ref = case.reference

    page = client.get(reverse("cases:report_add", args=[ref]))
    assert page.status_code == 200
    response = client.post(
        reverse("cases:report_add", args=[ref]),
        {
            "received_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
            "category": category("geluid").pk,
            "source": "telefoon",
            "description": "Bonkende bas tot diep in de nacht.",
            "new_melder_first_name": "",
            "new_melder_last_name": "",
            "melder_anonymous": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()
    assert Report.objects.get().melder_anonymous

    response = client.post(
        reverse("cases:note_add", args=[ref]),
        {
            "kind": "huisbezoek",
            "occurred_on": timezone.localdate().isoformat(),
            "text": "Huisbezoek: bewoner erkent het probleem.",
            "sensitivity": "",
            "visibility": Visibility.OWN_ORGANISATION,
        },
    )
    assert response.status_code == 302, response.content.decode()

    response = client.post(
        reverse("cases:person_add", args=[ref]),
        {
            "role": PersonRole.VEROORZAKER,
            "existing": "",
            "first_name": "Jan",
            "last_name": "Jansen",
        },
    )
    assert response.status_code == 302, response.content.decode()
    assert CasePerson.objects.get(case=case).person.full_name == "Jan Jansen"

    html = client.get(reverse("cases:detail", args=[ref])).content.decode()
    timeline = html[html.index('id="timeline-heading"') :]
    positions = [
        timeline.index("Jan Jansen"),
        timeline.index("Huisbezoek: bewoner erkent het probleem."),
        timeline.index("Bonkende bas tot diep in de nacht."),
        timeline.index("Zaak geopend"),
    ]
    assert positions == sorted(positions), "timeline is not newest first"
    persons = html[html.index('id="persons-heading"') : html.index('id="timeline-heading"')]
    assert "Jan Jansen" in persons


def test_invalid_note_changes_nothing(client_for, consulent):
    case = make_case(consulent)
    response = client_for(consulent).post(
        reverse("cases:note_add", args=[case.reference]),
        {"kind": "", "occurred_on": "2999-01-01", "text": "", "visibility": "eigen"},
    )
    assert response.status_code == 200
    assert "Dit veld is verplicht." in response.content.decode()
    assert not Note.objects.exists()


def test_add_existing_person_to_second_case(client_for, consulent):
    first = make_case(consulent)
    second = make_case(consulent, street="Kerkstraat")
    person = add_person(consulent, first, first_name="Jan", last_name="Jansen").person
    response = client_for(consulent).post(
        reverse("cases:person_add", args=[second.reference]),
        {"role": PersonRole.BEWONER, "existing": person.pk, "last_name": ""},
    )
    assert response.status_code == 302
    assert Person.objects.count() == 1
    assert CasePerson.objects.filter(case=second, person=person, role="bewoner").exists()


# --- attachments -----------------------------------------------------------------------------


def upload(client, case, name, content):
    return client.post(
        reverse("cases:attachment_add", args=[case.reference]),
        {
            "file": SimpleUploadedFile(name, content),
            "description": "Bijlage",
            "visibility": Visibility.OWN_ORGANISATION,
        },
    )


def test_upload_and_download_pdf(client_for, consulent, settings):
    case = make_case(consulent)
    client = client_for(consulent)
    response = upload(client, case, "Brief aan bewoner.pdf", PDF)
    assert response.status_code == 302, response.content.decode()
    attachment = Attachment.objects.get()
    assert attachment.content_type == "application/pdf"
    assert len(media_files(settings)) == 1

    html = client.get(reverse("cases:detail", args=[case.reference])).content.decode()
    assert "Brief aan bewoner.pdf" in html

    response = client.get(reverse("cases:attachment", args=[case.reference, attachment.pk]))
    assert response.status_code == 200
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment")
    assert "Brief aan bewoner.pdf" in disposition or "Brief%20aan%20bewoner.pdf" in disposition
    assert response["Content-Type"] == "application/pdf"
    # Consuming the stream closes the file (the test client wraps it); response.close() here
    # would fire request_finished and close the test's database connection.
    assert b"".join(response.streaming_content) == PDF
    assert AccessLog.objects.filter(
        action=AccessLog.Action.DOWNLOAD, outcome="allowed", case_reference=case.reference
    ).exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("rapport.pdf", ELF, "Dit soort bestand kan niet worden toegevoegd"),
        ("rapport.pdf", b"Gewoon tekst, geen PDF.\n" * 20, "Dit soort bestand kan niet"),
        ("programma.exe", b"MZ\x90\x00\x03" + b"\x00" * 200, "Dit soort bestand kan niet"),
        ("foto.pdf", PNG, "De inhoud van het bestand past niet bij de naam"),
        ("leeg.pdf", b"", "Het bestand is leeg."),
    ],
)
def test_bad_uploads_are_refused(client_for, consulent, settings, name, content, message):
    case = make_case(consulent)
    response = upload(client_for(consulent), case, name, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Attachment.objects.exists()
    assert media_files(settings) == []


def test_oversized_upload_is_refused(client_for, consulent, settings):
    settings.ATTACHMENT_MAX_BYTES = 64
    case = make_case(consulent)
    response = upload(client_for(consulent), case, "groot.pdf", PDF + b"0" * 100)
    assert response.status_code == 200
    assert "Het bestand is te groot" in response.content.decode()
    assert not Attachment.objects.exists()
    assert media_files(settings) == []


# --- not found and other organisations ------------------------------------------------------


def test_unknown_reference_is_404(client_for, consulent):
    client = client_for(consulent)
    for name in ("detail", "edit", "note_add", "report_add", "person_add", "attachment_add"):
        assert client.get(reverse(f"cases:{name}", args=["WO-2020-99999"])).status_code == 404
    case = make_case(consulent)
    assert client.get(reverse("cases:attachment", args=[case.reference, 999999])).status_code == 404


def test_other_organisations_case_is_404_everywhere(
    client_for, consulent, other_org_user, settings
):
    case = make_case(consulent)
    add_note(consulent, case, text="Geheime notitie")
    from cases import services
    from tests.factories import access_for

    attachment = services.add_attachment(
        actor=consulent,
        access=access_for(consulent, case),
        upload=SimpleUploadedFile("brief.pdf", PDF),
        content_type="application/pdf",
        visibility=Visibility.PARTICIPANTS,
    )
    client = client_for(other_org_user)
    ref = case.reference
    urls = [
        reverse("cases:detail", args=[ref]),
        reverse("cases:edit", args=[ref]),
        reverse("cases:person_add", args=[ref]),
        reverse("cases:report_add", args=[ref]),
        reverse("cases:note_add", args=[ref]),
        reverse("cases:attachment_add", args=[ref]),
        reverse("cases:attachment", args=[ref, attachment.pk]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 404, url
        assert ref not in response.content.decode()
        assert client.post(url, {"text": "x", "kind": "brief"}).status_code in (404, 405), url
    assert Note.objects.count() == 1
    denied = AccessLog.objects.filter(user=other_org_user, outcome=AccessLog.Outcome.DENIED)
    assert denied.count() >= len(urls)
    assert set(denied.values_list("case_reference", flat=True)) == {ref}
    assert not AccessLog.objects.filter(user=other_org_user, outcome="allowed").exists()

    link = f'href="{reverse("cases:detail", args=[ref])}"'
    listing = client.get(reverse("cases:list"), {"status": ""}).content.decode()
    assert ref not in listing
    searched = client.get(reverse("cases:list"), {"q": ref, "status": ""}).content.decode()
    assert link not in searched
    assert "0 zaken gevonden" in searched


def test_anonymous_user_is_sent_to_login(client, consulent):
    case = make_case(consulent)
    for url in (reverse("cases:list"), reverse("cases:detail", args=[case.reference])):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


# --- what partners see -----------------------------------------------------------------------


def test_melder_is_only_visible_to_the_receiving_organisation(client_for, consulent, partner_user):
    case = make_case(consulent)
    add_report(
        consulent,
        case,
        description="Melding over de buren.",
        new_melder={"first_name": "Mel", "last_name": "Meldersma"},
    )
    share(case, partner_user.organisation, AccessLevel.VOLLEDIG, consulent)

    own = client_for(consulent).get(reverse("cases:detail", args=[case.reference]))
    assert "Mel Meldersma" in own.content.decode()

    partner = client_for(partner_user).get(reverse("cases:detail", args=[case.reference]))
    html = partner.content.decode()
    assert partner.status_code == 200
    assert "Melding over de buren." in html
    assert "anonieme melder" in html
    assert "Meldersma" not in html


@pytest.mark.parametrize("form", ["report_add", "person_add"])
def test_melder_is_not_offered_to_a_partner_in_forms(client_for, consulent, partner_user, form):
    """The melder's name must not reach another organisation through a form's choices.

    Regression test: the melding form (melder choices) and the person form (existing person
    choices) are fed by cases.access.visible_persons, which once included other
    organisations' melders.
    """
    case = make_case(consulent)
    add_report(consulent, case, new_melder={"first_name": "Mel", "last_name": "Meldersma"})
    share(case, partner_user.organisation, AccessLevel.VOLLEDIG, consulent)
    response = client_for(partner_user).get(reverse(f"cases:{form}", args=[case.reference]))
    assert response.status_code == 200
    assert "Meldersma" not in response.content.decode()


def test_process_level_partner_sees_no_details(client_for, consulent, partner_user):
    case = make_case(consulent, street="Vlinderhof", summary="Samenvatting met details.")
    add_person(consulent, case, first_name="Piet", last_name="Pietersen")
    add_note(consulent, case, text="Notitie voor iedereen", visibility=Visibility.PARTICIPANTS)
    add_report(consulent, case, description="Omschrijving van de melding.")
    share(case, partner_user.organisation, AccessLevel.PROCES, consulent)
    client = client_for(partner_user)

    response = client.get(reverse("cases:detail", args=[case.reference]))
    assert response.status_code == 200
    html = response.content.decode()
    assert case.reference in html
    assert case.stage.name in html
    for secret in (
        "Pietersen",
        "Vlinderhof",
        "Notitie voor iedereen",
        "Omschrijving van de melding.",
        "Samenvatting met details.",
    ):
        assert secret not in html, secret

    for name in ("note_add", "report_add", "person_add", "attachment_add", "edit"):
        url = reverse(f"cases:{name}", args=[case.reference])
        assert client.get(url).status_code == 404, name
        assert client.post(url, {"kind": "brief", "text": "x"}).status_code == 404, name
    assert Note.objects.count() == 1

    listing = client.get(reverse("cases:list")).content.decode()
    assert case.reference in listing
    assert "Vlinderhof" not in listing


def test_note_visibility_for_partners(client_for, consulent, partner_user):
    case = make_case(consulent)
    add_note(
        consulent, case, text="Alleen voor de corporatie", visibility=Visibility.OWN_ORGANISATION
    )
    add_note(consulent, case, text="Voor alle deelnemers", visibility=Visibility.PARTICIPANTS)
    share(case, partner_user.organisation, AccessLevel.VOLLEDIG, consulent)

    own = client_for(consulent).get(reverse("cases:detail", args=[case.reference]))
    assert "Alleen voor de corporatie" in own.content.decode()
    html = client_for(partner_user).get(reverse("cases:detail", args=[case.reference]))
    html = html.content.decode()
    assert "Voor alle deelnemers" in html
    assert "Alleen voor de corporatie" not in html


def test_revoked_participation_gives_404(client_for, consulent, partner_user):
    case = make_case(consulent)
    participation = share(case, partner_user.organisation, AccessLevel.VOLLEDIG, consulent)
    client = client_for(partner_user)
    assert client.get(reverse("cases:detail", args=[case.reference])).status_code == 200
    participation.revoked_at = timezone.now()
    participation.revoked_by = consulent
    participation.save()
    assert client.get(reverse("cases:detail", args=[case.reference])).status_code == 404
