"""The functional admin's screens under /beheer/: who sees them, drafts, publish, migration,
and the instrument catalogue."""

import pytest
from django.urls import reverse

from cases.models import Event, Workflow
from partners.models import Instrument
from tests.factories import UserFactory, make_case, set_case_state


@pytest.fixture
def beheer(corporatie):
    return UserFactory(
        username="beheer", organisation=corporatie, role="Regionaal functioneel beheerder"
    )


@pytest.fixture
def default():
    return Workflow.objects.get(name="Standaard woonoverlast", status=Workflow.Status.PUBLISHED)


def test_only_functional_admins_see_beheer(client_for, consulent, beheer):
    client = client_for(consulent)
    assert "/beheer/" not in client.get(reverse("cases:list")).content.decode()
    for name in ("beheer:index", "beheer:workflows", "beheer:instruments", "beheer:instrument_add"):
        assert client.get(reverse(name)).status_code == 403
    client = client_for(beheer)
    assert 'href="/beheer/"' in client.get(reverse("cases:list")).content.decode()
    page = client.get(reverse("beheer:workflows")).content.decode()
    assert "Standaard woonoverlast" in page and "Concept maken" in page


def test_draft_edit_and_publish_through_the_screens(client_for, beheer, default):
    client = client_for(beheer)
    response = client.post(reverse("beheer:draft_create", args=[default.pk]))
    draft = Workflow.objects.get(name=default.name, status=Workflow.Status.DRAFT)
    assert response.url == reverse("beheer:workflow", args=[draft.pk])

    add_url = reverse("beheer:stage_add", args=[draft.pk])
    bad = {
        "code": "triage",
        "name": "Nazorg",
        "kader": "",
        "order": "-1",
        "target_working_days": "-2",
    }
    response = client.post(add_url, bad)
    page = response.content.decode()
    assert response.status_code == 200
    assert "De volgorde kan niet negatief zijn." in page
    assert "De streefduur kan niet negatief zijn." in page
    assert 'value="Nazorg"' in page  # input kept
    response = client.post(add_url, {**bad, "order": "9", "target_working_days": "10"})
    assert "De code triage bestaat al in deze werkwijze" in response.content.decode()
    assert draft.stages.count() == default.stages.count()

    response = client.post(
        add_url, {**bad, "code": "nazorg", "order": "9", "target_working_days": "10"}
    )
    assert response.status_code == 302
    response = client.post(reverse("beheer:publish", args=[draft.pk]), follow=True)
    page = response.content.decode()
    assert "Het concept is niet gepubliceerd." in page
    assert "De fase Nazorg is niet te bereiken vanuit de beginfase" in page
    draft.refresh_from_db()
    assert draft.is_draft

    nazorg = draft.stages.get(code="nazorg")
    response = client.post(
        reverse("beheer:transition_add", args=[draft.pk]),
        {
            "from_stage": draft.stages.get(code="afsluiting").pk,
            "to_stage": nazorg.pk,
            "label": "Nazorg starten",
            "requires_justification": "on",
            "allowed_organisation_kinds": ["corporatie", "gemeente"],
            "order": "0",
        },
    )
    assert response.status_code == 302
    step = draft.transitions.get(to_stage=nazorg)
    assert step.allowed_organisation_kinds == ["corporatie", "gemeente"]
    # Nazorg is reachable now but has no way out.
    page = client.get(reverse("beheer:workflow", args=[draft.pk])).content.decode()
    assert "Vanuit de fase Nazorg is geen eindfase te bereiken" in page
    client.post(
        reverse("beheer:stage_edit", args=[draft.pk, nazorg.pk]),
        {"code": "nazorg", "name": "Nazorg", "kader": "", "order": "9", "is_final": "on"},
    )
    response = client.post(reverse("beheer:publish", args=[draft.pk]), follow=True)
    assert "Versie 2 is gepubliceerd" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Workflow.Status.PUBLISHED
    # Published: the edit screens refuse and change nothing.
    response = client.post(
        reverse("beheer:stage_edit", args=[draft.pk, nazorg.pk]),
        {"code": "x", "name": "X", "kader": "", "order": "9"},
        follow=True,
    )
    assert "verandert nooit" in response.content.decode()
    nazorg.refresh_from_db()
    assert nazorg.code == "nazorg"


