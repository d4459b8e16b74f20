"""A document remembers what it was made from (ADR 0014): the cases in a PDF and the level
each was cut for. A download re-checks them; revocation, lowering and retention withdraw,
remake or remove what was made for the old state (issue 12, findings 3 and 4)."""

import io
import os
from datetime import date

import pytest
from django.urls import reverse
from pypdf import PdfReader

from cases import services as case_services
from cases.models import AccessLog, RetentionCategory, RetentionRule
from cases.models.choices import AccessLevel
from cases.retention import services as retention
from meetings import documents, pdf, services
from meetings.models import MeetingDocument, MeetingDocumentSource
from tests.factories import access_for, set_case_state

from .conftest import request_and_accept

pytestmark = pytest.mark.django_db

ADDRESS = "Havenkade"  # case_all's street, only in volledig copies
NAME = "Veroorzaakster"  # case_all's veroorzaker


def _agenda(overleg, *cases):
    for case in cases:
        request_and_accept(overleg, case)
    made = services.send_agenda(actor=overleg.coordinator, meeting=overleg.meeting)
    for document in made:
        assert documents.generate(document.pk) == "ready"
        document.refresh_from_db()
    return {document.organisation_id: document for document in made}


def _text(document: MeetingDocument) -> str:
    document.refresh_from_db()
    assert document.status == MeetingDocument.Status.READY, document.error
    with document.file.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    return "\n".join(page.extract_text() for page in reader.pages)


def _url(document):
    return reverse("meetings:document", args=[document.meeting_id, document.pk])


def _sources(document):
    return dict(document.sources.values_list("case_id", "level"))


def _current(overleg, organisation):
    """The document for `organisation` (None: the chair) that is not withdrawn."""
    return overleg.meeting.documents.exclude(status=MeetingDocument.Status.WITHDRAWN).get(
        kind=MeetingDocument.Kind.AGENDA, organisation=organisation
    )


def _participation(case, organisation):
    return case.participations.get(organisation=organisation, revoked_at__isnull=True)


def _revoke(overleg, case, organisation):
    case_services.revoke_share(
        actor=overleg.consulent,
        access=access_for(overleg.consulent, case),
        participation=_participation(case, organisation),
    )


def _lower(overleg, case, organisation, level):
    case_services.change_share_level(
        actor=overleg.consulent,
        access=access_for(overleg.consulent, case),
        participation=_participation(case, organisation),
        level=level,
    )


def test_a_document_records_each_case_at_the_level_it_was_cut_for(overleg):
    docs = _agenda(overleg, overleg.case_all, overleg.case_police, overleg.case_private)
    all_, police, private = overleg.case_all.pk, overleg.case_police.pk, overleg.case_private.pk
    assert _sources(docs[overleg.politie.pk]) == {
        all_: AccessLevel.PROCES,
        police: AccessLevel.PROCES,
    }
    assert _sources(docs[overleg.ggd.pk]) == {all_: AccessLevel.VOLLEDIG}
    # The chair's copy is cut at the coordinating gemeente's own levels.
    assert _sources(docs[None]) == {
        all_: AccessLevel.VOLLEDIG,
        police: AccessLevel.VOLLEDIG,
        private: AccessLevel.PROCES,
    }


# -- finding 4: revocation and lowering ----------------------------------------------------


