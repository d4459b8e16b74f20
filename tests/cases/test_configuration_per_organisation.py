"""Issue 12, finding 8: workflows, bewaartermijnen and reminder settings belong to an
organisation; the regional functional admin keeps the defaults; another organisation's
configuration is a 404 and is never changed."""

import logging

import pytest
from django.urls import reverse

from cases.models import ReminderSettings, RetentionCategory, RetentionRule, Stage, Workflow
from cases.notifications import reminders
from cases.services import workflow_config as config
from cases.services.records import workflow_for_new_case
from tests.factories import UserFactory, make_case
from woonoverlast.refusals import Refusal


@pytest.fixture
def default():
    return Workflow.objects.get(name="Standaard woonoverlast", status=Workflow.Status.PUBLISHED)


@pytest.fixture
def admin_a(corporatie):
    return UserFactory(username="beheer-a", organisation=corporatie, role="Functioneel beheerder")


@pytest.fixture
def admin_b(other_org):
    return UserFactory(username="beheer-b", organisation=other_org, role="Functioneel beheerder")


@pytest.fixture
def regional(partner_org):
    return UserFactory(
        username="beheer", organisation=partner_org, role="Regionaal functioneel beheerder"
    )


@pytest.fixture
def draft_a(admin_a, default):
    return config.copy_workflow(actor=admin_a, workflow=default)


# --- Workflows -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["workflow", "stage_add", "transition_add", "draft_discard", "migrate"]
)
def test_another_organisations_workflow_is_404_and_logged(
    client_for, admin_b, draft_a, name, caplog
):
    """Old code: every beheer view loaded any workflow by pk."""
    client = client_for(admin_b)
    with caplog.at_level(logging.WARNING, logger="woonoverlast.security"):
        assert client.get(reverse(f"beheer:{name}", args=[draft_a.pk])).status_code == 404
    assert any("werkwijze" in record.getMessage() for record in caplog.records)


def test_another_organisation_cannot_add_a_stage_publish_or_discard(client_for, admin_b, draft_a):
    """Old code: B's admin added a stage to A's draft and could publish it."""
    client = client_for(admin_b)
    stages = draft_a.stages.count()
    stage = {"code": "extra", "name": "Extra", "kader": "", "order": "50"}
    assert client.post(reverse("beheer:stage_add", args=[draft_a.pk]), stage).status_code == 404
    assert client.post(reverse("beheer:publish", args=[draft_a.pk])).status_code == 404
    assert client.post(reverse("beheer:draft_discard", args=[draft_a.pk])).status_code == 404
    assert client.post(reverse("beheer:draft_create", args=[draft_a.pk])).status_code == 404
    draft_a.refresh_from_db()
    assert draft_a.is_draft and draft_a.stages.count() == stages
    # The services refuse it as the views do: another organisation's workflow is not found.
    with pytest.raises(Refusal) as refused:
        config.save_stage(actor=admin_b, workflow=draft_a, **stage | {"order": 50})
    assert refused.value.kind == Refusal.NOT_FOUND
    with pytest.raises(Refusal) as refused:
        config.publish_workflow(actor=admin_b, workflow=draft_a)
    assert refused.value.kind == Refusal.NOT_FOUND
    assert draft_a.stages.count() == stages


def test_the_workflow_list_shows_the_defaults_and_the_own_organisation_only(
    client_for, admin_b, draft_a, other_org
):
    page = client_for(admin_b).get(reverse("beheer:workflows")).text
    assert "Standaard woonoverlast (standaard)" in page
    assert draft_a.organisation.name not in page
    assert "Overnemen als eigen concept" in page