def test_delete_asks_for_confirmation(client_for, beheer, default):
    client = client_for(beheer)
    client.post(reverse("beheer:draft_create", args=[default.pk]))
    draft = Workflow.objects.get(status=Workflow.Status.DRAFT)
    stage = draft.stages.get(code="onderzoek")
    url = reverse("beheer:item_delete", args=[draft.pk, "fase", stage.pk])
    assert "met alle overgangen" in client.get(url).content.decode()
    assert draft.stages.filter(pk=stage.pk).exists()
    client.post(url)
    assert not draft.stages.filter(pk=stage.pk).exists()
    assert client.get(reverse("beheer:item_delete", args=[draft.pk, "iets", 1])).status_code == 404
    client.post(reverse("beheer:draft_discard", args=[draft.pk]))
    assert not Workflow.objects.filter(pk=draft.pk).exists()


def test_migrating_running_cases_with_the_form(client_for, beheer, consulent, default):
    case = make_case(consulent)
    set_case_state(case, consulent, stage=default.stages.get(code="onderzoek"))
    client = client_for(beheer)
    client.post(reverse("beheer:draft_create", args=[default.pk]))
    draft = Workflow.objects.get(status=Workflow.Status.DRAFT)
    client.post(reverse("beheer:publish", args=[draft.pk]))

    url = reverse("beheer:migrate", args=[default.pk]) + f"?target={draft.pk}"
    page = client.get(url).content.decode()
    assert "Onderzoek en dossieropbouw (1 lopende zaken)" in page
    field = f"stage_{default.stages.get(code='onderzoek').pk}"
    response = client.post(url, {field: draft.stages.get(code="onderzoek").pk})
    assert "Bevestig dat u de zaken wilt overzetten." in response.content.decode()
    case.refresh_from_db()
    assert case.workflow == default

    response = client.post(url, {field: draft.stages.get(code="drang").pk, "confirm": "on"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.workflow == draft and case.stage.code == "drang"
    assert case.events.filter(kind=Event.Kind.WORKFLOW_MIGRATED).exists()
    page = client_for(consulent).get(reverse("cases:detail", args=[case.reference]))
    assert "versie 1 → versie 2" in page.content.decode()


def test_consulent_cannot_migrate(client_for, consulent, default):
    response = client_for(consulent).post(reverse("beheer:migrate", args=[default.pk]))
    assert response.status_code == 403


def test_instrument_catalogue_is_seeded_searchable_and_editable(client_for, beheer):
    assert Instrument.objects.filter(name="Buurtbemiddeling", partner_kind="corporatie").exists()
    assert Instrument.objects.filter(name="Sluiting van de woning", kaders=["dwang"]).exists()
    client = client_for(beheer)
    page = client.get(reverse("beheer:instruments"), {"q": "Opiumwet"}).content.decode()
    assert "Sluiting van de woning" in page and "Buurtbemiddeling" not in page
    page = client.get(
        reverse("beheer:instruments"), {"partner_kind": "politie", "kader": "dwang"}
    ).content.decode()
    assert "Proces-verbaal" in page and "Buurtbemiddeling" not in page

    url = reverse("beheer:instrument_add")
    response = client.post(
        url,
        {
            "name": "Achter-de-voordeur-aanpak",
            "partner_kind": "gemeente",
            "stage_codes": "drang, bestaat-niet",
        },
    )
    page = response.content.decode()
    assert "Kies ten minste één kader." in page
    assert "Onbekende fase-code: bestaat-niet" in page
    response = client.post(
        url,
        {"name": "Buurtbemiddeling", "partner_kind": "corporatie", "kaders": ["vrijwillig"]},
    )
    assert "al een instrument met deze naam" in response.content.decode()
    response = client.post(
        url,
        {
            "name": "Achter-de-voordeur-aanpak",
            "partner_kind": "gemeente",
            "kaders": ["drang"],
            "stage_codes": "Drang; vrijwillig",
        },
    )
    assert response.status_code == 302
    created = Instrument.objects.get(name="Achter-de-voordeur-aanpak")
    assert created.stage_codes == ["drang", "vrijwillig"]
    assert created.history.first().history_user == beheer

    toggle = reverse("beheer:instrument_toggle", args=[created.pk])
    assert "Wilt u" in client.get(toggle).content.decode()
    created.refresh_from_db()
    assert created.active
    client.post(toggle)
    created.refresh_from_db()
    assert not created.active
    row = '<th scope="row" class="utrecht-table__cell">Achter-de-voordeur-aanpak'
    assert row not in client.get(reverse("beheer:instruments")).content.decode()
    assert row in client.get(reverse("beheer:instruments"), {"status": "alle"}).content.decode()