def test_a_revoked_share_makes_the_old_pdf_404_logged_and_remakes_it_without_the_case(
    client_for, overleg, django_capture_on_commit_callbacks
):
    docs = _agenda(overleg, overleg.case_all, overleg.case_police)
    ggd_copy = docs[overleg.ggd.pk]
    old_file = ggd_copy.file.path
    client = client_for(overleg.ggd_user)
    assert client.get(_url(ggd_copy)).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        _revoke(overleg, overleg.case_all, overleg.ggd)

    assert client.get(_url(ggd_copy)).status_code == 404
    denied = AccessLog.objects.get(
        user=overleg.ggd_user, action=AccessLog.Action.PRINT, outcome=AccessLog.Outcome.DENIED
    )
    assert denied.case_id_ref == overleg.case_all.pk
    ggd_copy.refresh_from_db()
    assert ggd_copy.status == MeetingDocument.Status.WITHDRAWN
    assert not ggd_copy.file and not os.path.exists(old_file)
    # The GGD gets a copy made for today's levels: without the case it no longer shares.
    replacement = _current(overleg, overleg.ggd)
    assert _sources(replacement) == {}
    text = _text(replacement)
    assert overleg.case_all.reference not in text and ADDRESS not in text
    assert client.get(_url(replacement)).status_code == 200
    # Copies whose sources still hold are left alone.
    docs[overleg.politie.pk].refresh_from_db()
    assert docs[overleg.politie.pk].status == MeetingDocument.Status.READY


def test_a_lowered_share_withdraws_the_full_copy_and_remakes_it_at_process_level(
    client_for, overleg, django_capture_on_commit_callbacks
):
    docs = _agenda(overleg, overleg.case_all)
    ggd_copy = docs[overleg.ggd.pk]
    assert ADDRESS in _text(ggd_copy)

    with django_capture_on_commit_callbacks(execute=True):
        _lower(overleg, overleg.case_all, overleg.ggd, AccessLevel.PROCES)

    assert client_for(overleg.ggd_user).get(_url(ggd_copy)).status_code == 404
    denied = AccessLog.objects.get(user=overleg.ggd_user, outcome=AccessLog.Outcome.DENIED)
    assert (denied.case_id_ref, denied.level) == (overleg.case_all.pk, AccessLevel.PROCES)
    replacement = _current(overleg, overleg.ggd)
    assert _sources(replacement) == {overleg.case_all.pk: AccessLevel.PROCES}
    text = _text(replacement)
    assert overleg.case_all.reference in text
    assert ADDRESS not in text and NAME not in text


def test_the_download_rechecks_even_when_the_revocation_was_not_followed(
    client_for, overleg, django_capture_on_commit_callbacks
):
    """The receiver runs after the commit; if it never ran (a crash in between), the
    download itself refuses the document, logs it and has it withdrawn and made again."""
    docs = _agenda(overleg, overleg.case_all)
    ggd_copy = docs[overleg.ggd.pk]
    with django_capture_on_commit_callbacks(execute=False):
        _revoke(overleg, overleg.case_all, overleg.ggd)
    ggd_copy.refresh_from_db()
    assert ggd_copy.status == MeetingDocument.Status.READY  # nobody followed the revocation

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(overleg.ggd_user).get(_url(ggd_copy))
    assert response.status_code == 404
    assert AccessLog.objects.filter(
        user=overleg.ggd_user, case_id_ref=overleg.case_all.pk, outcome=AccessLog.Outcome.DENIED
    ).exists()
    ggd_copy.refresh_from_db()
    assert ggd_copy.status == MeetingDocument.Status.WITHDRAWN
    assert overleg.case_all.reference not in _text(_current(overleg, overleg.ggd))


def test_the_coordinator_cannot_fetch_a_copy_its_recipient_may_no_longer_have(
    client_for, overleg, django_capture_on_commit_callbacks
):
    docs = _agenda(overleg, overleg.case_all)
    ggd_copy = docs[overleg.ggd.pk]
    with django_capture_on_commit_callbacks(execute=False):  # only the download check
        _revoke(overleg, overleg.case_all, overleg.ggd)
    client = client_for(overleg.coordinator)
    assert client.get(_url(ggd_copy)).status_code == 404
    # The chair's copy still holds: the gemeente keeps its own share.
    assert client.get(_url(docs[None])).status_code == 200


