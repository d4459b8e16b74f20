"""Property-based test: random sequences of transitions, decisions, publishes and migrations.

After every step: each case's stage belongs to the case's workflow version, the event log
replays to the current stage, and no stage change ever happened that the guards (as written
down independently here) would have refused.
"""

import pytest
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from cases import services
from cases.models import Case, Decision, Event, Transition, Workflow
from cases.models.choices import AccessLevel, Kader
from cases.services import workflow_config as config
from partners.models import OrganisationKind
from tests.factories import OrganisationFactory, UserFactory, access_for, make_case, share
from woonoverlast.refusals import Refusal

REPLAYED = {
    Event.Kind.CASE_OPENED: "stage_id",
    Event.Kind.STAGE_CHANGED: "to_id",
    Event.Kind.WORKFLOW_MIGRATED: "to_id",
}


def expected_problems(case, user, step, justification, decision) -> bool:
    """The guards, restated from the issue rather than imported: True when refused."""
    if step.workflow_id != case.workflow_id or step.from_stage_id != case.stage_id:
        return True
    if case.lead_organisation_id != user.organisation_id and case.regisseur_id != user.pk:
        return True
    if not user.has_perm("cases.change_case"):
        return True
    if (
        step.allowed_organisation_kinds
        and user.organisation.kind not in step.allowed_organisation_kinds
    ):
        return True
    groups = set(step.allowed_groups.all())
    if groups and not groups & set(user.groups.all()):
        return True
    if step.requires_decision and (
        decision is None
        or decision.kind != Decision.Kind.ESCALATE
        or decision.decided_on < timezone.localtime(case.stage_entered_at).date()
    ):
        return True
    needs_text = step.requires_justification or step.to_stage.kader == Kader.DWANG
    return needs_text and not justification.strip()


