"""Each partner's own contributions follow its own retention rule; retention end to end.

Issue 13: a partner is its own controller of its logboek, bijlagen and maatregelen on a
shared case, so its rule removes them; the case skeleton follows the aanbrengende
organisation's rule. And retention runs end to end on a case closed through the app.
"""

import os
from datetime import date, datetime, timedelta

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from cases import access, services
from cases.models import (
    Attachment,
    Case,
    CaseResult,
    DestructionRecord,
    Event,
    Measure,
    Note,
    RetentionCategory,
    RetentionRule,
)
from cases.models.choices import AccessLevel, Visibility
from cases.retention import selectors as retention_selectors
from cases.retention import services as retention
from cases.retention.tasks import retention_sweep
from cases.services.lifecycle import close_case
from partners.models import Instrument
from tests.factories import UserFactory, access_for, add_note, make_case, set_case_state, share
from tests.retention.test_retention import PDF, rows_mentioning

pytestmark = pytest.mark.django_db

PARTNER_TEXT = "Gemeentenotitie over Zwaantje Uniekenaamsma"
LEAD_TEXT = "Corporatienotitie over de trap"


def closed_through_the_app(user, case, closed_on):
    """Closed with close_case, in the final stage, as a caseworker would do it."""
    set_case_state(case, user, stage=case.workflow.stages.get(is_final=True))
    return close_case(
        actor=user,
        access=access_for(user, case),
        result=CaseResult.objects.get(code="overlast-gestopt"),
        note="Geen meldingen meer na de afspraken.",
        closed_on=closed_on,
        melder_informed=True,
        veroorzaker_informed=True,
    )


def at(day: date, days_later: int = 0):
    moment = datetime.combine(day + timedelta(days=days_later), datetime.min.time())
    return time_machine.travel(timezone.make_aware(moment.replace(hour=12)), tick=False)


@pytest.fixture
def shared_case(consulent, partner_user):
    """A case of the corporatie with the gemeente's own note, measure and attachment."""
    with at(date(2024, 2, 1)):
        case = make_case(consulent)
        share(case, partner_user.organisation, AccessLevel.VOLLEDIG, consulent)
        add_note(consulent, case, text=LEAD_TEXT)
        add_note(partner_user, case, text=PARTNER_TEXT)
        partner = access_for(partner_user, case)
        services.add_measure(
            actor=partner_user,
            access=partner,
            instrument=Instrument.objects.filter(partner_kind="gemeente").first(),
            owner_organisation=partner_user.organisation,
            start_date=date(2024, 2, 1),
            status=Measure.Status.DONE,
            outcome=PARTNER_TEXT,
        )
        attachment = services.add_attachment(
            actor=partner_user,
            access=access_for(partner_user, case),
            upload=SimpleUploadedFile("gemeente.pdf", PDF, content_type="application/pdf"),
            content_type="application/pdf",
            description="",
            visibility=Visibility.OWN_ORGANISATION,
        )
        case = closed_through_the_app(consulent, case, date(2024, 2, 1))
    case.attachment_path = attachment.file.path
    return case


def test_a_partners_rule_removes_its_own_contributions_and_nothing_else(
    shared_case, corporatie, partner_org, client_for
):
    RetentionRule.objects.create(
        organisation=partner_org, category=RetentionCategory.CASE, months_after_closure=6
    )
    due = shared_case.nazorg_until
    with at(due, 200):
        planned = retention_selectors.plan()
    assert [(p.case.pk, p.category, p.organisation_id) for p in planned] == [
        (shared_case.pk, RetentionCategory.CASE, partner_org.pk)
    ]
    partner_privacy = UserFactory(organisation=partner_org, role="Privacy officer")
    lead_privacy = UserFactory(organisation=corporatie, role="Privacy officer")
    report = reverse("instellingen:retention_report")
    with at(due, 200):
        seen = client_for(partner_privacy).get(report).text
        assert shared_case.reference in seen and "eigen bijdragen" in seen
        assert shared_case.reference not in client_for(lead_privacy).get(report).text
        assert retention.run_retention_sweep() == 1
        assert retention.run_retention_sweep() == 0  # done once

    assert not Note.objects.filter(case=shared_case, organisation=partner_org).exists()
    assert not Measure.objects.filter(case=shared_case).exists()
    assert not Attachment.objects.filter(case=shared_case).exists()
    assert not os.path.exists(shared_case.attachment_path)
    assert rows_mentioning("Zwaantje") == []  # the rows and their history rows
    # The skeleton and the lead's own note stay, by the lead's (longer) rule.
    assert Case.objects.filter(pk=shared_case.pk).exists()
    assert Note.objects.get(case=shared_case).text == LEAD_TEXT
    assert Event.objects.filter(case=shared_case, kind=Event.Kind.NOTE_ADDED).count() == 2
    record = DestructionRecord.objects.get(case_id_ref=shared_case.pk)
    assert (record.organisation_id_ref, record.lead_organisation_id_ref) == (
        partner_org.pk,
        corporatie.pk,
    )
    assert (record.removed["note"], record.removed["measure"], record.removed["attachment"]) == (
        1,
        1,
        1,
    )
    # Only the partner's privacy officer reads the record of its own contributions.
    assert list(access.retention_records(partner_privacy)) == [record]
    assert list(access.retention_records(lead_privacy)) == []


