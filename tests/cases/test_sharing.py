"""Sharing services: share, change level, revoke, hand over; guardian kept equal to them."""

import pytest

from cases import services
from cases.access import access_level, visible_cases
from cases.models import Event, Participation
from cases.models.choices import AccessLevel, LegalGround
from partners.models import OrganisationKind
from tests.factories import (
    OrganisationFactory,
    UserFactory,
    access_for,
    guardian_levels,
    make_case,
    share,
    sharing_levels,
)
from woonoverlast.refusals import Refusal


@pytest.fixture
def politie(db):
    return UserFactory(
        username="politie",
        organisation=OrganisationFactory(name="Politie Midden", kind=OrganisationKind.POLITIE),
    )


def _share(actor, case, organisation, level=AccessLevel.VOLLEDIG, **kwargs):
    fields = {"legal_ground": LegalGround.PUBLIEKE_TAAK, **kwargs}
    return services.share_case(
        actor=actor,
        access=access_for(actor, case),
        organisation=organisation,
        level=level,
        **fields,
    )


def test_share_records_ground_grants_permissions_and_adds_an_event(consulent, politie):
    case = make_case(consulent)
    assert guardian_levels(case) == {consulent.organisation_id: AccessLevel.VOLLEDIG}

    participation = _share(
        consulent,
        case,
        politie.organisation,
        AccessLevel.PROCES,
        legal_ground=LegalGround.CONVENANT,
        convenant_name="  Convenant Veiligheidshuis  ",
    )

    assert participation.shared_by == consulent
    assert participation.convenant_name == "Convenant Veiligheidshuis"
    assert participation.history.get().history_user == consulent
    assert access_level(politie, case) == AccessLevel.PROCES
    assert politie.has_perm("cases.view_case_proces", case)
    assert not politie.has_perm("cases.view_case_volledig", case)
    assert guardian_levels(case) == sharing_levels(case)
    event = case.events.get(kind=Event.Kind.SHARED)
    assert event.actor == consulent
    assert event.data["level"] == AccessLevel.PROCES
    assert event.data["organisation"] == "Politie Midden"


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"legal_ground": LegalGround.CONVENANT}, "convenant_name", "naam van het convenant"),
        ({"legal_ground": "iets"}, "legal_ground", "geldige grondslag"),
        ({"level": "alles"}, "level", "geldig niveau"),
    ],
)
def test_bad_share_input_is_refused_with_a_dutch_message(
    consulent, politie, fields, field, message
):
    case = make_case(consulent)
    level = fields.pop("level", AccessLevel.VOLLEDIG)
    with pytest.raises(Refusal) as refused:
        _share(consulent, case, politie.organisation, level, **fields)
    assert message in " ".join(refused.value.errors[field])
    assert not Participation.objects.exists()
    assert not case.events.filter(kind=Event.Kind.SHARED).exists()
    assert access_level(politie, case) is None


def test_no_share_with_the_lead_or_twice(consulent, politie):
    case = make_case(consulent)
    with pytest.raises(Refusal, match="aanbrengende organisatie"):
        _share(consulent, case, consulent.organisation)
    _share(consulent, case, politie.organisation)
    with pytest.raises(Refusal, match="al gedeeld"):
        _share(consulent, case, politie.organisation, AccessLevel.BESTAAN)
    assert Participation.objects.count() == 1


def test_only_lead_or_regisseur_with_the_role_may_share(consulent, politie, partner_user):
    case = make_case(consulent)
    share(case, partner_user.organisation, AccessLevel.VOLLEDIG, consulent)
    lezer = UserFactory(organisation=consulent.organisation, role="Lezer")
    for actor in (partner_user, lezer):
        with pytest.raises(Refusal):
            _share(actor, case, politie.organisation)
    assert not case.participations.filter(organisation=politie.organisation).exists()

    # The gemeente's colleague becomes casusregisseur: now she manages the sharing too.
    services.hand_over(actor=consulent, access=access_for(consulent, case), regisseur=partner_user)
    case.refresh_from_db()
    _share(partner_user, case, politie.organisation, AccessLevel.BESTAAN)
    assert access_level(politie, case) == AccessLevel.BESTAAN


def test_change_level_moves_the_permissions(consulent, politie):
    case = make_case(consulent)
    participation = _share(consulent, case, politie.organisation, AccessLevel.BESTAAN)
    services.change_share_level(
        actor=consulent,
        access=access_for(consulent, case),
        participation=participation,
        level=AccessLevel.VOLLEDIG,
    )
    assert politie.has_perm("cases.view_case_volledig", case)
    assert access_level(politie, case) == AccessLevel.VOLLEDIG
    assert guardian_levels(case) == sharing_levels(case)
    event = case.events.get(kind=Event.Kind.SHARE_CHANGED)
    assert (event.data["from"], event.data["to"], event.data["raised"]) == (
        "bestaan",
        "volledig",
        True,
    )
    with pytest.raises(Refusal, match="al op dit niveau"):
        services.change_share_level(
            actor=consulent,
            access=access_for(consulent, case),
            participation=participation,
            level=AccessLevel.VOLLEDIG,
        )


