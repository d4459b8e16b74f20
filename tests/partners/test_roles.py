import pytest
from django.contrib.auth.models import Group

from partners.models import Organisation, OrganisationKind
from partners.roles import ROLE_PERMISSIONS
from tests.factories import OrganisationFactory, UserFactory


@pytest.mark.django_db
@pytest.mark.parametrize("role", sorted(ROLE_PERMISSIONS))
def test_role_groups_exist_with_their_permissions(role):
    group = Group.objects.get(name=role)
    granted = {
        f"{app_label}.{codename}"
        for app_label, codename in group.permissions.values_list(
            "content_type__app_label", "codename"
        )
    }
    assert granted == set(ROLE_PERMISSIONS[role])


def test_role_decides_what_a_user_may_do(corporatie):
    medewerker = UserFactory(organisation=corporatie)
    lezer = UserFactory(organisation=corporatie, role="Lezer")
    privacy = UserFactory(organisation=corporatie, role="Privacy officer")
    assert medewerker.has_perm("cases.add_case")
    assert medewerker.has_perm("cases.add_note")
    assert lezer.has_perm("cases.view_case")
    assert not lezer.has_perm("cases.add_case")
    assert not lezer.has_perm("cases.add_note")
    assert privacy.has_perm("cases.view_accesslog")
    assert not privacy.has_perm("cases.view_case")


def test_each_organisation_has_its_own_group(db):
    organisation = OrganisationFactory(name="GGD Regio", kind=OrganisationKind.GGD)
    assert organisation.group.name == "Organisatie: GGD Regio"
    assert Organisation.objects.get(pk=organisation.pk).group == organisation.group


def test_organisation_group_follows_the_users_organisation(db):
    first = OrganisationFactory()
    second = OrganisationFactory()
    user = UserFactory(organisation=first, role="Medewerker")
    assert set(user.groups.all()) == {first.group, Group.objects.get(name="Medewerker")}

    user.organisation = second
    user.save()
    assert set(user.groups.all()) == {second.group, Group.objects.get(name="Medewerker")}
    assert not first.group.user_set.filter(pk=user.pk).exists()

    user.organisation = None
    user.save()
    assert set(user.groups.all()) == {Group.objects.get(name="Medewerker")}


def test_a_stray_organisation_group_is_removed_on_save(db):
    first = OrganisationFactory()
    second = OrganisationFactory()
    user = UserFactory(organisation=first)
    user.groups.add(second.group)  # e.g. added by hand in the admin
    user.save()
    assert first.group in user.groups.all()
    assert second.group not in user.groups.all()
