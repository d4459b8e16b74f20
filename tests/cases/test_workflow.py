"""Moving a case through the escalation workflow: guards, events, lead times, the pages."""

import threading
from datetime import timedelta

import pytest
from django.db import close_old_connections, connection
from django.urls import reverse
from django.utils import timezone

from cases import selectors, services
from cases.models import Case, Decision, Event, Transition
from cases.models.choices import AccessLevel, Kader
from tests.factories import (
    UserFactory,
    access_for,
    make_case,
    seed_reference_data,
    set_case_state,
    share,
)
from woonoverlast.refusals import Refusal


def transition(case, to_kader=None, *, to_code=None, back=False):
    exits = Transition.objects.filter(workflow=case.workflow, from_stage=case.stage)
    if to_code:
        return exits.get(to_stage__code=to_code)
    exits = [t for t in exits if t.is_step_back == back]
    if to_kader is not None:
        exits = [t for t in exits if t.to_stage.kader == to_kader]
    return min(exits, key=lambda t: t.to_stage.order)


def stage(case, code):
    return case.workflow.stages.get(code=code)


def move(user, case, **kwargs):
    case.refresh_from_db()
    return services.transition_case(
        actor=user,
        access=access_for(user, case),
        transition=transition(case, **kwargs),
        justification=kwargs.pop(
            "justification", "Gesprekken en waarschuwingsbrief zonder effect."
        ),
    )


def test_a_forward_step_moves_the_case_and_appends_an_event(consulent):
    case = make_case(consulent)
    first = case.stage
    step = transition(case)
    services.transition_case(actor=consulent, access=access_for(consulent, case), transition=step)
    case.refresh_from_db()
    assert case.stage == step.to_stage
    event = case.events.filter(kind=Event.Kind.STAGE_CHANGED).get()
    assert event.data["from_id"] == first.pk and event.data["to_id"] == step.to_stage_id
    assert event.actor == consulent and event.organisation == consulent.organisation
    assert case.history.first().history_user == consulent


def test_entering_dwang_needs_a_justification_and_a_decision(consulent):
    case = make_case(consulent)
    set_case_state(case, consulent, stage=stage(case, "drang"))
    to_dwang = transition(case, Kader.DWANG)
    assert to_dwang.needs_justification

    with pytest.raises(Refusal) as refused:
        services.transition_case(
            actor=consulent,
            access=access_for(consulent, case),
            transition=to_dwang,
            justification="  ",
        )
    text = " ".join(refused.value.messages)
    assert "lichtere middelen" in text and "besluit van het casusoverleg" in text
    case.refresh_from_db()
    assert case.stage.code == "drang"
    assert not case.events.filter(kind=Event.Kind.STAGE_CHANGED).exists()

    decision = services.record_decision(
        actor=consulent,
        access=access_for(consulent, case),
        decided_on=timezone.localdate(),
        body="Casusoverleg Rivierstad",
        kind=Decision.Kind.ESCALATE,
        text="Opschalen.",
    )
    services.transition_case(
        actor=consulent,
        access=access_for(consulent, case),
        transition=to_dwang,
        justification="Gedragsovereenkomst tweemaal geschonden.",
        decision=decision,
    )
    case.refresh_from_db()
    assert case.stage.kader == Kader.DWANG


def test_a_decision_from_before_the_stage_does_not_count(consulent):
    case = make_case(consulent)
    services.record_decision(
        actor=consulent,
        access=access_for(consulent, case),
        decided_on=timezone.localdate() - timedelta(days=30),
        body="Casusoverleg",
        kind=Decision.Kind.ESCALATE,
        text="Oud besluit.",
    )
    set_case_state(case, consulent, stage=stage(case, "drang"))
    with pytest.raises(Refusal):
        services.transition_case(
            actor=consulent,
            access=access_for(consulent, case),
            transition=transition(case, Kader.DWANG),
            justification="Onderbouwd.",
        )