def test_only_the_regional_admin_changes_the_default(client_for, admin_b, regional, default):
    with pytest.raises(Refusal, match="regionale functioneel beheerder") as refused:
        config.create_draft(actor=admin_b, workflow=default)
    assert refused.value.kind == Refusal.FORBIDDEN
    response = client_for(admin_b).post(
        reverse("beheer:draft_create", args=[default.pk]), follow=True
    )
    assert "regionale functioneel beheerder" in response.text
    assert not Workflow.objects.filter(status=Workflow.Status.DRAFT).exists()

    regional_draft = config.create_draft(actor=regional, workflow=default)
    assert regional_draft.organisation is None and regional_draft.version == 2
    # An organisation's admin may look at the default's draft, but not change it.
    client = client_for(admin_b)
    response = client.post(
        reverse("beheer:stage_add", args=[regional_draft.pk]),
        {"code": "extra", "name": "Extra", "kader": "", "order": "50"},
        follow=True,
    )
    assert "regionale functioneel beheerder" in response.text
    assert not regional_draft.stages.filter(code="extra").exists()


def test_copy_publish_and_return_to_the_default(admin_a, admin_b, consulent, default, draft_a):
    assert draft_a.organisation == admin_a.organisation and draft_a.version == 1
    assert draft_a.stages.count() == default.stages.count()
    config.publish_workflow(actor=admin_a, workflow=draft_a)
    default.refresh_from_db()
    assert default.status == Workflow.Status.PUBLISHED  # the default is not retired
    assert workflow_for_new_case(admin_a.organisation) == draft_a
    assert workflow_for_new_case(admin_b.organisation) == default
    assert make_case(consulent).workflow == draft_a

    assert config.use_default_workflow(actor=admin_a) == 1
    assert workflow_for_new_case(admin_a.organisation) == default


def test_migration_moves_only_the_own_organisations_cases(
    client_for, admin_a, consulent, other_org_user, default, draft_a
):
    """Old code: any admin migrated every running case of a version, other organisations'
    cases included."""
    case_a = make_case(consulent)
    case_b = make_case(other_org_user)
    config.publish_workflow(actor=admin_a, workflow=draft_a)
    mapping = {stage.pk: draft_a.stages.get(code=stage.code).pk for stage in default.stages.all()}
    moved = config.migrate_cases(actor=admin_a, source=default, target=draft_a, mapping=mapping)
    assert moved == 1
    case_a.refresh_from_db()
    case_b.refresh_from_db()
    assert case_a.workflow == draft_a and case_b.workflow == default


def test_a_workflow_of_another_organisation_is_no_migration_target(
    admin_b, other_org_user, default, draft_a, admin_a
):
    config.publish_workflow(actor=admin_a, workflow=draft_a)
    make_case(other_org_user)
    with pytest.raises(Refusal) as refused:
        config.migrate_cases(actor=admin_b, source=default, target=draft_a, mapping={})
    assert refused.value.kind == Refusal.NOT_FOUND


# --- Bewaartermijnen -----------------------------------------------------------------------


def test_the_retention_form_offers_no_organisation_and_saves_the_own(
    client_for, admin_b, corporatie, other_org
):
    """Old code: B's admin chose organisation A and set a one-month destroy rule for it."""
    client = client_for(admin_b)
    url = reverse("instellingen:retention")
    page = client.get(url).text
    assert 'name="organisation"' not in page and corporatie.name not in page
    client.post(
        url,
        {"organisation": corporatie.pk, "category": "zaak", "months_after_closure": 1},
    )
    rule = RetentionRule.objects.get()
    assert rule.organisation == other_org
    assert not RetentionRule.objects.filter(organisation=corporatie).exists()
    # A default is not the organisation admin's to set.
    response = client.post(
        url, {"scope": "standaard", "category": "personen", "months_after_closure": 1}
    )
    assert response.status_code == 200
    assert not RetentionRule.objects.filter(organisation__isnull=True).exists()


