"""Workflow versions: drafts, publish validation, migrating running cases (service + command)."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command

from cases.models import Event, Transition, Workflow
from cases.services import workflow_config as config
from tests.factories import UserFactory, make_case, set_case_state
from woonoverlast.refusals import Refusal


@pytest.fixture
def admin_user(corporatie):
    """The regional functional admin: keeps the default workflow these tests change."""
    return UserFactory(
        username="fb", organisation=corporatie, role="Regionaal functioneel beheerder"
    )


@pytest.fixture
def default():
    return Workflow.objects.get(name="Standaard woonoverlast", status=Workflow.Status.PUBLISHED)


def snapshot(workflow):
    return (
        sorted(
            workflow.stages.values_list(
                "code", "name", "kader", "order", "target_working_days", "is_final"
            )
        ),
        sorted(workflow.transitions.values_list("from_stage__code", "to_stage__code", "label")),
        workflow.status,
    )


def test_a_draft_is_a_full_copy_as_the_next_version(admin_user, default):
    gemeente = Group.objects.get(name="Coordinator")
    step = default.transitions.first()
    step.allowed_groups.add(gemeente)
    draft = config.create_draft(actor=admin_user, workflow=default)
    assert draft.version == default.version + 1 and draft.is_draft
    assert snapshot(draft)[:2] == snapshot(default)[:2]
    copy = draft.transitions.get(
        from_stage__code=step.from_stage.code, to_stage__code=step.to_stage.code
    )
    assert list(copy.allowed_groups.all()) == [gemeente]
    assert copy.from_stage.workflow == draft
    with pytest.raises(Refusal, match="al een concept"):
        config.create_draft(actor=admin_user, workflow=default)


def test_a_published_version_cannot_be_edited(admin_user, default):
    before = snapshot(default)
    stage = default.stages.first()
    with pytest.raises(Refusal, match="verandert nooit"):
        config.save_stage(actor=admin_user, workflow=default, stage=stage, name="Anders")
    with pytest.raises(Refusal, match="verandert nooit"):
        config.delete_transition(actor=admin_user, transition=default.transitions.first())
    assert snapshot(default) == before


def test_editing_needs_the_functional_admin_permission(consulent, default):
    with pytest.raises(Refusal) as refused:
        config.create_draft(actor=consulent, workflow=default)
    assert refused.value.kind == Refusal.FORBIDDEN


def test_publishing_a_draft_makes_it_the_version_for_new_cases(admin_user, consulent, default):
    old_case = make_case(consulent)
    draft = config.create_draft(actor=admin_user, workflow=default)
    config.save_stage(
        actor=admin_user,
        workflow=draft,
        stage=draft.stages.get(code="triage"),
        target_working_days=3,
    )
    config.publish_workflow(actor=admin_user, workflow=draft)
    default.refresh_from_db()
    assert default.status == Workflow.Status.RETIRED
    new_case = make_case(consulent)
    assert new_case.workflow == draft and new_case.stage.workflow == draft
    old_case.refresh_from_db()
    assert old_case.workflow == default  # running cases keep their version


@pytest.fixture
def draft(admin_user, default):
    return config.create_draft(actor=admin_user, workflow=default)


def add_stage(admin_user, draft, code, order, final=False, target=5):
    return config.save_stage(
        actor=admin_user,
        workflow=draft,
        code=code,
        name=code.title(),
        kader="",
        order=order,
        target_working_days=target,
        is_final=final,
    )


def refused_publish(admin_user, draft):
    before = snapshot(draft)
    with pytest.raises(Refusal) as refused:
        config.publish_workflow(actor=admin_user, workflow=draft)
    draft.refresh_from_db()
    assert snapshot(draft) == before and draft.is_draft
    return " ".join(refused.value.messages)


def test_publish_refuses_an_unreachable_stage(admin_user, draft):
    add_stage(admin_user, draft, "los", 50)
    message = refused_publish(admin_user, draft)
    assert "Los is niet te bereiken vanuit de beginfase" in message


def test_publish_refuses_a_workflow_without_final_stage(admin_user, draft):
    final = draft.stages.get(is_final=True)
    config.save_stage(actor=admin_user, workflow=draft, stage=final, is_final=False)
    assert "geen eindfase" in refused_publish(admin_user, draft)


def test_publish_refuses_a_cycle_without_exit(admin_user, draft):
    dwang = draft.stages.get(code="dwang")
    a = add_stage(admin_user, draft, "lus-a", 20)
    b = add_stage(admin_user, draft, "lus-b", 21)
    config.save_transition(
        actor=admin_user, workflow=draft, from_stage=dwang, to_stage=a, label="Naar lus"
    )
    config.save_transition(actor=admin_user, workflow=draft, from_stage=a, to_stage=b, label="a-b")
    config.save_transition(actor=admin_user, workflow=draft, from_stage=b, to_stage=a, label="b-a")
    message = refused_publish(admin_user, draft)
    assert "Vanuit de fase Lus-A is geen eindfase te bereiken" in message
    assert "Lus-B" in message and "Dwang" not in message


def test_a_stage_with_no_way_out_is_refused(admin_user, draft):
    add = add_stage(admin_user, draft, "doodlopend", 30)
    config.save_transition(
        actor=admin_user,
        workflow=draft,
        from_stage=draft.stages.get(code="triage"),
        to_stage=add,
        label="Naar doodlopend",
    )
    assert "Doodlopend is geen eindfase te bereiken" in refused_publish(admin_user, draft)


def test_duplicate_codes_and_negative_targets_are_refused_and_not_saved(admin_user, draft):
    count = draft.stages.count()
    with pytest.raises(Refusal) as refused:
        add_stage(admin_user, draft, "triage", 40)
    assert refused.value.errors["code"] == [
        "De code triage bestaat al in deze werkwijze; kies een andere."
    ]
    with pytest.raises(Refusal) as refused:
        add_stage(admin_user, draft, "nieuw", 41, target=-3)
    assert refused.value.errors["target_working_days"] == ["De streefduur kan niet negatief zijn."]
    assert draft.stages.count() == count


def test_transitions_are_validated(admin_user, draft, default):
    triage = draft.stages.get(code="triage")
    with pytest.raises(Refusal) as refused:
        config.save_transition(
            actor=admin_user, workflow=draft, from_stage=triage, to_stage=triage, label="x"
        )
    assert "andere fase" in str(refused.value)
    with pytest.raises(Refusal) as refused:
        config.save_transition(
            actor=admin_user,
            workflow=draft,
            from_stage=triage,
            to_stage=default.stages.get(code="drang"),
            label="x",
        )
    assert "Kies een fase van dit concept" in str(refused.value)
    with pytest.raises(Refusal, match="al een overgang"):
        config.save_transition(
            actor=admin_user,
            workflow=draft,
            from_stage=triage,
            to_stage=draft.stages.get(code="onderzoek"),
            label="dubbel",
        )


def renamed_version(admin_user, default):
    """A new published version in which 'onderzoek' is called 'verkenning'."""
    draft = config.create_draft(actor=admin_user, workflow=default)
    stage = draft.stages.get(code="onderzoek")
    config.save_stage(actor=admin_user, workflow=draft, stage=stage, code="verkenning")
    return config.publish_workflow(actor=admin_user, workflow=draft)


def test_migrating_running_cases_maps_every_stage_and_adds_an_event(admin_user, consulent, default):
    in_onderzoek = make_case(consulent)
    set_case_state(in_onderzoek, consulent, stage=default.stages.get(code="onderzoek"))
    in_melding = make_case(consulent)
    closed = make_case(consulent)
    set_case_state(closed, consulent, closed_on=closed.opened_on)
    new = renamed_version(admin_user, default)
    mapping = {default.stages.get(code="melding").pk: new.stages.get(code="melding").pk}

    with pytest.raises(Refusal, match="Onderzoek en dossieropbouw"):
        config.migrate_cases(actor=admin_user, source=default, target=new, mapping=mapping)
    in_melding.refresh_from_db()
    assert in_melding.workflow == default
    assert not Event.objects.filter(kind=Event.Kind.WORKFLOW_MIGRATED).exists()

    mapping[default.stages.get(code="onderzoek").pk] = new.stages.get(code="verkenning").pk
    moved = config.migrate_cases(actor=admin_user, source=default, target=new, mapping=mapping)
    assert moved == 2
    in_onderzoek.refresh_from_db()
    assert in_onderzoek.workflow == new and in_onderzoek.stage.code == "verkenning"
    event = in_onderzoek.events.get(kind=Event.Kind.WORKFLOW_MIGRATED)
    assert event.data["from_version"] == 1 and event.data["to_version"] == 2
    assert event.data["to_id"] == in_onderzoek.stage_id and event.actor == admin_user
    closed.refresh_from_db()
    assert closed.workflow == default


def test_migration_needs_its_permission_and_a_published_target(admin_user, consulent, default):
    draft = config.create_draft(actor=admin_user, workflow=default)
    with pytest.raises(Refusal, match="gepubliceerde versie"):
        config.migrate_cases(actor=admin_user, source=default, target=draft, mapping={})
    with pytest.raises(Refusal) as refused:
        config.migrate_cases(actor=consulent, source=default, target=draft, mapping={})
    assert refused.value.kind == Refusal.FORBIDDEN


def test_the_command_migrates_by_stage_code(admin_user, consulent, default, capsys):
    case = make_case(consulent)
    set_case_state(case, consulent, stage=default.stages.get(code="onderzoek"))
    make_case(consulent)
    new = renamed_version(admin_user, default)
    args = ["--from", str(default.pk), "--to", str(new.pk), "--user", admin_user.username]

    with pytest.raises(CommandError, match="Onderzoek en dossieropbouw"):
        call_command("migrate_workflow_cases", *args)
    with pytest.raises(CommandError, match="Ongeldige mapping"):
        call_command("migrate_workflow_cases", *args, "--map", "onderzoek=bestaat-niet")
    call_command("migrate_workflow_cases", *args, "--map", "onderzoek=verkenning", "--dry-run")
    case.refresh_from_db()
    assert case.workflow == default

    call_command("migrate_workflow_cases", *args, "--map", "onderzoek=verkenning")
    assert "2 zaken overgezet" in capsys.readouterr().out
    case.refresh_from_db()
    assert case.workflow == new and case.stage.code == "verkenning"
    assert case.events.filter(kind=Event.Kind.WORKFLOW_MIGRATED).count() == 1
    assert Transition.objects.filter(workflow=new).count() == default.transitions.count()
