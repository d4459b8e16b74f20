"""Bewaartermijnen: after the sweep no trace of a person remains, the records that must stay do."""

from datetime import date

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import DatabaseError, connection, models, transaction
from django.urls import reverse

from cases import access, services
from cases.models import (
    AccessLog,
    Attachment,
    Case,
    DestructionRecord,
    Event,
    Person,
    RetentionCategory,
    RetentionRule,
    Transition,
)
from cases.models.choices import Visibility
from cases.retention import selectors as retention_selectors
from cases.retention import services as retention
from tests.factories import (
    access_for,
    add_note,
    add_person,
    add_report,
    make_case,
    set_case_state,
)

NAME = "Zwaantje"
SURNAME = "Uniekenaamsma"
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def rows_mentioning(text: str) -> list[str]:
    """Every row in every table (history tables included) with `text` in a text column."""
    found = []
    for model in apps.get_models():
        text_fields = [
            f.name
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField | models.JSONField)
        ]
        if not text_fields:
            continue
        query = models.Q()
        for name in text_fields:
            query |= models.Q(**{f"{name}__icontains": text})
        for pk in model._base_manager.filter(query).values_list("pk", flat=True):
            found.append(f"{model._meta.label}:{pk}")
    return found


@pytest.fixture
def full_case(consulent, client_for):
    """A closed case full of personal data, with history, events, a file and access-log rows."""
    case = make_case(consulent, summary=f"{NAME} {SURNAME} maakt al maanden overlast.")
    add_person(consulent, case, first_name=NAME, last_name=SURNAME, birth_date=date(1970, 1, 1))
    add_report(
        consulent,
        case,
        description=f"Melding over {SURNAME}.",
        new_melder={"last_name": "Meldersma"},
    )
    note = add_note(consulent, case, text=f"Huisbezoek bij {NAME} {SURNAME}.")
    note.text = f"Huisbezoek bij {NAME} {SURNAME}, aangevuld."
    note._history_user = consulent
    note.save()  # a second history row with the name
    upload = SimpleUploadedFile("verslag.pdf", PDF, content_type="application/pdf")
    attachment = services.add_attachment(
        actor=consulent,
        access=access_for(consulent, case),
        upload=upload,
        content_type="application/pdf",
        description=f"Verslag {SURNAME}",
        visibility=Visibility.OWN_ORGANISATION,
    )
    step = Transition.objects.filter(workflow=case.workflow, from_stage=case.stage).first()
    services.transition_case(
        actor=consulent,
        access=access_for(consulent, case),
        transition=step,
        justification=f"Gesprek met {SURNAME} leverde niets op.",
    )
    client_for(consulent).get(reverse("cases:detail", args=[case.reference]))
    case.refresh_from_db()
    set_case_state(case, consulent, closed_on=date(2024, 1, 15))
    case.attachment_path = attachment.file.path
    return case


@pytest.mark.django_db
def test_the_default_period_destroys_the_case_and_leaves_no_trace(full_case, consulent):
    assert rows_mentioning(SURNAME), "the fixture must hold the name before the sweep"
    planned = retention_selectors.plan(today=date(2026, 1, 15))
    assert [(p.case.pk, p.category) for p in planned] == [(full_case.pk, RetentionCategory.CASE)]
    # The dry run removes nothing.
    assert Case.objects.filter(pk=full_case.pk).exists()
    logged_before = AccessLog.objects.filter(case_id_ref=full_case.pk).count()
    assert logged_before >= 1

    assert retention.run_retention_sweep(today=date(2026, 1, 15)) == 1

    assert rows_mentioning(SURNAME) == []
    assert rows_mentioning("Meldersma") == []
    assert not Case.objects.filter(pk=full_case.pk).exists()
    assert not Case.history.filter(id=full_case.pk).exists()
    assert not Event.objects.filter(case_id=full_case.pk).exists()
    assert not Person.history.filter(last_name=SURNAME).exists()
    assert not access.cases_with_person_named(consulent, SURNAME).exists()
    import os

    assert not os.path.exists(full_case.attachment_path)
    record = DestructionRecord.objects.get(case_id_ref=full_case.pk)
    assert record.case_reference == full_case.reference
    assert record.category == RetentionCategory.CASE
    assert record.removed["bijlagen"] == 1
    assert AccessLog.objects.filter(case_id_ref=full_case.pk).count() == logged_before
    # A second sweep finds nothing more to do.
    assert retention.run_retention_sweep(today=date(2026, 1, 16)) == 0


