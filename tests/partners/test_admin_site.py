"""Issue 12, findings 1 and 14: the Django admin is for superusers only, and even there a
workflow is published only through the service that validates it."""

import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from cases.models import Workflow
from partners.models import User
from tests.factories import PASSWORD, UserFactory

BACKEND = "partners.backends.UserBackend"


@pytest.fixture
def beheerder_b(other_org):
    return UserFactory(username="beheerder-b", organisation=other_org, role="Beheerder")


@pytest.fixture
def root(db):
    return User.objects.create_superuser("root", "root@example.invalid", PASSWORD)


def test_the_beheerder_role_needs_no_staff_flag_and_the_admin_refuses_staff(
    client, beheerder_b, corporatie
):
    """Old code: a Beheerder with is_staff opened /admin/ and could edit any user, himself
    included (superuser, groups, organisation)."""
    beheerder_b.is_staff = True
    beheerder_b.save()
    client.force_login(beheerder_b, backend=BACKEND)
    change = reverse("admin:partners_user_change", args=[beheerder_b.pk])
    for url in (reverse("admin:index"), reverse("admin:partners_user_changelist"), change):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("admin:login"))
    client.post(change, {"username": beheerder_b.username, "is_superuser": "on"})
    client.post(change, {"username": beheerder_b.username, "organisation": corporatie.pk})
    beheerder_b.refresh_from_db()
    assert not beheerder_b.is_superuser
    assert beheerder_b.organisation != corporatie


def test_a_superuser_still_uses_the_admin(client, root):
    client.force_login(root, backend=BACKEND)
    assert client.get(reverse("admin:partners_user_changelist")).status_code == 200


def test_the_data_migration_clears_old_staff_flags(beheerder_b, root):
    beheerder = beheerder_b
    beheerder.is_staff = True
    beheerder.save()
    migration = importlib.import_module("partners.migrations.0053_admin_is_for_superusers")
    migration.clear_staff_flags(apps, None)
    beheerder.refresh_from_db()
    root.refresh_from_db()
    assert not beheerder.is_staff and root.is_staff


@pytest.fixture
def empty_default_draft(db):
    """A draft of the default workflow without stages: publishing it would stop every
    organisation without a workflow of its own from opening cases."""
    return Workflow.objects.create(name="Standaard woonoverlast", version=99)


def test_the_admin_cannot_set_a_workflows_status(client, root, empty_default_draft):
    """Old code: status was an editable field of the workflow's admin form."""
    client.force_login(root, backend=BACKEND)
    url = reverse("admin:cases_workflow_change", args=[empty_default_draft.pk])
    page = client.get(url).text
    assert 'name="status"' not in page
    client.post(
        url,
        {
            "name": empty_default_draft.name,
            "status": Workflow.Status.PUBLISHED,
            "stages-TOTAL_FORMS": "0",
            "stages-INITIAL_FORMS": "0",
        },
    )
    empty_default_draft.refresh_from_db()
    assert empty_default_draft.is_draft


def test_publishing_from_the_admin_goes_through_the_validating_service(
    client, root, empty_default_draft
):
    client.force_login(root, backend=BACKEND)
    response = client.post(
        reverse("admin:cases_workflow_changelist"),
        {"action": "publish", "_selected_action": [empty_default_draft.pk]},
        follow=True,
    )
    assert "is niet gepubliceerd" in response.text
    assert "De werkwijze heeft geen fasen." in response.text
    empty_default_draft.refresh_from_db()
    assert empty_default_draft.is_draft
    published = Workflow.objects.get(name="Standaard woonoverlast", version=1)
    assert published.status == Workflow.Status.PUBLISHED  # the working default stays
