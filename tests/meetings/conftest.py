"""A small casusoverleg: a corporatie brings cases, the gemeente coordinates, politie sees
process only, the GGD sees one case in full."""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.utils import timezone

from cases.models.choices import AccessLevel, PersonRole
from meetings import services
from meetings.models import Series
from partners.models import OrganisationKind
from tests.factories import (
    OrganisationFactory,
    UserFactory,
    access_for,
    add_person,
    add_report,
    make_case,
    share,
)


@dataclass
class Overleg:
    corporatie: object
    gemeente: object
    politie: object
    ggd: object
    consulent: object
    coordinator: object
    agent: object
    ggd_user: object
    series: object
    meeting: object
    next_meeting: object
    case_all: object  # gemeente volledig, politie proces, ggd volledig
    case_police: object  # gemeente volledig, politie proces
    case_private: object  # gemeente proces only, no one else


def build_overleg(days_ahead: int = 14, with_meetings: bool = True) -> Overleg:
    corporatie = OrganisationFactory(
        name="Woonstichting De Linde", kind=OrganisationKind.CORPORATIE
    )
    gemeente = OrganisationFactory(name="Gemeente Rivierstad", kind=OrganisationKind.GEMEENTE)
    politie = OrganisationFactory(name="Politie Basisteam", kind=OrganisationKind.POLITIE)
    ggd = OrganisationFactory(name="GGD Regio", kind=OrganisationKind.GGD)
    consulent = UserFactory(
        username="consulent",
        first_name="Carla",
        last_name="Consulent",
        email="carla@linde.example",
        organisation=corporatie,
    )
    coordinator = UserFactory(
        username="coordinator",
        first_name="Ingrid",
        last_name="Bakker",
        email="ingrid@rivierstad.example",
        organisation=gemeente,
        role="Coordinator",
    )
    agent = UserFactory(
        username="politie",
        first_name="Pieter",
        last_name="Agent",
        email="pieter@politie.example",
        organisation=politie,
    )
    ggd_user = UserFactory(
        username="ggd",
        first_name="Gijs",
        last_name="Zorg",
        email="gijs@ggd.example",
        organisation=ggd,
    )

    case_all = make_case(consulent, street="Havenkade", house_number="3", postcode="1234 AB")
    add_person(
        consulent, case_all, PersonRole.VEROORZAKER, first_name="Vera", last_name="Veroorzaakster"
    )
    add_report(consulent, case_all, new_melder={"first_name": "Mila", "last_name": "Meldster"})
    share(case_all, gemeente, AccessLevel.VOLLEDIG, consulent)
    share(case_all, politie, AccessLevel.PROCES, consulent)
    share(case_all, ggd, AccessLevel.VOLLEDIG, consulent)

    case_police = make_case(consulent, street="Kerkstraat", house_number="8", postcode="1234 AC")
    add_person(
        consulent, case_police, PersonRole.VEROORZAKER, first_name="Olaf", last_name="Overlastig"
    )
    share(case_police, gemeente, AccessLevel.VOLLEDIG, consulent)
    share(case_police, politie, AccessLevel.PROCES, consulent)

    case_private = make_case(consulent, street="Molenweg", house_number="21", postcode="1234 AD")
    add_person(
        consulent, case_private, PersonRole.VEROORZAKER, first_name="Bram", last_name="Bewaarder"
    )
    share(case_private, gemeente, AccessLevel.PROCES, consulent)

    series = services.create_series(
        actor=coordinator,
        name="Casusoverleg Rivierstad",
        area="Rivierstad",
        rhythm=Series.Rhythm.TWO_WEEKLY,
        default_location="Stadhuis, zaal 2",
        cutoff_working_days=3,
        participants=[corporatie, politie, ggd],
    )
    if not with_meetings:
        return Overleg(
            corporatie,
            gemeente,
            politie,
            ggd,
            consulent,
            coordinator,
            agent,
            ggd_user,
            series,
            None,
            None,
            case_all,
            case_police,
            case_private,
        )
    start = timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0)
    meeting = services.plan_meeting(
        actor=coordinator,
        series=series,
        starts_at=start + timedelta(days=days_ahead),
        chair=coordinator,
    )
    next_meeting = services.plan_meeting(
        actor=coordinator, series=series, starts_at=start + timedelta(days=days_ahead + 14)
    )
    return Overleg(
        corporatie,
        gemeente,
        politie,
        ggd,
        consulent,
        coordinator,
        agent,
        ggd_user,
        series,
        meeting,
        next_meeting,
        case_all,
        case_police,
        case_private,
    )


def request_and_accept(overleg: Overleg, case, question="Wie neemt de regie op zorg?"):
    request = services.request_discussion(
        actor=overleg.consulent,
        access=access_for(overleg.consulent, case),
        series=overleg.series,
        question=question,
        partners_needed=[overleg.politie],
    )
    return services.accept_request(actor=overleg.coordinator, request=request)


@pytest.fixture
def overleg(db):
    return build_overleg()