def test_what_the_lead_removes_from_the_whole_case_is_no_partner_removal(
    shared_case, corporatie, partner_org
):
    RetentionRule.objects.create(
        organisation=corporatie, category=RetentionCategory.PERSONS, months_after_closure=6
    )
    RetentionRule.objects.create(
        organisation=partner_org, category=RetentionCategory.FREE_TEXT, months_after_closure=6
    )
    with at(shared_case.nazorg_until, 200):
        planned = retention_selectors.plan()
        assert [(p.category, p.organisation_id) for p in planned] == [
            (RetentionCategory.PERSONS, None)
        ]
        assert retention.run_retention_sweep() == 1
    # Anonymising the case takes the partner's text along: no text anywhere (ADR 0026).
    assert rows_mentioning("Zwaantje") == []
    assert rows_mentioning(LEAD_TEXT) == []


def test_a_partner_rule_shorter_than_the_leads_for_free_text(shared_case, corporatie, partner_org):
    RetentionRule.objects.create(
        organisation=partner_org, category=RetentionCategory.FREE_TEXT, months_after_closure=3
    )
    with at(shared_case.nazorg_until, 100):
        assert retention.run_retention_sweep() == 1
    note = Note.objects.get(case=shared_case, organisation=partner_org)
    assert note.text == retention.REMOVED_TEXT
    assert Note.objects.get(case=shared_case, organisation=corporatie).text == LEAD_TEXT
    assert rows_mentioning("Zwaantje") == []
    assert rows_mentioning(LEAD_TEXT)  # the lead's own note keeps its text
    assert Attachment.objects.filter(case=shared_case).exists()  # only text was due
    assert note.history.count() == 1


def test_retention_end_to_end_on_a_case_closed_through_the_app(
    consulent, corporatie, client_for, settings
):
    """Closed with close_case, anonymised by the organisation's rule, then destroyed by the
    default period: the nightly task does both, with a record each in the report.

    The dates lie in the past: the database's own purge of the access log (part of the
    sweep) checks its cut-off against the database clock, which time-machine does not move."""
    settings.RETENTION_DEFAULT_MONTHS = 24
    RetentionRule.objects.create(
        organisation=corporatie, category=RetentionCategory.PERSONS, months_after_closure=6
    )
    with at(date(2023, 3, 3)):
        case = make_case(consulent, street="Eindpuntsteeg", opened_on=date(2023, 3, 3))
        add_note(consulent, case, text="Gesprek met Zwaantje Uniekenaamsma")
    with at(date(2023, 4, 17)):
        case = closed_through_the_app(consulent, case, date(2023, 4, 17))
    assert case.nazorg_until > case.closed_on  # the period counts from the end of nazorg
    privacy = UserFactory(organisation=corporatie, role="Privacy officer")
    report = reverse("instellingen:retention_report")

    with at(case.nazorg_until, -1):  # the day before the term: nothing yet
        assert retention_sweep() == 0
    with at(case.nazorg_until, 190):
        assert "persoonsgegevens anonimiseren" in client_for(privacy).get(report).text
        assert retention_sweep() == 1
    kept = Case.objects.get(pk=case.pk)
    assert kept.opened_on == date(2023, 3, 1) and kept.postcode == "1234"
    assert rows_mentioning("Zwaantje") == [] and rows_mentioning("Eindpuntsteeg") == []

    with at(case.nazorg_until, 31 * 24):
        assert retention_sweep() == 1
        page = client_for(privacy).get(report).text
    assert not Case.objects.filter(pk=case.pk).exists()
    records = DestructionRecord.objects.filter(case_id_ref=case.pk)
    assert set(records.values_list("category", flat=True)) == {
        RetentionCategory.PERSONS,
        RetentionCategory.CASE,
    }
    # The records keep the month of the case's dates only, like the anonymised case did.
    assert {(r.opened_on, r.closed_on) for r in records} == {(date(2023, 3, 1), date(2023, 4, 1))}
    assert page.count(case.reference) == 2
    assert "hele zaak vernietigen" in page