class WorkflowMachine(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        # Each example runs in a savepoint that is rolled back at teardown.
        self._atomic = transaction.atomic()
        self._atomic.__enter__()
        lead = OrganisationFactory(kind=OrganisationKind.CORPORATIE)
        self.consulent = UserFactory(organisation=lead)
        self.partner = UserFactory(organisation=OrganisationFactory(kind=OrganisationKind.GEMEENTE))
        # The machine changes the regional default workflow: its admin is the regional one.
        self.admin = UserFactory(organisation=lead, role="Regionaal functioneel beheerder")
        self.cases = [make_case(self.consulent) for _ in range(2)]
        for case in self.cases:
            share(case, self.partner.organisation, AccessLevel.VOLLEDIG, self.consulent)
        self.moves = 0

    def teardown(self):
        transaction.set_rollback(True)
        self._atomic.__exit__(None, None, None)

    def _case(self, index) -> Case:
        case = self.cases[index % len(self.cases)]
        case.refresh_from_db()
        return case

    @rule(
        index=st.integers(0, 1),
        choice=st.integers(0, 10),
        by_partner=st.booleans(),
        justify=st.booleans(),
        use_decision=st.booleans(),
    )
    def take_transition(self, index, choice, by_partner, justify, use_decision):
        case = self._case(index)
        exits = list(Transition.objects.filter(workflow=case.workflow, from_stage=case.stage))
        if not exits:
            return
        step = exits[choice % len(exits)]
        user = self.partner if by_partner else self.consulent
        justification = "Lichtere middelen zonder effect." if justify else ""
        decision = case.decisions.first() if use_decision else None
        refused_expected = expected_problems(case, user, step, justification, decision)
        before = case.stage_id
        try:
            services.transition_case(
                actor=user,
                access=access_for(user, case),
                transition=step,
                justification=justification,
                decision=decision,
            )
        except Refusal:
            assert refused_expected, f"refused although allowed: {step}"
            case.refresh_from_db()
            assert case.stage_id == before
        else:
            assert not refused_expected, f"guard bypassed: {step} by {user}"
            self.moves += 1

    @rule(index=st.integers(0, 1), days_ago=st.integers(0, 3))
    def record_decision(self, index, days_ago):
        case = self._case(index)
        services.record_decision(
            actor=self.consulent,
            access=access_for(self.consulent, case),
            decided_on=timezone.localdate() - timezone.timedelta(days=days_ago),
            body="Casusoverleg",
            kind=Decision.Kind.ESCALATE,
            text="Opschalen.",
        )

    @rule(
        change=st.sampled_from(["guard", "kinds", "rename", "unreachable", "drop"]),
        pick=st.integers(0, 30),
    )
    def publish_new_version(self, change, pick):
        current = Workflow.objects.get(
            name="Standaard woonoverlast", status=Workflow.Status.PUBLISHED
        )
        draft = config.create_draft(actor=self.admin, workflow=current)
        transitions = list(draft.transitions.order_by("pk"))
        stages = list(draft.stages.order_by("order"))
        if change == "guard":
            step = transitions[pick % len(transitions)]
            config.save_transition(
                actor=self.admin, workflow=draft, transition=step, requires_decision=True
            )
        elif change == "kinds":
            step = transitions[pick % len(transitions)]
            config.save_transition(
                actor=self.admin,
                workflow=draft,
                transition=step,
                allowed_organisation_kinds=["gemeente"],
            )
        elif change == "rename":
            stage = stages[1 + pick % (len(stages) - 1)]
            if len(stage.code) < 40:
                config.save_stage(
                    actor=self.admin, workflow=draft, stage=stage, code=stage.code + "-n"
                )
        elif change == "unreachable":
            config.save_stage(
                actor=self.admin,
                workflow=draft,
                code="los",
                name="Los",
                kader="",
                order=999,
                is_final=True,
            )
        else:
            config.delete_transition(
                actor=self.admin, transition=transitions[pick % len(transitions)]
            )
        problems = config.workflow_problems(draft)
        if change == "unreachable":
            assert problems
        try:
            config.publish_workflow(actor=self.admin, workflow=draft)
        except Refusal:
            assert problems
            draft.refresh_from_db()
            assert draft.is_draft
            config.discard_draft(actor=self.admin, workflow=draft)
        else:
            assert not problems
            # New cases get the new version.
            self.cases.append(make_case(self.consulent))
            share(self.cases[-1], self.partner.organisation, AccessLevel.VOLLEDIG, self.consulent)

    @rule()
    def migrate_old_cases(self):
        target = Workflow.objects.get(
            name="Standaard woonoverlast", status=Workflow.Status.PUBLISHED
        )
        for source in Workflow.objects.filter(status=Workflow.Status.RETIRED):
            new = {s.code: s.pk for s in target.stages.all()}
            first = target.first_stage.pk
            mapping = {s.pk: new.get(s.code, first) for s in source.stages.all()}
            config.migrate_cases(actor=self.admin, source=source, target=target, mapping=mapping)

    @invariant()
    def stage_belongs_to_version_and_log_replays(self):
        for case in Case.objects.filter(pk__in=[c.pk for c in self.cases]).select_related("stage"):
            assert case.stage.workflow_id == case.workflow_id
            replayed = None
            for event in case.events.filter(kind__in=list(REPLAYED)).order_by("occurred_at", "id"):
                replayed = event.data[REPLAYED[event.kind]]
            assert replayed == case.stage_id

    @invariant()
    def every_recorded_move_satisfied_its_guards(self):
        for event in Event.objects.filter(
            case__in=[c.pk for c in self.cases], kind=Event.Kind.STAGE_CHANGED
        ):
            step = Transition.objects.get(pk=event.data["transition_id"])
            assert step.from_stage_id == event.data["from_id"]
            assert step.to_stage_id == event.data["to_id"]
            if step.needs_justification:
                assert event.data["justification"]
            if step.requires_decision:
                assert event.data["decision_id"] is not None


@pytest.mark.django_db
def test_random_sequences_keep_the_workflow_invariants():
    run_state_machine_as_test(
        WorkflowMachine,
        settings=settings(
            max_examples=25,
            stateful_step_count=12,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )
