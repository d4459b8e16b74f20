"""The session's user comes with their organisation and permissions in one query, and those
permissions are exactly the ones Django's ModelBackend would read in two more."""

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from partners.backends import UserBackend


def _model_backend_permissions(user) -> set[str]:
    fresh = type(user).objects.get(pk=user.pk)
    return ModelBackend().get_all_permissions(fresh)


def test_user_permissions_and_organisation_in_one_query(consulent):
    consulent.user_permissions.add(Permission.objects.get(codename="view_figures"))
    with CaptureQueriesContext(connection) as captured:
        user = UserBackend().get_user(consulent.pk)
        assert user.organisation.name
        assert user.has_perm("cases.add_case")
        assert user.has_perm("cases.view_figures")
        assert not user.has_perm("partners.add_user")
    assert len(captured) == 1
    assert user.get_all_permissions() == _model_backend_permissions(consulent)


def test_a_role_taken_away_is_gone_on_the_next_request(consulent):
    assert UserBackend().get_user(consulent.pk).has_perm("cases.add_case")
    consulent.groups.remove(Group.objects.get(name="Medewerker"))
    user = UserBackend().get_user(consulent.pk)
    assert not user.has_perm("cases.add_case")
    assert user.get_all_permissions() == _model_backend_permissions(consulent) == set()


def test_an_inactive_user_is_not_loaded(consulent):
    consulent.is_active = False
    consulent.save(update_fields=["is_active"])
    assert UserBackend().get_user(consulent.pk) is None
