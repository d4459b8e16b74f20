"""Issue 12, finding 15: under the application role the logs are append-only for real.

Each test creates a throwaway NOLOGIN role with a random name, applies the same grant code
that `manage.py grant_app_role` runs, and SETs ROLE to it on the test connection, so every
statement below is checked by PostgreSQL's privileges and the trigger, nothing is mocked. The
role, its grants and default privileges go in teardown (and with the test's transaction).
"""

import secrets
from contextlib import contextmanager
from datetime import date, timedelta

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction
from django.utils import timezone
from psycopg import sql
from psycopg.pq import TransactionStatus

from cases.database_roles import grant_app_role, install_log_functions
from cases.models import AccessLog, Case, DestructionRecord, Event, RetentionCategory, RetentionRule
from cases.retention import services as retention
from tests.factories import make_case, set_case_state
from tests.retention.test_retention import SURNAME, full_case, rows_mentioning  # noqa: F401

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="database roles exist on PostgreSQL only"
    ),
]
MONTHS = 60


def _role_exists(role: str) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT EXISTS (SELECT FROM pg_roles WHERE rolname = %s)", [role])
        return cursor.fetchone()[0]


@pytest.fixture
def app_role(db):
    """A fresh application role with the production grants; the functions keep MONTHS."""
    role = f"woonoverlast_test_app_{secrets.token_hex(6)}"
    with connection.cursor() as cursor:
        install_log_functions(cursor, months=MONTHS)
        cursor.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(role)))
        grant_app_role(cursor, role)
    try:
        yield role
    finally:
        raw = connection.connection
        # After an error outside a savepoint only the rollback of the test's transaction can
        # run; it undoes CREATE ROLE and every grant as well.
        if raw is not None and raw.info.transaction_status != TransactionStatus.INERROR:
            with connection.cursor() as cursor:
                cursor.execute("RESET ROLE")
                cursor.execute(sql.SQL("DROP OWNED BY {}").format(sql.Identifier(role)))
                cursor.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(role)))
            assert not _role_exists(role)


@contextmanager
def acting_as(role: str):
    with connection.cursor() as cursor:
        cursor.execute(sql.SQL("SET ROLE {}").format(sql.Identifier(role)))
    try:
        yield
    finally:
        if connection.connection.info.transaction_status != TransactionStatus.INERROR:
            with connection.cursor() as cursor:
                cursor.execute("RESET ROLE")


DENIED = "permission denied"
NOT_OWNER = "must be owner"
APPEND_ONLY = "is append-only"


def refused(statement, params=None, *, because: str) -> bool:
    """Run one statement in a savepoint: did PostgreSQL refuse it, for that reason?"""
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(statement, params)
    except DatabaseError as error:
        assert because in str(error), str(error)
        return True
    return False


def current_user() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_user")
        return cursor.fetchone()[0]


def log_row(at):
    return AccessLog.objects.create(username="x", action="view", outcome="allowed", at=at)


def test_the_app_role_may_append_to_the_logs_but_not_change_or_remove_them(app_role, consulent):
    case = make_case(consulent)
    set_case_state(case, consulent, closed_on=date(2020, 1, 1))
    old = log_row(timezone.now() - timedelta(days=365 * 10))
    with acting_as(app_role):
        assert current_user() == app_role
        # Appending and reading work: the application keeps running.
        log_row(timezone.now())
        assert AccessLog.objects.count() == 2
        assert Event.objects.filter(case=case).exists()

        for statement, params in [
            ("DELETE FROM cases_accesslog", None),
            ("DELETE FROM cases_accesslog WHERE id = %s", [old.pk]),
            ("UPDATE cases_accesslog SET outcome = 'denied'", None),
            ("TRUNCATE cases_accesslog", None),
            ("UPDATE cases_event SET kind = 'case_changed'", None),
            ("DELETE FROM django_migrations", None),  # the migration record is the owner's
            # The session variables that migration 0041 trusted open nothing any more,
            (
                "SELECT set_config('woonoverlast.accesslog_purge_before', %s, true);"
                " DELETE FROM cases_accesslog WHERE at < now()",
                [timezone.now().isoformat()],
            ),
            (
                "SELECT set_config('woonoverlast.retention_case', %s, true);"
                " DELETE FROM cases_event WHERE case_id = %s",
                [str(case.pk), case.pk],
            ),
            # and neither does setting the functions' own marker by hand.
            (
                "SELECT set_config('woonoverlast.log_delete', %s, true);"
                " DELETE FROM cases_event WHERE case_id = %s",
                [f"cases_event:{case.pk}", case.pk],
            ),
        ]:
            assert refused(statement, params, because=DENIED), statement
        # Only an owner may touch the trigger or the table.
        for statement in [
            "DROP TRIGGER cases_accesslog_append_only ON cases_accesslog",
            "ALTER TABLE cases_accesslog DISABLE TRIGGER cases_accesslog_append_only",
            "ALTER TABLE cases_event OWNER TO CURRENT_USER",
            "DROP TABLE cases_event",
        ]:
            assert refused(statement, because=NOT_OWNER), statement
        # Nor replace the trigger's function (PostgreSQL 15+: nor create anything at all).
        assert refused(
            "CREATE OR REPLACE FUNCTION woonoverlast_refuse_change() RETURNS trigger"
            " LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$",
            because="",
        )
        # Other tables stay the application's to write.
        assert not refused(
            "UPDATE cases_case SET summary = summary WHERE id = %s", [case.pk], because=""
        )
    assert AccessLog.objects.filter(pk=old.pk).exists()
    assert Event.objects.filter(case=case).exists()


