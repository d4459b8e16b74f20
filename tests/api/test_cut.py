"""What a partner system reads, per level: exactly the app's cut, through the door."""

from __future__ import annotations

from datetime import date

import pytest

from cases import services
from cases.models import AccessLog
from cases.models.choices import AccessLevel, Visibility
from partners.models import Instrument, OrganisationKind
from tests.factories import (
    OrganisationFactory,
    UserFactory,
    access_for,
    add_note,
    add_report,
    make_case,
    share,
)

SUBLISTS = ("meldingen", "logboek", "maatregelen", "actiepunten", "besluiten", "tijdlijn")


@pytest.fixture
def world(consulent, corporatie):
    """A case of the corporatie with a melding (with melder), notes of both kinds, a measure
    and an actiepunt, shared at every level; plus a former partner and an outsider."""
    case = make_case(consulent, wijk="Noord")
    orgs = {
        level: OrganisationFactory(name=f"Partner {level}", kind=OrganisationKind.GEMEENTE)
        for level in AccessLevel.values
    }
    for level, org in orgs.items():
        share(case, org, level, consulent)
    former = OrganisationFactory(name="Voormalig", kind=OrganisationKind.POLITIE)
    participation = share(case, former, AccessLevel.VOLLEDIG, consulent)
    services.revoke_share(
        actor=consulent, access=access_for(consulent, case), participation=participation
    )
    outsider = OrganisationFactory(name="Buitenstaander", kind=OrganisationKind.ZORG)
    add_report(
        consulent,
        case,
        new_melder={"first_name": "Mirjam", "last_name": "Melder", "phone": "0612345678"},
    )
    add_note(consulent, case, text="Eigen notitie van de corporatie.")
    add_note(consulent, case, text="Gedeelde notitie.", visibility=Visibility.PARTICIPANTS)
    full_partner = UserFactory(organisation=orgs[AccessLevel.VOLLEDIG])
    add_note(full_partner, case, text="Eigen notitie van de gemeente.")
    services.add_measure(
        actor=consulent,
        access=access_for(consulent, case),
        instrument=Instrument.objects.filter(active=True).first(),
        owner_organisation=corporatie,
        start_date=date(2026, 1, 5),
    )
    services.add_action_item(
        actor=consulent,
        access=access_for(consulent, case),
        title="Huisbezoek plannen",
        owner_organisation=corporatie,
        due_on=date(2027, 1, 5),
    )
    return case, orgs, former, outsider


def test_volledig_sees_everything_the_app_shows_and_no_melder(world, api_for):
    case, orgs, _former, _outsider = world
    api = api_for(orgs[AccessLevel.VOLLEDIG])
    detail = api.get(f"/api/v1/zaken/{case.reference}/").json()
    assert detail["niveau"] == "volledig"
    assert detail["straat"] == "Dorpsstraat" and detail["postcode"] == "1234 AB"
    assert detail["soorten_overlast"] == ["geluid"]
    reports = api.get(f"/api/v1/zaken/{case.reference}/meldingen/")
    assert len(reports.json()) == 1
    assert b"Melder" not in reports.content and b"0612345678" not in reports.content
    texts = {n["tekst"] for n in api.get(f"/api/v1/zaken/{case.reference}/logboek/").json()}
    # Its own note and the shared one; never the corporatie's own-organisation note.
    assert texts == {"Gedeelde notitie.", "Eigen notitie van de gemeente."}
    assert len(api.get(f"/api/v1/zaken/{case.reference}/maatregelen/").json()) == 1
    assert len(api.get(f"/api/v1/zaken/{case.reference}/actiepunten/").json()) == 1
    timeline = api.get(f"/api/v1/zaken/{case.reference}/tijdlijn/").content
    assert b"Melder" not in timeline


def test_proces_sees_the_process_and_no_details(world, api_for):
    case, orgs, _former, _outsider = world
    api = api_for(orgs[AccessLevel.PROCES])
    detail = api.get(f"/api/v1/zaken/{case.reference}/").json()
    assert detail["niveau"] == "proces"
    assert detail["geopend_op"] is not None and detail["aanbrengende_organisatie"]
    for hidden in ("straat", "huisnummer", "postcode", "samenvatting", "soorten_overlast"):
        assert detail[hidden] is None, hidden
    assert api.get(f"/api/v1/zaken/{case.reference}/meldingen/").json() == []
    assert api.get(f"/api/v1/zaken/{case.reference}/logboek/").json() == []
    assert api.get(f"/api/v1/zaken/{case.reference}/besluiten/").json() == []
    assert len(api.get(f"/api/v1/zaken/{case.reference}/maatregelen/").json()) == 1
    assert len(api.get(f"/api/v1/zaken/{case.reference}/actiepunten/").json()) == 1
    kinds = {e["onderwerp"] for e in api.get(f"/api/v1/zaken/{case.reference}/tijdlijn/").json()}
    assert not kinds & {"report", "note", "caseperson", "attachment"}