def test_a_transition_of_another_stage_is_refused(consulent):
    case = make_case(consulent)
    later = Transition.objects.filter(workflow=case.workflow).exclude(from_stage=case.stage).first()
    with pytest.raises(Refusal):
        services.transition_case(
            actor=consulent,
            access=access_for(consulent, case),
            transition=later,
            justification="x",
        )


def test_only_lead_or_regisseur_moves_and_kind_guard_applies(consulent, partner_user):
    case = make_case(consulent)
    share(case, partner_user.organisation, AccessLevel.VOLLEDIG, consulent)
    step = transition(case)
    with pytest.raises(Refusal):
        services.transition_case(
            actor=partner_user, access=access_for(partner_user, case), transition=step
        )
    step.allowed_organisation_kinds = ["gemeente"]
    step.save()
    with pytest.raises(Refusal) as refused:
        services.transition_case(
            actor=consulent, access=access_for(consulent, case), transition=step
        )
    assert "soort organisatie" in " ".join(refused.value.messages)


def test_skipping_and_stepping_back_are_possible(consulent):
    case = make_case(consulent)
    move(consulent, case)  # melding → triage
    move(consulent, case, to_code="vrijwillig")  # skip onderzoek
    move(consulent, case, back=True)  # back to onderzoek
    case.refresh_from_db()
    assert case.stage.code == "onderzoek"
    names = [p.stage_name for p in selectors.stage_periods(access_for(consulent, case))]
    assert names == [
        "Melding en registratie",
        "Triage",
        "Vrijwillig kader",
        "Onderzoek en dossieropbouw",
    ]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
def test_concurrent_transitions_cannot_both_succeed(transactional_db):
    seed_reference_data()
    user = UserFactory()
    case = make_case(user)
    step = transition(case)
    results = []
    barrier = threading.Barrier(2)

    def take():
        try:
            barrier.wait()
            fresh = Case.objects.get(pk=case.pk)
            services.transition_case(actor=user, access=access_for(user, fresh), transition=step)
            results.append("ok")
        except Refusal:
            results.append("refused")
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            results.append(repr(error))
        finally:
            close_old_connections()

    threads = [threading.Thread(target=take) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["ok", "refused"]
    assert Event.objects.filter(case=case, kind=Event.Kind.STAGE_CHANGED).count() == 1


def test_case_page_shows_stage_time_and_refuses_without_justification(client_for, consulent):
    case = make_case(consulent)
    set_case_state(case, consulent, stage=stage(case, "vrijwillig"))
    client = client_for(consulent)
    page = client.get(reverse("cases:detail", args=[case.reference])).content.decode()
    assert "werkdag" in page and "streefduur 40 werkdagen" in page
    to_drang = transition(case, Kader.DRANG)
    url = reverse("cases:transition", args=[case.reference, to_drang.pk])
    assert url in page

    response = client.post(url, {"justification": ""})
    assert response.status_code == 200
    assert "Een onderbouwing is verplicht" in response.content.decode()
    case.refresh_from_db()
    assert case.stage.code == "vrijwillig"

    response = client.post(url, {"justification": "Buurtbemiddeling mislukt."})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.stage.code == "drang"
    page = client.get(reverse("cases:detail", args=[case.reference])).content.decode()
    assert "Doorlooptijd per fase" in page and "Buurtbemiddeling mislukt." in page


def test_partner_cannot_reach_transition_or_decision_pages(client_for, consulent, partner_user):
    case = make_case(consulent)
    share(case, partner_user.organisation, AccessLevel.PROCES, consulent)
    step = transition(case)
    client = client_for(partner_user)
    assert (
        client.get(reverse("cases:transition", args=[case.reference, step.pk])).status_code == 404
    )
    assert client.get(reverse("cases:decision_add", args=[case.reference])).status_code == 404
    page = client.get(reverse("cases:detail", args=[case.reference])).content.decode()
    assert step.label not in page
