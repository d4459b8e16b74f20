"""Property: whatever sequence of share / change / revoke / hand-over is applied, guardian's
object permissions, the participations and the one door (cases.access) agree."""

import contextlib

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cases import services
from cases.access import (
    access_level,
    cases_via_participations,
    full_access_q,
    visible_cases,
    with_access_level,
)
from cases.models import Case
from cases.models.choices import AccessLevel, LegalGround
from partners.models import OrganisationKind
from tests.factories import (
    OrganisationFactory,
    UserFactory,
    access_for,
    guardian_levels,
    make_case,
    sharing_levels,
)
from woonoverlast.refusals import Refusal

ORGS = 4
levels = st.sampled_from(list(AccessLevel.values))
org = st.integers(min_value=0, max_value=ORGS - 1)
operation = st.one_of(
    st.tuples(st.just("share"), org, levels),
    st.tuples(st.just("change"), org, levels),
    st.tuples(st.just("revoke"), org),
    st.tuples(st.just("lead"), org),
    st.tuples(st.just("regisseur"), org),
)


@pytest.fixture
def people(db):
    kinds = [
        OrganisationKind.CORPORATIE,
        OrganisationKind.GEMEENTE,
        OrganisationKind.POLITIE,
        OrganisationKind.GGD,
    ]
    return [
        UserFactory(organisation=OrganisationFactory(name=f"Org {n}", kind=kind))
        for n, kind in enumerate(kinds)
    ]


def _apply(step, people, case):
    kind, index, *rest = step
    target = people[index]
    actor = next(p for p in people if p.organisation_id == case.lead_organisation_id)
    case_access = access_for(actor, case)
    active = case.participations.filter(
        organisation_id=target.organisation_id, revoked_at__isnull=True
    ).first()
    if kind == "share":
        services.share_case(
            actor=actor,
            access=case_access,
            organisation=target.organisation,
            level=rest[0],
            legal_ground=LegalGround.PUBLIEKE_TAAK,
        )
    elif kind in ("change", "revoke") and active is not None:
        if kind == "change":
            services.change_share_level(
                actor=actor, access=case_access, participation=active, level=rest[0]
            )
        else:
            services.revoke_share(actor=actor, access=case_access, participation=active)
    elif kind == "lead":
        services.hand_over(actor=actor, access=case_access, lead_organisation=target.organisation)
    elif kind == "regisseur":
        services.hand_over(actor=actor, access=case_access, regisseur=target)


def _check(people, case):
    expected = sharing_levels(case)
    assert guardian_levels(case) == expected
    assert (
        case.participations.filter(
            organisation_id=case.lead_organisation_id, revoked_at__isnull=True
        ).count()
        == 0
    )
    assert expected.get(case.regisseur.organisation_id) == AccessLevel.VOLLEDIG
    for person in people:
        level = expected.get(person.organisation_id)
        assert access_level(person, case) == level
        assert visible_cases(person).filter(pk=case.pk).exists() == (level is not None)
        assert cases_via_participations(person).filter(pk=case.pk).exists() == (level is not None)
        full = Case.objects.filter(full_access_q(person), pk=case.pk).exists()
        assert full == (level == AccessLevel.VOLLEDIG)
        annotated = with_access_level(visible_cases(person), person).filter(pk=case.pk).first()
        assert (annotated.access_level if annotated else None) == level
        assert person.has_perm("cases.view_case_bestaan", case) == (level is not None)
        assert person.has_perm("cases.view_case_volledig", case) == (level == AccessLevel.VOLLEDIG)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(operation, min_size=1, max_size=8))
def test_guardian_and_participations_never_disagree(people, steps):
    with transaction.atomic():
        case = make_case(people[0])
        for step in steps:
            # A refusal must change nothing, which _check verifies.
            with contextlib.suppress(Refusal):
                _apply(step, people, case)
            case = Case.objects.select_related("regisseur").get(pk=case.pk)
            for person in people:  # permissions are cached per user object
                for cache in ("_perm_cache", "_user_perm_cache", "_group_perm_cache"):
                    person.__dict__.pop(cache, None)
                person.__dict__.pop("_guardian_perms_cache", None)
            _check(people, case)
        transaction.set_rollback(True)
