"""Measures on a case and the instrument suggestions per stage."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cases import selectors, services
from cases.models import Event, Measure
from cases.models.choices import AccessLevel
from partners.models import Instrument
from tests.factories import UserFactory, access_for, make_case, set_case_state, share
from woonoverlast.refusals import Refusal


def instrument(name, kind="corporatie"):
    return Instrument.objects.get(name=name, partner_kind=kind)


def add(user, case, name="Buurtbemiddeling", **fields):
    values = {
        "instrument": instrument(name),
        "owner_organisation": user.organisation,
        "start_date": timezone.localdate(),
        **fields,
    }
    return services.add_measure(actor=user, access=access_for(user, case), **values)


def names(groups):
    return {g.partner_kind: [i.name for i in g.instruments] for g in groups}


def test_suggestions_follow_the_stage(consulent):
    case = make_case(consulent)
    stages = case.workflow.stages
    set_case_state(case, consulent, stage=stages.get(code="vrijwillig"))
    found = names(selectors.instrument_suggestions(access_for(consulent, case)))
    assert "Buurtbemiddeling" in found["corporatie"]
    assert "Gesprek door de wijkagent" in found["politie"]
    assert "gemeente" not in found  # the gemeente's means are drang and dwang
    assert "Ontbinding huurovereenkomst en ontruiming" not in found["corporatie"]

    set_case_state(case, consulent, stage=stages.get(code="dwang"))
    found = names(selectors.instrument_suggestions(access_for(consulent, case)))
    assert "Ontbinding huurovereenkomst en ontruiming" in found["corporatie"]
    assert "Sluiting van de woning" in found["gemeente"]
    assert "Buurtbemiddeling" not in found["corporatie"]
    assert list(found)[:2] == ["corporatie", "gemeente"]  # in the order of partner kinds


def test_without_stage_codes_an_instrument_fits_by_kader(consulent):
    case = make_case(consulent)
    set_case_state(case, consulent, stage=case.workflow.stages.get(code="drang"))
    Instrument.objects.create(name="Eigen drangmiddel", partner_kind="overig", kaders=["drang"])
    Instrument.objects.create(
        name="Inactief", partner_kind="overig", kaders=["drang"], active=False
    )
    found = names(selectors.instrument_suggestions(access_for(consulent, case)))
    assert found["overig"] == ["Eigen drangmiddel"]


def test_adding_and_closing_a_measure_appends_events_and_history(consulent):
    case = make_case(consulent)
    measure = add(consulent, case, planned_end=timezone.localdate() + timedelta(days=30))
    assert measure.status == Measure.Status.PLANNED
    event = case.events.get(kind=Event.Kind.MEASURE_ADDED)
    assert event.target_id == measure.pk and event.data["instrument"] == "Buurtbemiddeling"

    with pytest.raises(Refusal) as refused:
        services.update_measure(
            actor=consulent,
            access=access_for(consulent, case),
            measure=measure,
            status=Measure.Status.DONE,
            outcome=" ",
        )
    assert "resultaat" in refused.value.errors["outcome"][0]
    measure.refresh_from_db()
    assert measure.status == Measure.Status.PLANNED

    services.update_measure(
        actor=consulent,
        access=access_for(consulent, case),
        measure=measure,
        status=Measure.Status.DONE,
        outcome="Afspraken gemaakt over muziek na 22 uur.",
    )
    event = case.events.get(kind=Event.Kind.MEASURE_CHANGED)
    assert event.data["status_from"] == "gepland" and event.data["status"] == "afgerond"
    assert measure.history.count() == 2 and measure.history.first().history_user == consulent


def test_measures_continue_across_stage_changes(consulent):
    case = make_case(consulent)
    measure = add(consulent, case, status=Measure.Status.RUNNING)
    set_case_state(case, consulent, stage=case.workflow.stages.get(code="dwang"))
    add(consulent, case, "Ontbinding huurovereenkomst en ontruiming")
    shown = selectors.case_measures(access_for(consulent, case))
    assert measure in shown and len(shown) == 2
    measure.refresh_from_db()
    assert measure.status == Measure.Status.RUNNING


def test_bad_input_is_refused(consulent, other_org):
    case = make_case(consulent)
    today = timezone.localdate()
    with pytest.raises(Refusal) as refused:
        add(consulent, case, planned_end=today - timedelta(days=1))
    assert "vóór de startdatum" in refused.value.errors["planned_end"][0]
    with pytest.raises(Refusal) as refused:
        add(consulent, case, owner_organisation=other_org)
    assert "owner_organisation" in refused.value.errors
    retired = instrument("Buurtbemiddeling")
    retired.active = False
    retired.save()
    with pytest.raises(Refusal):
        add(consulent, case)
    assert not Measure.objects.exists()


def test_who_sees_and_who_adds(consulent, partner_user, other_org_user, client_for):
    case = make_case(consulent)
    measure = add(consulent, case)
    share(case, partner_user.organisation, AccessLevel.PROCES, consulent)
    process_access = access_for(partner_user, case)
    assert list(process_access.measures()) == [measure]
    assert not process_access.can_add_measure
    with pytest.raises(Refusal):
        services.add_measure(
            actor=partner_user,
            access=process_access,
            instrument=instrument("Waarschuwing door de burgemeester", "gemeente"),
            owner_organisation=partner_user.organisation,
            start_date=timezone.localdate(),
        )
    client = client_for(partner_user)
    page = client.get(reverse("cases:detail", args=[case.reference])).content.decode()
    assert "Buurtbemiddeling" in page and "Wat kan wie nu inzetten" in page
    assert reverse("cases:measure_add", args=[case.reference]) not in page
    assert client.get(reverse("cases:measure_add", args=[case.reference])).status_code == 404

    lezer = UserFactory(organisation=consulent.organisation, role="Lezer")
    assert not access_for(lezer, case).can_add_measure
    assert list(access_for(lezer, case).measures()) == [measure]

    share(case, other_org_user.organisation, AccessLevel.BESTAAN, consulent)
    client = client_for(other_org_user)
    page = client.get(reverse("cases:detail", args=[case.reference])).content.decode()
    assert "Buurtbemiddeling" not in page and "Wat kan wie nu inzetten" not in page


def test_a_full_partner_adds_its_own_measure_but_not_the_leads(consulent, partner_user):
    case = make_case(consulent)
    own = add(consulent, case)
    share(case, partner_user.organisation, AccessLevel.VOLLEDIG, consulent)
    theirs = services.add_measure(
        actor=partner_user,
        access=access_for(partner_user, case),
        instrument=instrument("Waarschuwing door de burgemeester", "gemeente"),
        owner_organisation=partner_user.organisation,
        start_date=timezone.localdate(),
    )
    partner = access_for(partner_user, case)
    assert partner.can_change_measure(theirs) and not partner.can_change_measure(own)
    assert access_for(consulent, case).can_change_measure(theirs)  # the lead may


def test_the_measure_form_keeps_input_and_shows_dutch_errors(client_for, consulent):
    case = make_case(consulent)
    client = client_for(consulent)
    url = reverse("cases:measure_add", args=[case.reference])
    chosen = instrument("Huisbezoek")
    assert (
        f'value="{chosen.pk}" selected'
        in client.get(url, {"instrument": chosen.pk}).content.decode()
    )
    response = client.post(
        url,
        {
            "instrument": chosen.pk,
            "owner_organisation": consulent.organisation_id,
            "start_date": "2026-03-10",
            "planned_end": "2026-03-01",
            "status": "afgerond",
            "outcome": "",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "De geplande einddatum ligt vóór de startdatum." in page
    assert "Beschrijf het resultaat" in page
    assert 'value="2026-03-10"' in page
    assert not Measure.objects.exists()
    response = client.post(url, {})
    assert "Kies het instrument dat wordt ingezet." in response.content.decode()

    response = client.post(
        url,
        {
            "instrument": chosen.pk,
            "owner_organisation": consulent.organisation_id,
            "start_date": "2026-03-10",
            "status": "lopend",
        },
    )
    assert response.status_code == 302
    measure = Measure.objects.get()
    page = client.get(reverse("cases:detail", args=[case.reference])).content.decode()
    edit_url = reverse("cases:measure_edit", args=[case.reference, measure.pk])
    assert edit_url in page and "Maatregel vastgelegd" in page
    response = client.post(edit_url, {"status": "gestopt", "outcome": "Bewoner verhuisd."})
    assert response.status_code == 302
    measure.refresh_from_db()
    assert measure.status == "gestopt" and measure.outcome == "Bewoner verhuisd."


def test_a_partner_at_bestaan_is_no_measure_owner(client_for, consulent, partner_user):
    """Owning a measure is process information: the picker offers, and the service accepts,
    only organisations at level proces or more (issue 12)."""
    case = make_case(consulent)
    share(case, partner_user.organisation, AccessLevel.BESTAAN, consulent)
    form = client_for(consulent).get(reverse("cases:measure_add", args=[case.reference])).text
    assert partner_user.organisation.name not in form
    with pytest.raises(Refusal) as refused:
        add(consulent, case, owner_organisation=partner_user.organisation)
    assert "procesniveau" in refused.value.errors["owner_organisation"][0]
    assert not Measure.objects.exists()