def test_another_organisations_rule_is_404_and_not_listed(client_for, admin_b, corporatie):
    rule = RetentionRule.objects.create(
        organisation=corporatie, category=RetentionCategory.CASE, months_after_closure=24
    )
    client = client_for(admin_b)
    url = reverse("instellingen:retention_delete", args=[rule.pk])
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert RetentionRule.objects.filter(pk=rule.pk).exists()
    assert corporatie.name not in client.get(reverse("instellingen:retention")).text


def test_the_regional_admin_keeps_the_default_rules(client_for, regional, admin_b):
    url = reverse("instellingen:retention")
    client_for(regional).post(
        url, {"scope": "standaard", "category": "zaak", "months_after_closure": 60}
    )
    rule = RetentionRule.objects.get(organisation__isnull=True)
    assert rule.months_after_closure == 60
    client = client_for(admin_b)
    assert "alle organisaties (algemeen)" in client.get(url).text  # seen, not changed
    response = client.post(reverse("instellingen:retention_delete", args=[rule.pk]), follow=True)
    assert "regionale functioneel beheerder" in response.text
    assert RetentionRule.objects.filter(pk=rule.pk).exists()


# --- Herinneringen -------------------------------------------------------------------------


def _thresholds(**overrides):
    return {
        "action_due_working_days": 2,
        "stage_long_overdue_factor": "2",
        "melder_contact_working_days": 2,
        "long_open_instrument_name": "Wvggz verkennend onderzoek",
        "long_open_days": 14,
        **overrides,
    }


def test_reminder_settings_per_organisation_with_a_regional_default(
    client_for, admin_a, admin_b, regional, corporatie, other_org
):
    """Old code: one row for everyone, changed by any functional admin."""
    client_for(admin_a).post(
        reverse("instellingen:reminders"), _thresholds(melder_contact_working_days=5)
    )
    assert ReminderSettings.for_organisation(corporatie.pk).melder_contact_working_days == 5
    assert ReminderSettings.for_organisation(other_org.pk).melder_contact_working_days == 2

    assert client_for(admin_b).get(reverse("instellingen:reminders_default")).status_code == 403
    client_for(regional).post(
        reverse("instellingen:reminders_default"), _thresholds(melder_contact_working_days=3)
    )
    assert ReminderSettings.current().melder_contact_working_days == 3
    assert ReminderSettings.for_organisation(other_org.pk).melder_contact_working_days == 3
    assert ReminderSettings.for_organisation(corporatie.pk).melder_contact_working_days == 5

    sweep = reminders.ReminderConfig()
    assert sweep.of(corporatie.pk).melder_contact_working_days == 5
    assert sweep.of(other_org.pk).melder_contact_working_days == 3

    client = client_for(admin_a)
    url = reverse("instellingen:reminders_use_default")
    assert "Wilt u" in client.get(url).text
    client.post(url)
    assert ReminderSettings.for_organisation(corporatie.pk).melder_contact_working_days == 3


def test_a_case_is_reminded_by_its_own_organisations_threshold(admin_a, consulent, corporatie):
    from cases.notifications import services as settings_services

    settings_services.update_reminder_settings(
        actor=admin_a, organisation_id=corporatie.pk, stage_long_overdue_factor=9
    )
    case = make_case(consulent)
    sweep = reminders.ReminderConfig()
    assert sweep.of(case.lead_organisation_id).stage_long_overdue_factor == 9
    assert sweep.of(None).stage_long_overdue_factor == 2
    with pytest.raises(Refusal) as refused:
        settings_services.update_reminder_settings(
            actor=admin_a, organisation_id=None, stage_long_overdue_factor=9
        )
    assert refused.value.kind == Refusal.FORBIDDEN


def test_stages_are_only_counted_for_the_own_organisation(
    client_for, admin_b, consulent, other_org_user, default
):
    make_case(consulent)
    make_case(other_org_user)
    page = client_for(admin_b).get(reverse("beheer:workflow", args=[default.pk])).text
    assert "1 lopende zaak" in page
    assert Stage.objects.filter(workflow=default).exists()
