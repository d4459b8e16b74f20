"""Writes through the services: the same validation, events and history as the app; bad
input is a 400 with Dutch field errors and saves nothing; what the caller may not see, 404."""

from __future__ import annotations

from datetime import date

import pytest

from cases import services
from cases.models import ActionItem, Case, Event, Measure, Note, Report
from cases.models.choices import AccessLevel
from partners.models import Instrument, OrganisationKind
from tests.factories import OrganisationFactory, access_for, make_case, share

CASE = {
    "straat": "Kerkstraat",
    "huisnummer": "3",
    "postcode": "1234ab",
    "plaats": "Rivierstad",
    "wijk": "Oost",
    "samenvatting": "Vervuiling in de tuin.",
    "soorten_overlast": ["geluid"],
    "casusregisseur": "consulent",
}


def _counts():
    return {m: m.objects.count() for m in (Case, Report, Note, Measure, Event, ActionItem)}


def test_open_a_case_as_the_aanbrengende_organisation(api_for, consulent, corporatie):
    api = api_for(corporatie, write=True)
    response = api.post("/api/v1/zaken/", CASE)
    assert response.status_code == 201, response.content
    body = response.json()
    case = Case.objects.get(reference=body["referentie"])
    assert case.lead_organisation == corporatie and case.regisseur == consulent
    assert case.postcode == "1234 AB"  # normalised as the form does
    assert body["niveau"] == "volledig" and body["straat"] == "Kerkstraat"
    event = case.events.get(kind=Event.Kind.CASE_OPENED)
    assert event.actor == api.user
    assert case.history.first().history_user == api.user


def test_bad_case_input_is_400_in_dutch_and_saves_nothing(api_for, consulent, corporatie):
    api = api_for(corporatie, write=True)
    before = _counts()
    response = api.post(
        "/api/v1/zaken/",
        {**CASE, "postcode": "0000 XX", "soorten_overlast": ["bestaat-niet"], "straat": ""},
    )
    assert response.status_code == 400
    errors = response.json()
    assert "geldige Nederlandse postcode" in errors["postcode"][0]
    assert "Onbekende soort overlast" in errors["soorten_overlast"][0]
    assert errors["straat"] == ["Dit veld mag niet leeg zijn."]
    missing = api.post("/api/v1/zaken/", {}).json()
    assert missing["plaats"] == ["Dit veld is verplicht."]  # as in the app
    other = OrganisationFactory(name="Ander")
    from tests.factories import UserFactory

    UserFactory(username="vreemde", organisation=other)
    stranger = api.post("/api/v1/zaken/", {**CASE, "casusregisseur": "vreemde"}).json()
    assert "medewerker van uw organisatie" in stranger["casusregisseur"][0]
    assert _counts() == before


def test_read_scope_cannot_write(api_for, consulent, corporatie):
    case = make_case(consulent)
    reader = api_for(corporatie)
    before = _counts()
    for path, data in [
        ("/api/v1/zaken/", CASE),
        (f"/api/v1/zaken/{case.reference}/logboek/", {"soort": "gesprek", "tekst": "x"}),
    ]:
        assert reader.post(path, data).status_code == 403
    assert _counts() == before
    # A write client may still ask for a read-only token, and a read client cannot get write.
    from tests.api.conftest import fetch_token

    assert fetch_token(reader.client.client_id, reader.secret, "write")["status"] == 400
    writer = api_for(corporatie, write=True, scope="read")
    assert writer.post("/api/v1/zaken/", CASE).status_code == 403


@pytest.fixture
def shared(consulent, corporatie):
    case = make_case(consulent)
    gemeente = OrganisationFactory(name="Gemeente", kind=OrganisationKind.GEMEENTE)
    politie = OrganisationFactory(name="Politie", kind=OrganisationKind.POLITIE)
    share(case, gemeente, AccessLevel.VOLLEDIG, consulent)
    share(case, politie, AccessLevel.PROCES, consulent)
    return case, gemeente, politie


def test_add_a_melding_and_a_logboek_entry(shared, api_for):
    case, gemeente, _politie = shared
    api = api_for(gemeente, write=True)
    melding = api.post(
        f"/api/v1/zaken/{case.reference}/meldingen/",
        {
            "ontvangen_op": "2026-11-30T21:15:00+01:00",
            "soort_overlast": "geluid",
            "omschrijving": "Harde muziek.",
            "bron": "telefoon",
        },
    )
    assert melding.status_code == 201, melding.content
    report = Report.objects.get(pk=melding.json()["id"])
    assert report.receiving_organisation == gemeente and report.melder is None
    note = api.post(
        f"/api/v1/zaken/{case.reference}/logboek/",
        {"soort": "huisbezoek", "datum": "2026-11-30", "tekst": "Bezoek afgelegd."},
    )
    assert note.status_code == 201, note.content
    assert Note.objects.get(pk=note.json()["id"]).organisation == gemeente
    assert case.events.filter(kind=Event.Kind.NOTE_ADDED, actor=api.user).exists()