def test_the_purge_function_keeps_its_own_period(app_role):
    now = timezone.now()
    ancient = log_row(now - timedelta(days=31 * (MONTHS + 1)))
    kept = log_row(now - timedelta(days=30 * (MONTHS - 1)))
    fresh = log_row(now)
    with acting_as(app_role):
        for cutoff in (now, now - timedelta(days=30)):
            sweep = "SELECT woonoverlast_purge_access_log(%s)"
            assert refused(sweep, [cutoff], because="kept 60 months")
        assert AccessLog.objects.count() == 3

        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT woonoverlast_purge_access_log(%s)",
                [now - timedelta(days=31 * MONTHS)],
            )
            assert cursor.fetchone()[0] == 1
            # The marker ends with the function: a DELETE afterwards is refused again.
            cursor.execute("SELECT current_setting('woonoverlast.log_delete', true)")
            assert cursor.fetchone()[0] == ""
        assert refused("DELETE FROM cases_accesslog", because=DENIED)
    assert set(AccessLog.objects.values_list("pk", flat=True)) == {kept.pk, fresh.pk}
    assert not AccessLog.objects.filter(pk=ancient.pk).exists()


def test_events_go_only_of_a_closed_case_and_only_that_case(app_role, consulent):
    running, closed, other_closed = make_case(consulent), make_case(consulent), make_case(consulent)
    for case in (closed, other_closed):
        set_case_state(case, consulent, closed_on=date(2020, 1, 1))
    statement = "SELECT woonoverlast_delete_case_events(%s::bigint, %s::bigint[])"
    with acting_as(app_role):
        assert refused(statement, [running.pk, None], because="once the case is closed")
        assert refused(statement, [-1, None], because="once the case is closed")
        with connection.cursor() as cursor:
            cursor.execute(statement, [closed.pk, None])
            assert cursor.fetchone()[0] == Event.objects.filter(case=other_closed).count() == 1
            # Ids of another case's events do not widen the delete.
            other_event = Event.objects.get(case=other_closed)
            cursor.execute(statement, [closed.pk, [other_event.pk]])
            assert cursor.fetchone()[0] == 0
    assert not Event.objects.filter(case=closed).exists()
    assert Event.objects.filter(case=running).exists()
    assert Event.objects.filter(case=other_closed).exists()


def test_the_retention_sweep_runs_under_the_app_role(app_role, full_case, consulent):  # noqa: F811
    ancient = log_row(timezone.now() - timedelta(days=31 * (MONTHS + 2)))
    logged = AccessLog.objects.filter(case_id_ref=full_case.pk).count()
    with acting_as(app_role):
        assert retention.run_retention_sweep(today=date(2026, 1, 15)) == 1
        assert current_user() == app_role
    assert not Case.objects.filter(pk=full_case.pk).exists()
    assert not Event.objects.filter(case_id=full_case.pk).exists()
    assert rows_mentioning(SURNAME) == []
    assert DestructionRecord.objects.get(case_id_ref=full_case.pk).removed["gebeurtenissen"] >= 1
    assert not AccessLog.objects.filter(pk=ancient.pk).exists()
    assert AccessLog.objects.filter(case_id_ref=full_case.pk).count() == logged


def test_anonymising_rewrites_events_under_the_app_role(app_role, full_case, corporatie):  # noqa: F811
    RetentionRule.objects.create(
        organisation=corporatie, category=RetentionCategory.PERSONS, months_after_closure=6
    )
    before = Event.objects.filter(case=full_case).count()
    with acting_as(app_role):
        assert retention.run_retention_sweep(today=date(2024, 7, 15)) == 1
    stage_change = Event.objects.get(case=full_case, kind=Event.Kind.STAGE_CHANGED)
    assert stage_change.data["justification"] == retention.REMOVED_TEXT
    assert Event.objects.filter(case=full_case).count() == before
    assert rows_mentioning(SURNAME) == []


def test_the_owner_trusts_no_session_variable_either(consulent):
    """One role (demo, development, CI): the old way round the trigger is closed there too."""
    case = make_case(consulent)
    set_case_state(case, consulent, closed_on=date(2020, 1, 1))
    log_row(timezone.now() - timedelta(days=365 * 10))
    assert refused(
        "SELECT set_config('woonoverlast.accesslog_purge_before', %s, true);"
        " DELETE FROM cases_accesslog",
        [timezone.now().isoformat()],
        because=APPEND_ONLY,
    )
    assert refused(
        "SELECT set_config('woonoverlast.retention_case', %s, true);"
        " DELETE FROM cases_event WHERE case_id = %s",
        [str(case.pk), case.pk],
        because=APPEND_ONLY,
    )
    assert refused("SELECT woonoverlast_purge_access_log(now())", because="is too recent")
    assert AccessLog.objects.count() == 1
    assert Event.objects.filter(case=case).exists()


def test_the_command_sets_the_period_and_refuses_a_wrong_role(settings, app_role):
    now = timezone.now()
    row = log_row(now - timedelta(days=400))
    with acting_as(app_role):
        assert refused(
            "SELECT woonoverlast_purge_access_log(%s)",
            [now - timedelta(days=370)],
            because="kept 60 months",
        )
    settings.ACCESS_LOG_RETENTION_MONTHS = 12
    call_command("grant_app_role", role=app_role)
    with acting_as(app_role):
        assert retention.purge_access_log() == 1
    assert not AccessLog.objects.filter(pk=row.pk).exists()

    with pytest.raises(CommandError, match="does not exist"):
        call_command("grant_app_role", role=f"missing_{secrets.token_hex(4)}")
    with pytest.raises(CommandError, match="is the owner"):
        call_command("grant_app_role", role=current_user())
