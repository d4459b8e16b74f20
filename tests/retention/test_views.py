from datetime import date

import pytest
from django.urls import reverse

from cases.models import RetentionCategory, RetentionRule
from cases.retention import selectors as retention_selectors
from cases.retention import services as retention
from tests.factories import UserFactory, make_case, set_case_state


@pytest.fixture
def case(consulent):
    return make_case(consulent)


@pytest.mark.django_db
def test_retention_rules_refuse_duplicates_and_zero(client_for, corporatie):
    beheer = UserFactory(organisation=corporatie, role="Functioneel beheerder")
    client = client_for(beheer)
    url = reverse("instellingen:retention")
    data = {"category": "personen", "months_after_closure": 0}
    assert "ten minste één maand" in client.post(url, data).text
    assert not RetentionRule.objects.exists()
    client.post(url, {**data, "months_after_closure": 12})
    response = client.post(url, {**data, "months_after_closure": 18})
    assert "bestaat al een bewaartermijn" in response.text
    assert RetentionRule.objects.get().months_after_closure == 12
    rule = RetentionRule.objects.get()
    assert rule.organisation == corporatie  # the functional admin's own organisation
    delete_url = reverse("instellingen:retention_delete", args=[rule.pk])
    assert "Weet u zeker" in client.get(delete_url).text
    assert RetentionRule.objects.exists()
    client.post(delete_url)
    assert not RetentionRule.objects.exists()


@pytest.mark.django_db
def test_privacy_sees_the_dry_run_report(client_for, consulent, corporatie, case):
    privacy = UserFactory(organisation=corporatie, role="Privacy officer")
    set_case_state(case, consulent, closed_on=date(2020, 1, 1))
    url = reverse("instellingen:retention_report")
    assert client_for(consulent).get(url).status_code == 403
    response = client_for(privacy).get(url)
    assert response.status_code == 200
    assert case.reference in response.text
    assert "hele zaak vernietigen" in response.text
    # Viewing the report removes nothing.
    case.refresh_from_db()
    assert client_for(privacy).post(reverse("instellingen:retention"), {}).status_code == 403


@pytest.mark.django_db
def test_the_retention_report_shows_only_the_own_organisations_cases(
    client_for, consulent, corporatie, case, other_org_user, settings
):
    """Issue 12: the report once listed every organisation's closed and destroyed cases."""
    settings.RETENTION_DEFAULT_MONTHS = 600  # only the free-text rules below are due

    privacy = UserFactory(organisation=corporatie, role="Privacy officer")
    foreign = make_case(other_org_user)
    foreign_done = make_case(other_org_user)
    own_done = make_case(consulent)
    for closed in (case, foreign, foreign_done, own_done):
        set_case_state(closed, closed.regisseur, closed_on=date(2020, 1, 1))
    for organisation in (corporatie, other_org_user.organisation):
        RetentionRule.objects.create(
            organisation=organisation,
            category=RetentionCategory.FREE_TEXT,
            months_after_closure=1,
        )
    for removal in retention_selectors.plan():
        if removal.case in (foreign_done, own_done):
            retention.apply(removal)

    html = client_for(privacy).get(reverse("instellingen:retention_report")).text
    assert case.reference in html
    assert own_done.reference in html
    assert foreign.reference not in html
    assert foreign_done.reference not in html


@pytest.mark.django_db
def test_a_case_destroyed_entirely_stays_in_its_own_organisations_report_only(
    client_for, consulent, corporatie, other_org_user, settings
):
    """Issue 12, finding 7: once the whole case was gone, its record could no longer be tied
    to the organisation that led it, and either leaked to every report or vanished from all."""
    settings.RETENTION_DEFAULT_MONTHS = 1
    own = make_case(consulent)
    foreign = make_case(other_org_user)
    for closed in (own, foreign):
        set_case_state(closed, closed.regisseur, closed_on=date(2020, 1, 1))
    for removal in retention_selectors.plan():
        assert removal.category == RetentionCategory.CASE
        retention.apply(removal)
    privacy = UserFactory(organisation=corporatie, role="Privacy officer")
    foreign_privacy = UserFactory(organisation=other_org_user.organisation, role="Privacy officer")

    html = client_for(privacy).get(reverse("instellingen:retention_report")).text
    assert own.reference in html
    assert foreign.reference not in html
    foreign_html = client_for(foreign_privacy).get(reverse("instellingen:retention_report")).text
    assert foreign.reference in foreign_html
    assert own.reference not in foreign_html