def test_revoke_removes_access_and_permissions(consulent, politie):
    case = make_case(consulent)
    participation = _share(consulent, case, politie.organisation)
    services.revoke_share(
        actor=consulent,
        access=access_for(consulent, case),
        participation=participation,
        reason="Geen grondslag meer.",
    )
    participation.refresh_from_db()
    assert participation.revoked_by == consulent and participation.revoked_at is not None
    assert access_level(politie, case) is None
    assert not visible_cases(politie).exists()
    assert guardian_levels(case) == {consulent.organisation_id: AccessLevel.VOLLEDIG}
    assert case.events.get(kind=Event.Kind.SHARE_REVOKED).data["reason"] == "Geen grondslag meer."
    with pytest.raises(Refusal, match="bestaat niet"):
        services.revoke_share(
            actor=consulent, access=access_for(consulent, case), participation=participation
        )
    # Shared again later: a new participation, the old one stays as the record.
    _share(consulent, case, politie.organisation, AccessLevel.BESTAAN)
    assert case.participations.count() == 2


def test_the_regisseurs_organisation_keeps_full_access(consulent, partner_user):
    case = make_case(consulent)
    participation = share(case, partner_user.organisation, AccessLevel.VOLLEDIG, consulent)
    services.hand_over(actor=consulent, access=access_for(consulent, case), regisseur=partner_user)
    with pytest.raises(Refusal, match="Draag eerst de regie over"):
        services.revoke_share(
            actor=consulent, access=access_for(consulent, case), participation=participation
        )
    with pytest.raises(Refusal, match="Draag eerst de regie over"):
        services.change_share_level(
            actor=consulent,
            access=access_for(consulent, case),
            participation=participation,
            level=AccessLevel.PROCES,
        )
    assert access_level(partner_user, case) == AccessLevel.VOLLEDIG


def test_regisseur_goes_only_to_a_partner_at_full_level(consulent, partner_user):
    case = make_case(consulent)
    share(case, partner_user.organisation, AccessLevel.PROCES, consulent)
    with pytest.raises(Refusal) as refused:
        services.hand_over(
            actor=consulent, access=access_for(consulent, case), regisseur=partner_user
        )
    assert "regisseur" in refused.value.errors
    case.refresh_from_db()
    assert case.regisseur == consulent
    with pytest.raises(Refusal, match="Kies een andere"):
        services.hand_over(actor=consulent, access=access_for(consulent, case), regisseur=consulent)


def test_hand_over_lead_keeps_the_former_lead_as_full_participant(consulent, partner_user):
    case = make_case(consulent)
    share(case, partner_user.organisation, AccessLevel.VOLLEDIG, consulent)
    services.hand_over(
        actor=consulent,
        access=access_for(consulent, case),
        lead_organisation=partner_user.organisation,
        regisseur=partner_user,
    )
    case.refresh_from_db()
    assert case.lead_organisation == partner_user.organisation
    assert case.regisseur == partner_user
    former = case.participations.get(revoked_at__isnull=True)
    assert former.organisation == consulent.organisation
    assert former.level == AccessLevel.VOLLEDIG
    assert former.legal_ground == LegalGround.CONVENANT  # the ground of the shared work
    assert guardian_levels(case) == sharing_levels(case)
    kinds = list(case.events.order_by("id").values_list("kind", flat=True))
    assert kinds[-2:] == [Event.Kind.LEAD_HANDED_OVER, Event.Kind.REGISSEUR_HANDED_OVER]
    assert not access_for(consulent, case).can_share  # neither lead nor regisseur any more
    assert access_for(partner_user, case).can_edit_case


def test_hand_over_lead_needs_full_participation(consulent, politie):
    case = make_case(consulent)
    _share(consulent, case, politie.organisation, AccessLevel.PROCES)
    with pytest.raises(Refusal, match="volledig is gedeeld"):
        services.hand_over(
            actor=consulent,
            access=access_for(consulent, case),
            lead_organisation=politie.organisation,
        )
    case.refresh_from_db()
    assert case.lead_organisation == consulent.organisation
    assert guardian_levels(case) == sharing_levels(case)


def test_a_refused_hand_over_changes_nothing(consulent, partner_user, politie):
    """Lead handed over, then the regisseur refused: the whole hand-over is rolled back."""
    case = make_case(consulent)
    share(case, partner_user.organisation, AccessLevel.VOLLEDIG, consulent)
    _share(consulent, case, politie.organisation, AccessLevel.PROCES)
    with pytest.raises(Refusal):
        services.hand_over(
            actor=consulent,
            access=access_for(consulent, case),
            lead_organisation=partner_user.organisation,
            regisseur=politie,
        )
    case.refresh_from_db()
    assert case.lead_organisation == consulent.organisation
    assert not case.events.filter(kind=Event.Kind.LEAD_HANDED_OVER).exists()
    assert guardian_levels(case) == sharing_levels(case)
