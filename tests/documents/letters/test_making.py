"""Making a letter from a case: read back from the PDF and the Word file, stored as the
maker's attachments, on the timeline and in the access log; refused below volledig."""

from datetime import date

import pytest
from django.core.files.storage import default_storage

from cases.documents.letters.models import Letter
from cases.documents.letters.services import prepare_letter
from cases.models import AccessLog, Attachment, Event
from cases.models.choices import AccessLevel, Visibility
from tests.factories import UserFactory, access_for, add_report, share
from woonoverlast.refusals import Refusal

from .conftest import ADDRESS, docx_text, make, pdf_text

pytestmark = pytest.mark.django_db


def test_the_waarschuwingsbrief_is_filled_in_pdf_and_word(consulent, case, resident, templates):
    letter = make(consulent, case, templates["Waarschuwingsbrief"], resident)
    for text in (pdf_text(letter.pdf), docx_text(letter.docx)):
        flat = " ".join(text.split())
        assert "Geachte Henk de Vries," in flat
        assert ADDRESS in flat
        assert case.reference in flat
        assert "1 december 2026" in flat
        assert "Woonstichting De Linde" in flat  # the letterhead
        assert "7:213" in flat
        assert "{{" not in flat and "}}" not in flat
    assert letter.pdf.content_type == "application/pdf"
    assert letter.docx.original_name.endswith(".docx")
    for attachment in (letter.pdf, letter.docx):
        assert attachment.organisation == consulent.organisation
        assert attachment.visibility == Visibility.OWN_ORGANISATION
    assert letter.level == AccessLevel.VOLLEDIG and letter.action_item is None
    event = Event.objects.get(case=case, kind=Event.Kind.LETTER_MADE)
    assert (event.target_type, event.target_id) == ("letter", letter.pk)


def test_every_example_letter_fills_every_invulplek(consulent, case, resident, templates):
    for template in templates.values():
        extra = {"term_amount": 2, "term_unit": "weken"} if template.term_kind else {}
        letter = make(consulent, case, template, resident, **extra)
        text = " ".join(pdf_text(letter.pdf).split())
        assert "{{" not in text and "Henk de Vries" in text, template.name
        assert "{{" not in docx_text(letter.docx), template.name


def test_the_page_previews_makes_logs_and_shows_the_letter_on_the_timeline(
    consulent, case, resident, templates, client_for
):
    client = client_for(consulent)
    page = client.get(f"/zaken/{case.reference}/").content.decode()
    assert "Brief maken" in page
    url = f"/zaken/{case.reference}/brieven/nieuw/"
    data = {
        "template": templates["Waarschuwingsbrief"].pk,
        "addressee": resident.pk,
        "letter_date": "2026-12-01",
        "term_unit": "weken",
    }
    preview = client.post(url, {**data, "stap": "voorbeeld"})
    assert preview.status_code == 200
    assert "Geachte Henk de Vries," in preview.content.decode()
    assert not Letter.objects.exists()
    made = client.post(url, {**data, "stap": "maken"})
    assert made.status_code == 302
    letter = Letter.objects.get()
    log = AccessLog.objects.get(action=AccessLog.Action.PRINT, case_id_ref=case.pk)
    assert (log.person_id_ref, log.level, log.outcome) == (resident.pk, "volledig", "allowed")
    page = client.get(f"/zaken/{case.reference}/").content.decode()
    assert f"/zaken/{case.reference}/bijlagen/{letter.pdf_id}/" in page
    assert f"/zaken/{case.reference}/bijlagen/{letter.docx_id}/" in page
    download = client.get(f"/zaken/{case.reference}/bijlagen/{letter.docx_id}/")
    assert download.status_code == 200
    assert AccessLog.objects.filter(action=AccessLog.Action.DOWNLOAD, outcome="allowed").exists()