def test_a_reader_whose_own_level_dropped_is_refused_the_chair_copy(
    client_for, overleg, django_capture_on_commit_callbacks
):
    docs = _agenda(overleg, overleg.case_all)
    with django_capture_on_commit_callbacks(execute=True):
        _lower(overleg, overleg.case_all, overleg.gemeente, AccessLevel.PROCES)
    assert client_for(overleg.coordinator).get(_url(docs[None])).status_code == 404
    # Every copy was cut at most at the gemeente's level, so every full one is remade.
    assert _sources(_current(overleg, overleg.ggd)) == {overleg.case_all.pk: AccessLevel.PROCES}


def test_a_share_revoked_while_the_pdf_is_being_made_is_not_in_it(
    overleg, monkeypatch, django_capture_on_commit_callbacks
):
    request_and_accept(overleg, overleg.case_all)
    made = services.send_agenda(actor=overleg.coordinator, meeting=overleg.meeting)
    ggd_copy = next(d for d in made if d.organisation_id == overleg.ggd.pk)
    real_render = pdf.render_pdf
    renders = []

    def render_then_revoke(document, **kwargs):
        result = real_render(document, **kwargs)
        if not renders:
            _revoke(overleg, overleg.case_all, overleg.ggd)
        renders.append(result[1])
        return result

    monkeypatch.setattr(pdf, "render_pdf", render_then_revoke)
    assert documents.generate(ggd_copy.pk) == "ready"
    assert renders == [{overleg.case_all.pk: AccessLevel.VOLLEDIG}, {}]
    assert _sources(ggd_copy) == {}
    assert overleg.case_all.reference not in _text(ggd_copy)


# -- finding 3: retention ------------------------------------------------------------------


def _close(overleg, case):
    set_case_state(case, overleg.consulent, closed_on=date(2024, 1, 15))


def test_destroying_a_case_removes_the_documents_made_from_it(
    client_for, overleg, django_capture_on_commit_callbacks
):
    docs = _agenda(overleg, overleg.case_all, overleg.case_police)
    ggd_copy, police_copy = docs[overleg.ggd.pk], docs[overleg.politie.pk]
    files = [ggd_copy.file.path, police_copy.file.path]
    client = client_for(overleg.ggd_user)
    assert client.get(_url(ggd_copy)).status_code == 200
    _close(overleg, overleg.case_all)

    with django_capture_on_commit_callbacks(execute=True):
        assert retention.run_retention_sweep(today=date(2026, 1, 15)) == 1

    assert not MeetingDocument.objects.filter(pk__in=[ggd_copy.pk, police_copy.pk]).exists()
    assert not MeetingDocumentSource.objects.filter(case_id=overleg.case_all.pk).exists()
    assert not any(os.path.exists(path) for path in files)
    assert client.get(_url(ggd_copy)).status_code == 404
    # New copies are made without the destroyed case; the politie keeps its other case.
    assert ADDRESS not in _text(_current(overleg, overleg.ggd))
    police_text = _text(_current(overleg, overleg.politie))
    assert overleg.case_all.reference not in police_text
    assert overleg.case_police.reference in police_text


def test_anonymising_a_case_remakes_the_documents_without_the_persons(
    client_for, overleg, django_capture_on_commit_callbacks
):
    docs = _agenda(overleg, overleg.case_all)
    ggd_copy = docs[overleg.ggd.pk]
    assert NAME in _text(ggd_copy)
    _close(overleg, overleg.case_all)
    RetentionRule.objects.create(
        organisation=overleg.corporatie, category=RetentionCategory.PERSONS, months_after_closure=6
    )

    with django_capture_on_commit_callbacks(execute=True):
        assert retention.run_retention_sweep(today=date(2024, 7, 15)) == 1

    ggd_copy.refresh_from_db()
    assert ggd_copy.status == MeetingDocument.Status.WITHDRAWN and not ggd_copy.file
    assert client_for(overleg.ggd_user).get(_url(ggd_copy)).status_code == 404
    text = _text(_current(overleg, overleg.ggd))
    assert overleg.case_all.reference in text
    assert NAME not in text
    assert ADDRESS not in text  # anonymising persons also wipes free text and the address