def test_bad_logboek_input(shared, api_for):
    case, gemeente, _politie = shared
    api = api_for(gemeente, write=True)
    before = _counts()
    future = api.post(
        f"/api/v1/zaken/{case.reference}/logboek/",
        {"soort": "gesprek", "datum": "2999-01-01", "tekst": "x"},
    )
    assert future.json() == {"datum": ["De datum kan niet in de toekomst liggen."]}
    sensitive = api.post(
        f"/api/v1/zaken/{case.reference}/logboek/",
        {
            "soort": "gesprek",
            "tekst": "x",
            "bijzondere_categorie": "zorg",
            "zichtbaarheid": "deelnemers",
        },
    )
    assert "blijft bij uw eigen organisatie" in sensitive.json()["zichtbaarheid"][0]
    kind = api.post(f"/api/v1/zaken/{case.reference}/logboek/", {"soort": "x", "tekst": "x"})
    assert kind.json()["soort"] == ['"x" is een ongeldige keuze.']
    assert _counts() == before


def test_a_partner_at_proces_cannot_add_records_404(shared, api_for):
    case, _gemeente, politie = shared
    api = api_for(politie, write=True)
    before = _counts()
    response = api.post(
        f"/api/v1/zaken/{case.reference}/logboek/", {"soort": "gesprek", "tekst": "x"}
    )
    assert response.status_code == 404
    assert _counts() == before


def test_measures_add_and_update_own_only(shared, api_for, consulent, corporatie):
    case, gemeente, _politie = shared
    instrument = Instrument.objects.filter(active=True).first()
    lead_measure = services.add_measure(
        actor=consulent,
        access=access_for(consulent, case),
        instrument=instrument,
        owner_organisation=corporatie,
        start_date=date(2026, 1, 5),
    )
    api = api_for(gemeente, write=True)
    added = api.post(
        f"/api/v1/zaken/{case.reference}/maatregelen/",
        {"instrument": instrument.pk, "startdatum": "2026-11-01"},
    )
    assert added.status_code == 201, added.content
    measure = Measure.objects.get(pk=added.json()["id"])
    assert measure.owner_organisation == gemeente
    bad = api.patch(
        f"/api/v1/zaken/{case.reference}/maatregelen/{measure.pk}/", {"status": "afgerond"}
    )
    assert bad.status_code == 400
    assert "Beschrijf het resultaat" in bad.json()["resultaat"][0]
    done = api.patch(
        f"/api/v1/zaken/{case.reference}/maatregelen/{measure.pk}/",
        {"status": "afgerond", "resultaat": "Gesprek gevoerd, overlast gestopt."},
    )
    assert done.status_code == 200 and done.json()["status"] == "afgerond"
    assert measure.history.count() == 2
    dates = api.post(
        f"/api/v1/zaken/{case.reference}/maatregelen/",
        {
            "instrument": instrument.pk,
            "startdatum": "2026-11-01",
            "geplande_einddatum": "2026-10-01",
        },
    )
    assert "vóór de startdatum" in dates.json()["geplande_einddatum"][0]
    # The corporatie's measure: the gemeente sees it, may not change it.
    other = api.patch(
        f"/api/v1/zaken/{case.reference}/maatregelen/{lead_measure.pk}/", {"status": "lopend"}
    )
    assert other.status_code == 403
    unknown = api.patch(f"/api/v1/zaken/{case.reference}/maatregelen/999999/", {})
    assert unknown.status_code == 404


def test_complete_an_actiepunt_the_caller_owns(shared, api_for, consulent, corporatie):
    case, gemeente, politie = shared
    own = services.add_action_item(
        actor=consulent,
        access=access_for(consulent, case),
        title="Contact met de huurder",
        owner_organisation=politie,
        due_on=date(2027, 1, 5),
    )
    lead = services.add_action_item(
        actor=consulent,
        access=access_for(consulent, case),
        title="Brief sturen",
        owner_organisation=corporatie,
        due_on=date(2027, 1, 5),
    )
    api = api_for(politie, write=True)
    assert (
        api.post(f"/api/v1/zaken/{case.reference}/actiepunten/{lead.pk}/afronden/").status_code
        == 403
    )
    done = api.post(f"/api/v1/zaken/{case.reference}/actiepunten/{own.pk}/afronden/")
    assert done.status_code == 200 and done.json()["status"] == "afgerond"
    own.refresh_from_db()
    assert own.completed_by == api.user
    # An actiepunt of another case, under this case's reference: 404.
    other_case = make_case(consulent)
    elsewhere = services.add_action_item(
        actor=consulent,
        access=access_for(consulent, other_case),
        title="Elders",
        owner_organisation=corporatie,
        due_on=date(2027, 1, 5),
    )
    assert (
        api.post(f"/api/v1/zaken/{case.reference}/actiepunten/{elsewhere.pk}/afronden/").status_code
        == 404
    )