def test_a_partner_at_proces_cannot_make_a_document_with_persons(
    consulent, case, resident, templates, partner_org, partner_user, client_for
):
    share(case, partner_org, AccessLevel.PROCES, consulent)
    gemeente_templates = partner_org.letter_templates.all()
    template = gemeente_templates.get(name__startswith="Voornemen")
    with pytest.raises(Refusal) as refused:
        prepare_letter(
            actor=partner_user,
            access=access_for(partner_user, case),
            template=template,
            addressee=resident,
            letter_date=date(2026, 12, 1),
            term_amount=2,
        )
    assert refused.value.kind == Refusal.NOT_FOUND
    client = client_for(partner_user)
    assert "Brief maken" not in client.get(f"/zaken/{case.reference}/").content.decode()
    url = f"/zaken/{case.reference}/brieven/nieuw/"
    data = {
        "template": template.pk,
        "addressee": resident.pk,
        "letter_date": "2026-12-01",
        "term_amount": 2,
        "term_unit": "weken",
        "stap": "maken",
    }
    for response in (client.get(url), client.post(url, data)):
        assert response.status_code == 404
        assert "Henk" not in response.content.decode()
    assert not Letter.objects.exists() and not Attachment.objects.exists()
    denied = AccessLog.objects.filter(case_id_ref=case.pk, outcome="denied", level="proces")
    assert denied.count() == 2


def test_a_melder_of_another_organisation_is_never_offered(
    consulent, case, resident, templates, partner_org, partner_user, client_for
):
    share(case, partner_org, AccessLevel.VOLLEDIG, consulent)
    add_report(consulent, case, new_melder={"first_name": "Mieke", "last_name": "Melder"})
    page = client_for(partner_user).get(f"/zaken/{case.reference}/brieven/nieuw/")
    assert page.status_code == 200
    assert "Henk de Vries" in page.content.decode()
    assert "Melder" not in page.content.decode()
    melder = case.reports.get().melder
    template = partner_org.letter_templates.get(name="Waarschuwingsbrief")
    with pytest.raises(Refusal) as refused:
        make(partner_user, case, template, melder)
    assert refused.value.errors == {"addressee": [refused.value.message]}
    # Another organisation's template is not the partner's to use either.
    with pytest.raises(Refusal):
        make(partner_user, case, templates["Waarschuwingsbrief"], resident)


def test_a_revoked_partner_cannot_download_its_own_letter(
    consulent, case, resident, partner_org, partner_user, templates, client_for
):
    from cases import services

    participation = share(case, partner_org, AccessLevel.VOLLEDIG, consulent)
    template = partner_org.letter_templates.get(name="Waarschuwingsbrief")
    letter = make(partner_user, case, template, resident)
    client = client_for(partner_user)
    url = f"/zaken/{case.reference}/bijlagen/{letter.pdf_id}/"
    assert client.get(url).status_code == 200
    # The lead's consulent does not see the partner's own copy.
    assert client_for(consulent).get(url).status_code == 404
    services.revoke_share(
        actor=consulent,
        access=access_for(consulent, case),
        participation=participation,
        reason="Samenwerking beëindigd",
    )
    client = client_for(partner_user)
    assert client.get(url).status_code == 404
    assert AccessLog.objects.filter(
        case_id_ref=case.pk, username=partner_user.username, action="download", outcome="denied"
    ).exists()


def test_a_failed_letter_leaves_no_files_or_rows(consulent, case, resident, templates):
    template = templates["Voornemen gedragsaanwijzing"]
    with pytest.raises(Refusal) as refused:
        make(consulent, case, template, resident, term_amount=None)
    assert "termijn" in refused.value.errors["term_amount"][0]
    assert not Letter.objects.exists() and not Attachment.objects.exists()
    assert not default_storage.exists("attachments")


def test_a_lezer_may_not_make_letters(corporatie, case, resident, templates, client_for):
    lezer = UserFactory(organisation=corporatie, role="Lezer")
    assert client_for(lezer).get(f"/zaken/{case.reference}/brieven/nieuw/").status_code == 403