@pytest.mark.django_db
def test_nothing_is_removed_before_the_period_has_passed(full_case):
    assert retention_selectors.plan(today=date(2026, 1, 14)) == []
    assert retention.run_retention_sweep(today=date(2026, 1, 14)) == 0
    assert Case.objects.filter(pk=full_case.pk).exists()


@pytest.mark.django_db
def test_an_organisation_rule_anonymises_persons_and_keeps_the_case(
    full_case, consulent, corporatie
):
    RetentionRule.objects.create(
        organisation=corporatie, category=RetentionCategory.PERSONS, months_after_closure=6
    )
    planned = retention_selectors.plan(today=date(2024, 7, 15))
    assert [p.category for p in planned] == [RetentionCategory.PERSONS]
    assert retention.run_retention_sweep(today=date(2024, 7, 15)) == 1

    assert rows_mentioning(SURNAME) == []
    assert rows_mentioning("Meldersma") == []
    case = Case.objects.get(pk=full_case.pk)
    assert case.reference == full_case.reference
    assert not case.case_persons.exists()
    assert not Attachment.objects.filter(case=case).exists()
    # History restarts from the anonymised state: one snapshot, no old values.
    assert case.history.count() == 1
    # Lead times survive: the stage change event keeps its stage ids.
    stage_change = Event.objects.get(case=case, kind=Event.Kind.STAGE_CHANGED)
    assert stage_change.data["to_id"] == case.stage_id
    assert stage_change.data["to"] == case.stage.name
    assert stage_change.data["justification"] == retention.REMOVED_TEXT
    # The whole case still goes after the default period.
    assert [p.category for p in retention_selectors.plan(today=date(2026, 1, 15))] == [
        RetentionCategory.CASE
    ]


@pytest.mark.django_db
def test_a_person_in_another_open_case_stays_there(full_case, consulent):
    person = Person.objects.get(last_name=SURNAME)
    other = make_case(consulent)
    services.add_person(
        actor=consulent, access=access_for(consulent, other), role="veroorzaker", person=person
    )
    retention.run_retention_sweep(today=date(2026, 1, 15))
    assert Person.objects.filter(pk=person.pk).exists()
    assert other.case_persons.filter(person=person).exists()


@pytest.mark.django_db
def test_another_organisations_rule_does_not_apply(full_case, partner_org):
    RetentionRule.objects.create(
        organisation=partner_org, category=RetentionCategory.CASE, months_after_closure=1
    )
    assert retention_selectors.plan(today=date(2024, 3, 1)) == []


@pytest.mark.django_db
def test_the_access_log_is_purged_after_its_own_period(consulent, settings):
    settings.ACCESS_LOG_RETENTION_MONTHS = 12
    # On PostgreSQL the period is fixed into the owner's purge function: a new period takes
    # effect when the owner re-creates it after migrate (ADR 0016).
    call_command("grant_app_role")
    import time_machine

    with time_machine.travel("2026-11-21 12:00 +0100", tick=False):
        recent = AccessLog.objects.create(username="y", action="view", outcome="allowed")
    with time_machine.travel("2024-01-01 12:00 +0100", tick=False):
        ancient = AccessLog.objects.create(username="z", action="view", outcome="allowed")
    with time_machine.travel("2026-11-21 12:00 +0100", tick=False):
        retention.purge_access_log()
    assert AccessLog.objects.filter(pk=recent.pk).exists()
    assert not AccessLog.objects.filter(pk=ancient.pk).exists()


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger is PostgreSQL-only")
def test_only_the_closed_case_loses_its_events(consulent):
    first, second = make_case(consulent), make_case(consulent)
    with pytest.raises(DatabaseError), transaction.atomic():
        retention._delete_events(first)  # still open
    set_case_state(first, consulent, closed_on=date(2024, 1, 15))
    with pytest.raises(DatabaseError), transaction.atomic():
        Event.objects.filter(case=first).update(kind="x")
    with pytest.raises(DatabaseError), transaction.atomic():
        Event.objects.filter(case=first).delete()
    assert retention._delete_events(first) == 1
    AccessLog.objects.create(username="x", action="view", outcome="allowed")
    with pytest.raises(DatabaseError), transaction.atomic():
        AccessLog.objects.all().delete()
    assert Event.objects.filter(case=second).exists()
    assert not Event.objects.filter(case=first).exists()
