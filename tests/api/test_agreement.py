"""The API and the app agree on what each organisation sees: for random sharing (and
revocations), the API's list is `cases.access.visible_cases` of the organisation's people,
each case at the level the door gives it."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cases import access, services
from cases.models.choices import AccessLevel
from partners.models import OrganisationKind
from tests.factories import OrganisationFactory, UserFactory, access_for, make_case, share

LEVEL_OR_NONE = st.sampled_from([None, *AccessLevel.values])


def _api_levels(api) -> dict[str, str]:
    levels, url = {}, "/api/v1/zaken/?aantal=200"
    while url:
        page = api.get(url).json()
        levels.update({case["referentie"]: case["niveau"] for case in page["results"]})
        url = page["next"]
    return levels


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    sharing=st.lists(
        st.tuples(
            st.integers(0, 2),
            st.lists(st.tuples(LEVEL_OR_NONE, st.booleans()), min_size=3, max_size=3),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_the_api_lists_what_the_door_lets_the_organisation_see(db, api_for, sharing):
    orgs = [
        OrganisationFactory(kind=kind)
        for kind in (
            OrganisationKind.CORPORATIE,
            OrganisationKind.GEMEENTE,
            OrganisationKind.POLITIE,
        )
    ]
    people = [UserFactory(organisation=org) for org in orgs]
    for lead_index, shares in sharing:
        lead = people[lead_index]
        case = make_case(lead)
        for org, (level, revoke) in zip(orgs, shares, strict=True):
            if level is None or org == lead.organisation:
                continue
            participation = share(case, org, level, lead)
            if revoke:
                services.revoke_share(
                    actor=lead, access=access_for(lead, case), participation=participation
                )
    for org, person in zip(orgs, people, strict=True):
        api = api_for(org)
        app = {
            case.reference: case.access_level
            for case in access.with_access_level(access.visible_cases(person), person)
        }
        assert _api_levels(api) == app
