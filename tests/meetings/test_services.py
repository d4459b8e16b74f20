"""Planning, requests, the outcome and the read-only verslag."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from cases import services as case_services
from cases.models import ActionItem, Decision, Transition
from cases.models.choices import AccessLevel
from meetings import planning, services
from meetings.models import AgendaItem, AgendaRequest, Meeting
from tests.factories import access_for, set_case_state
from woonoverlast.refusals import Refusal

from .conftest import build_overleg, request_and_accept

pytestmark = pytest.mark.django_db


def _request(overleg, case, question="Wat doen we met de zorgmijding?"):
    return services.request_discussion(
        actor=overleg.consulent,
        access=access_for(overleg.consulent, case),
        series=overleg.series,
        question=question,
    )


def test_request_goes_to_the_first_meeting_whose_cutoff_has_not_passed(db):
    overleg = build_overleg(days_ahead=1)  # tomorrow: the 3-working-day cut-off has passed
    request = _request(overleg, overleg.case_all)
    assert request.meeting == overleg.next_meeting
    assert planning.cutoff_date(overleg.meeting) < timezone.localdate()


def test_request_refused_when_coordinator_cannot_see_the_case(overleg):
    from tests.factories import make_case

    unshared = make_case(overleg.consulent, street="Lindelaan")
    with pytest.raises(Refusal, match="Deel de zaak eerst"):
        _request(overleg, unshared)
    assert not AgendaRequest.objects.exists()


def test_request_twice_for_the_same_meeting_is_refused(overleg):
    _request(overleg, overleg.case_all)
    with pytest.raises(Refusal, match="al aangemeld"):
        _request(overleg, overleg.case_all)


def test_accept_defer_decline(overleg):
    accepted = _request(overleg, overleg.case_all)
    deferred = _request(overleg, overleg.case_police)
    item = services.accept_request(actor=overleg.coordinator, request=accepted)
    assert item.order == 1 and item.question == accepted.question
    deferred = services.defer_request(actor=overleg.coordinator, request=deferred)
    assert deferred.meeting == overleg.next_meeting
    assert deferred.status == AgendaRequest.Status.DEFERRED
    with pytest.raises(Refusal, match="waarom"):
        services.decline_request(actor=overleg.coordinator, request=deferred, note="  ")
    with pytest.raises(Refusal):
        services.accept_request(actor=overleg.consulent, request=deferred)


def test_move_item_reorders(overleg):
    first = request_and_accept(overleg, overleg.case_all)
    second = request_and_accept(overleg, overleg.case_police)
    services.move_item(actor=overleg.coordinator, item=second, offset=-1)
    order = list(overleg.meeting.items.order_by("order").values_list("pk", flat=True))
    assert order == [second.pk, first.pk]


def test_escalate_decision_at_the_meeting_satisfies_the_workflow_guard(overleg):
    case = overleg.case_all
    stages = list(case.workflow.stages.order_by("order"))
    guarded = Transition.objects.filter(workflow=case.workflow, requires_decision=True).first()
    assert guarded is not None, "the default workflow has a decision-guarded transition"
    set_case_state(case, overleg.consulent, stage=guarded.from_stage)
    assert stages  # the workflow is seeded
    item = request_and_accept(overleg, case)
    decision = services.record_item_decision(
        actor=overleg.coordinator, item=item, kind=Decision.Kind.ESCALATE, text="Opschalen."
    )
    assert decision.reference.endswith("agendapunt 1")
    assert item.decisions.get() == decision
    case.refresh_from_db()
    moved = case_services.transition_case(
        actor=overleg.consulent,
        access=access_for(overleg.consulent, case),
        transition=guarded,
        justification="Lichtere middelen geprobeerd: gesprekken en waarschuwingsbrief.",
        decision=decision,
    )
    assert moved.stage == guarded.to_stage


def test_action_item_at_the_meeting_lands_on_the_case(overleg):
    item = request_and_accept(overleg, overleg.case_all)
    action = services.add_item_action(
        actor=overleg.coordinator,
        item=item,
        title="Bemoeizorg inzetten",
        owner_organisation=overleg.ggd,
        owner=overleg.ggd_user,
        due_on=timezone.localdate() + timedelta(days=14),
    )
    assert action.case == overleg.case_all
    assert list(item.action_items.all()) == [action]
    assert access_for(overleg.ggd_user, overleg.case_all).action_items().get() == action


def test_betrokkene_not_informed_needs_a_reason(overleg):
    item = request_and_accept(overleg, overleg.case_all)
    with pytest.raises(Refusal, match="waarom"):
        services.record_outcome(
            actor=overleg.coordinator,
            item=item,
            minutes="",
            agreements="",
            next_review_on=None,
            betrokkene_informed=False,
        )


def _hold(overleg):
    meeting = overleg.meeting
    meeting.starts_at = timezone.now() - timedelta(hours=3)
    meeting.save()
    return services.mark_held(actor=overleg.coordinator, meeting=meeting)


def test_final_minutes_are_read_only(overleg):
    item = request_and_accept(overleg, overleg.case_all)
    _hold(overleg)
    with pytest.raises(Refusal, match="geïnformeerd"):
        services.finalise_minutes(actor=overleg.coordinator, meeting=overleg.meeting)
    services.record_outcome(
        actor=overleg.coordinator,
        item=item,
        minutes="Besproken.",
        agreements="",
        next_review_on=None,
        betrokkene_informed=True,
    )
    services.finalise_minutes(actor=overleg.coordinator, meeting=overleg.meeting)
    with pytest.raises(Refusal, match="vastgesteld"):
        services.record_outcome(
            actor=overleg.coordinator,
            item=item,
            minutes="Achteraf gewijzigd.",
            agreements="",
            next_review_on=None,
            betrokkene_informed=True,
        )
    with pytest.raises(Refusal, match="vastgesteld"):
        services.record_item_decision(
            actor=overleg.coordinator, item=item, kind=Decision.Kind.CLOSE, text="Sluiten."
        )
    with pytest.raises(Refusal, match="vastgesteld"):
        services.add_item_action(
            actor=overleg.coordinator,
            item=item,
            title="Te laat",
            owner_organisation=overleg.corporatie,
            due_on=timezone.localdate() + timedelta(days=3),
        )
    item.refresh_from_db()
    assert item.minutes == "Besproken."
    assert not ActionItem.objects.exists()
    assert Meeting.objects.get(pk=overleg.meeting.pk).status == Meeting.Status.FINAL


def test_compose_adds_review_and_overdue_cases_once(overleg):
    # An earlier meeting discussed two cases; one gets a review date before the next meeting.
    earlier = overleg.meeting
    reviewed = request_and_accept(overleg, overleg.case_all)
    request_and_accept(overleg, overleg.case_police)
    target = overleg.next_meeting
    with time_machine.travel(earlier.starts_at + timedelta(hours=2)):
        services.record_outcome(
            actor=overleg.coordinator,
            item=reviewed,
            minutes="",
            agreements="",
            next_review_on=timezone.localdate(target.starts_at),
            betrokkene_informed=True,
        )
    # case_police is over its stage target by the time of the next meeting.
    stage = overleg.case_police.stage
    stage.target_working_days = 1
    stage.save()
    set_case_state(
        overleg.case_police, overleg.consulent, stage_entered_at=timezone.now() - timedelta(days=30)
    )
    added = services.compose_agenda(meeting=target)
    sources = {item.case_id: item.source for item in added}
    assert sources == {
        overleg.case_all.pk: AgendaItem.Source.REVIEW,
        overleg.case_police.pk: AgendaItem.Source.OVERDUE,
    }
    assert services.compose_agenda(meeting=target) == []
    assert target.items.count() == 2


def test_bestaan_level_participant_gets_no_items(overleg):
    from tests.factories import share

    share(overleg.case_private, overleg.politie, AccessLevel.BESTAAN, overleg.consulent)
    from meetings import selectors

    request_and_accept(overleg, overleg.case_private)
    levels = selectors.meeting_levels(overleg.agent, overleg.meeting)
    assert selectors.agenda_entries(overleg.meeting, levels) == []


def test_agenda_entries_carry_a_decisions_text_only_at_volledig(overleg):
    """The door cuts the decision text, not the template (issue 12, one door)."""
    from meetings.selectors import agenda_entries

    item = request_and_accept(overleg, overleg.case_all)
    services.record_item_decision(
        actor=overleg.coordinator, item=item, kind=Decision.Kind.ESCALATE, text="Opschalen."
    )
    case_id = overleg.case_all.pk
    (process,) = agenda_entries(overleg.meeting, {case_id: AccessLevel.PROCES})
    (full,) = agenda_entries(overleg.meeting, {case_id: AccessLevel.VOLLEDIG})
    assert [d.text for d in process.decisions] == [""]
    assert process.decisions[0].kind_label
    assert [d.text for d in full.decisions] == ["Opschalen."]
