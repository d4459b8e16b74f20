"""Factories and helpers for tests. Case data is written through cases.services, as in the app."""

from __future__ import annotations

import importlib

import factory
from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from django.utils import timezone
from factory.django import DjangoModelFactory

from cases import services
from cases.access import CaseAccess, access_level
from cases.models import Case, NuisanceCategory, Participation
from cases.models.choices import AccessLevel, LegalGround, NoteKind, ReportSource, Visibility
from partners.models import Organisation, OrganisationKind, User
from partners.roles import ROLE_PERMISSIONS

PASSWORD = "correct-paard-batterij-niet"


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisatie {n}")
    kind = OrganisationKind.CORPORATIE


class UserFactory(DjangoModelFactory):
    """A user at an organisation with one role group (default Medewerker; role="" for none)."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    first_name = factory.Sequence(lambda n: f"Voornaam{n}")
    last_name = factory.Sequence(lambda n: f"Achternaam{n}")
    organisation = factory.SubFactory(OrganisationFactory)
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def role(obj, create, extracted, **kwargs):
        if not create:
            return
        role = "Medewerker" if extracted is None else extracted
        if role:
            assert role in ROLE_PERMISSIONS, f"unknown role {role!r}"
            obj.groups.add(Group.objects.get(name=role))
        # Drop cached permissions, should anything have been asked before the group was added.
        for cache in ("_perm_cache", "_user_perm_cache", "_group_perm_cache"):
            obj.__dict__.pop(cache, None)


def seed_reference_data():
    """Categories and the default workflow, as migration 0003 seeds them.

    Transactional tests flush the database afterwards, which removes migration data; tests
    that run with `transactional_db` call this first.
    """
    for name in (
        "cases.migrations.0003_seed_categories_and_default_workflow",
        "cases.migrations.0008_default_transitions",
        "cases.migrations.0052_seed_case_results_and_address_keys",
        "partners.migrations.0011_seed_instruments",
    ):
        importlib.import_module(name).seed(django_apps, None)


def category(code: str = "geluid") -> NuisanceCategory:
    return NuisanceCategory.objects.get(code=code)


CASE_DEFAULTS = {
    "street": "Dorpsstraat",
    "house_number": "12",
    "postcode": "1234 AB",
    "city": "Utrecht",
    "wijk": "Noord",
    "summary": "Geluidsoverlast in de nacht, al enkele weken.",
}


def make_case(user, **overrides) -> Case:
    """Open a case as `user` through cases.services.create_case."""
    fields = {**CASE_DEFAULTS, **overrides}
    categories = fields.pop("categories", None)
    if categories is None:
        categories = [category("geluid")]
    return services.create_case(actor=user, categories=categories, **fields)


def access_for(user, case: Case) -> CaseAccess:
    """The CaseAccess the one door (cases.access) would hand this user."""
    level = access_level(user, case)
    assert level is not None, f"{user} has no access to {case}"
    return CaseAccess(case=case, user=user, level=level)


def share(case: Case, organisation: Organisation, level: str, shared_by) -> Participation:
    """A sharing decision through cases.services.share_case, so guardian agrees with it."""
    assert level in AccessLevel.values
    return services.share_case(
        actor=shared_by,
        access=access_for(shared_by, case),
        organisation=organisation,
        level=level,
        legal_ground=LegalGround.CONVENANT,
        convenant_name="Convenant woonoverlast",
    )


def add_report(user, case: Case, **overrides):
    fields = {
        "received_at": timezone.now(),
        "category": category("geluid"),
        "description": "Harde muziek tot drie uur 's nachts.",
        "source": ReportSource.TELEFOON,
        **overrides,
    }
    return services.add_report(actor=user, access=access_for(user, case), **fields)


def add_note(user, case: Case, **overrides):
    fields = {
        "kind": NoteKind.GESPREK,
        "occurred_on": timezone.localdate(),
        "text": "Gesprek met de bewoner gevoerd.",
        "visibility": Visibility.OWN_ORGANISATION,
        **overrides,
    }
    return services.add_note(actor=user, access=access_for(user, case), **fields)


def add_person(user, case: Case, role: str = "veroorzaker", **person_fields):
    return services.add_person(
        actor=user, access=access_for(user, case), role=role, **person_fields
    )


def set_case_state(case: Case, actor, **fields) -> Case:
    """Put a case in a stage or close it for a test. No service does this yet (the workflow
    issue brings transitions with guards); history is still recorded for the actor."""
    for name, value in fields.items():
        setattr(case, name, value)
    case._history_user = actor
    case.save()
    return case


def guardian_levels(case: Case) -> dict[int, str]:
    """organisation id → level, read from guardian's object permissions on the case."""
    from cases.access.grants import level_from_codenames
    from cases.models import CaseGroupObjectPermission

    codenames: dict[int, set[str]] = {}
    rows = CaseGroupObjectPermission.objects.filter(content_object=case).values_list(
        "group__organisation__pk", "permission__codename"
    )
    for organisation_id, codename in rows:
        codenames.setdefault(organisation_id, set()).add(codename)
    return {org: level_from_codenames(names) for org, names in codenames.items()}


def sharing_levels(case: Case) -> dict[int, str]:
    """organisation id → level, from the lead and the active participations."""
    case.refresh_from_db()
    levels = dict(
        case.participations.filter(revoked_at__isnull=True).values_list("organisation_id", "level")
    )
    levels[case.lead_organisation_id] = AccessLevel.VOLLEDIG
    return levels