def test_bestaan_knows_that_the_case_exists_and_nothing_more(world, api_for):
    case, orgs, _former, _outsider = world
    api = api_for(orgs[AccessLevel.BESTAAN])
    detail = api.get(f"/api/v1/zaken/{case.reference}/").json()
    assert detail["niveau"] == "bestaan"
    assert detail["referentie"] == case.reference and detail["wijk"] == "Noord"
    shown = {key for key, value in detail.items() if value is not None}
    assert shown == {"referentie", "niveau", "wijk", "plaats", "fase"}
    for name in SUBLISTS:
        assert api.get(f"/api/v1/zaken/{case.reference}/{name}/").json() == [], name
    # The change time is process information: a since-filter never finds a bestaan case.
    listed = api.get("/api/v1/zaken/", {"gewijzigd_sinds": "2000-01-01"}).json()
    assert listed["results"] == []
    assert [c["referentie"] for c in api.get("/api/v1/zaken/").json()["results"]] == [
        case.reference
    ]


def test_further_addresses_only_at_volledig(world, api_for, consulent):
    case, orgs, _former, _outsider = world
    services.move_case_address(
        actor=consulent,
        access=access_for(consulent, case),
        street="Nieuwe Gracht",
        house_number="3",
        postcode="3512 LT",
        city="Utrecht",
        moved_on=date(2026, 1, 5),
        reason="huishouden verhuisd",
    )
    full = api_for(orgs[AccessLevel.VOLLEDIG])
    detail = full.get(f"/api/v1/zaken/{case.reference}/").json()
    assert detail["straat"] == "Nieuwe Gracht"
    assert detail["overige_adressen"] == [
        {
            "straat": "Dorpsstraat",
            "huisnummer": "12",
            "postcode": "1234 AB",
            "plaats": "Utrecht",
            "vanaf": None,
            "tot": "2026-01-05",
            "toelichting": "huishouden verhuisd",
        }
    ]
    [listed] = full.get("/api/v1/zaken/").json()["results"]
    assert listed["overige_adressen"] == detail["overige_adressen"]
    for level in (AccessLevel.PROCES, AccessLevel.BESTAAN):
        api = api_for(orgs[level])
        for data in (
            api.get(f"/api/v1/zaken/{case.reference}/").json(),
            api.get("/api/v1/zaken/").json()["results"][0],
        ):
            assert data["overige_adressen"] is None, level
            assert "Dorpsstraat" not in str(data)
        timeline = api.get(f"/api/v1/zaken/{case.reference}/tijdlijn/").content.decode()
        assert "caseaddress" not in timeline and "Dorpsstraat" not in timeline


@pytest.mark.parametrize("who", ["former", "outsider"])
def test_former_partners_and_outsiders_get_404_and_the_attempt_is_logged(world, api_for, who):
    case, _orgs, former, outsider = world
    api = api_for(former if who == "former" else outsider)
    assert api.get("/api/v1/zaken/").json()["results"] == []
    for path in ["", *(f"{name}/" for name in SUBLISTS)]:
        denied = AccessLog.objects.filter(user=api.user, outcome=AccessLog.Outcome.DENIED)
        before = denied.count()
        response = api.get(f"/api/v1/zaken/{case.reference}/{path}")
        assert response.status_code == 404, path
        assert case.reference.encode() not in response.content
        assert denied.count() == before + 1, path
        row = denied.latest("pk")
        assert row.case_id_ref == case.pk
        assert api.client.name in row.username
    unknown = api.get("/api/v1/zaken/WO-1999-99999/")
    assert unknown.status_code == 404
    assert unknown.json() == api.get(f"/api/v1/zaken/{case.reference}/").json()


def test_every_read_is_in_the_access_log_with_the_clients_name(world, api_for):
    case, orgs, _former, _outsider = world
    api = api_for(orgs[AccessLevel.VOLLEDIG], name="Zaaksysteem gemeente")
    api.get("/api/v1/zaken/")
    api.get(f"/api/v1/zaken/{case.reference}/logboek/")
    rows = AccessLog.objects.filter(user=api.user).order_by("pk")
    assert [(r.resource, r.outcome) for r in rows] == [
        ("api: zaaklijst", AccessLog.Outcome.ALLOWED),
        (f"/api/v1/zaken/{case.reference}/logboek/", AccessLog.Outcome.ALLOWED),
    ]
    assert all("Zaaksysteem gemeente" in r.username for r in rows)
    assert {r.organisation_name for r in rows} == {orgs[AccessLevel.VOLLEDIG].name}
    assert rows[1].level == "volledig"


def test_list_filters_and_cursor_pagination(consulent, corporatie, api_for, settings):
    cases = [make_case(consulent, wijk="Noord" if i % 2 else "Zuid") for i in range(5)]
    api = api_for(corporatie)
    noord = api.get("/api/v1/zaken/", {"wijk": "Noord"}).json()["results"]
    assert {c["referentie"] for c in noord} == {c.reference for c in cases[1::2]}
    stage = cases[0].stage.code
    assert len(api.get("/api/v1/zaken/", {"fase": stage}).json()["results"]) == 5
    assert api.get("/api/v1/zaken/", {"fase": "bestaat-niet"}).json()["results"] == []
    seen, url = [], "/api/v1/zaken/?aantal=2"
    while url:
        page = api.get(url).json()
        seen += [c["referentie"] for c in page["results"]]
        url = page["next"]
    assert seen == sorted(c.reference for c in cases)
    bad = api.get("/api/v1/zaken/", {"gewijzigd_sinds": "gisteren"})
    assert bad.status_code == 400
    assert "gewijzigd_sinds" in bad.json()
