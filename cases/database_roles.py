"""Two PostgreSQL roles: the owner, who migrates, and the application role, who owns nothing.

The owner (the role `migrate` runs as) owns every table, trigger and function. The web
processes, the Celery worker and beat connect as the application role (`DATABASE_APP_ROLE`),
which may read and write the application's tables but only read and append to the logs
(cases_accesslog, cases_event): it has no UPDATE, DELETE or TRUNCATE there and cannot drop or
alter a trigger, because only an owner can. The only way it can remove log rows is through the
two SECURITY DEFINER functions below, which run as the owner and carry their own guards:

- `woonoverlast_purge_access_log(before)` refuses a cut-off later than now() minus the
  access log's retention period. The period is written into the function when the owner
  (re)creates it, so the application role cannot shorten it;
- `woonoverlast_delete_case_events(case, events)` removes events of a closed case only (the
  retention service destroys or anonymises closed cases, and nothing else).

Each function marks its own transaction (`woonoverlast.log_delete`, reset when the function
returns) and the append-only trigger lets a DELETE through only with that marker AND when the
current user owns the table: inside the function the current user is the owner; outside it,
the application role fails the privilege check before the trigger runs. See ADR 0016.

`install_log_functions` runs in migration cases 0047 and again in `manage.py grant_app_role`
after every migrate, so a changed ACCESS_LOG_RETENTION_MONTHS reaches the function. With
`DATABASE_APP_ROLE` empty (demo, development, CI) one role does everything, as before.
"""

from __future__ import annotations

from django.apps import apps
from psycopg import sql

MARKER = "woonoverlast.log_delete"
PURGE_ACCESS_LOG = "woonoverlast_purge_access_log"
DELETE_CASE_EVENTS = "woonoverlast_delete_case_events"
FUNCTION_SIGNATURES = [
    sql.SQL("{}(timestamptz)").format(sql.Identifier(PURGE_ACCESS_LOG)),
    sql.SQL("{}(bigint, bigint[])").format(sql.Identifier(DELETE_CASE_EVENTS)),
]

# SECURITY DEFINER functions run as the owner: the search_path is fixed to the schema the
# tables live in (pg_temp last, so nobody's temporary table can stand in for a log table), and
# the marker is a SET clause too, so PostgreSQL restores it when the function returns.
PURGE_ACCESS_LOG_SQL = """
CREATE OR REPLACE FUNCTION {function}(before timestamptz) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = {schema}, pg_temp
SET woonoverlast.log_delete = ''
AS $$
DECLARE
    removed bigint;
BEGIN
    IF before IS NULL OR before > now() - make_interval(months => {months}) THEN
        RAISE EXCEPTION USING
            ERRCODE = 'insufficient_privilege',
            MESSAGE = 'access-log rows are kept ' || {months} || ' months; cut-off '
                || coalesce(before::text, 'NULL') || ' is too recent';
    END IF;
    PERFORM set_config('woonoverlast.log_delete', 'cases_accesslog:' || before::text, true);
    DELETE FROM cases_accesslog WHERE at < before;
    GET DIAGNOSTICS removed = ROW_COUNT;
    RETURN removed;
END;
$$
"""

DELETE_CASE_EVENTS_SQL = """
CREATE OR REPLACE FUNCTION {function}(target_case bigint, only_events bigint[] DEFAULT NULL)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = {schema}, pg_temp
SET woonoverlast.log_delete = ''
AS $$
DECLARE
    removed bigint;
BEGIN
    -- The retention service removes events only of closed cases (destroyed or anonymised
    -- after their period); the row lock keeps the case closed until the transaction ends.
    PERFORM 1 FROM cases_case WHERE id = target_case AND closed_on IS NOT NULL FOR SHARE;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING
            ERRCODE = 'insufficient_privilege',
            MESSAGE = 'events of case ' || coalesce(target_case::text, 'NULL')
                || ' may only be removed once the case is closed';
    END IF;
    PERFORM set_config('woonoverlast.log_delete', 'cases_event:' || target_case, true);
    DELETE FROM cases_event
        WHERE case_id = target_case AND (only_events IS NULL OR id = ANY(only_events));
    GET DIAGNOSTICS removed = ROW_COUNT;
    RETURN removed;
END;
$$
"""


def append_only_tables() -> list[str]:
    """The log tables (and their history tables, should they ever get one)."""
    tables = []
    for label in ("cases.AccessLog", "cases.Event"):
        model = apps.get_model(label)
        tables.append(model._meta.db_table)
        history = getattr(model, "history", None)
        if history is not None:
            tables.append(history.model._meta.db_table)
    return tables


def _schema(cursor) -> str:
    cursor.execute("SELECT current_schema()")
    return cursor.fetchone()[0]


def install_log_functions(cursor, *, months: int) -> None:
    """(Re)create the two purge functions as the current user (the owner)."""
    schema = sql.Identifier(_schema(cursor))
    for template, name in (
        (PURGE_ACCESS_LOG_SQL, PURGE_ACCESS_LOG),
        (DELETE_CASE_EVENTS_SQL, DELETE_CASE_EVENTS),
    ):
        cursor.execute(
            sql.SQL(template).format(
                function=sql.Identifier(name), schema=schema, months=sql.Literal(int(months))
            )
        )
    for signature in FUNCTION_SIGNATURES:
        # Functions are executable by PUBLIC unless that is taken away.
        cursor.execute(sql.SQL("REVOKE ALL ON FUNCTION {} FROM PUBLIC").format(signature))


def grant_app_role(cursor, role: str) -> None:
    """Give `role` what the web, worker and beat need, and no more. Idempotent.

    Run as the owner after every migrate. ALTER DEFAULT PRIVILEGES covers tables a later
    migrate creates before this runs again; the log tables are narrowed here every time."""
    cursor.execute("SELECT current_user, EXISTS (SELECT FROM pg_roles WHERE rolname = %s)", [role])
    owner, exists = cursor.fetchone()
    if not exists:
        raise ValueError(f"database role {role!r} does not exist")
    if role == owner:
        raise ValueError(f"database role {role!r} is the owner; the app role must be another")
    schema = sql.Identifier(_schema(cursor))
    app = sql.Identifier(role)
    statements = [
        "GRANT USAGE ON SCHEMA {schema} TO {app}",
        "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {app}",
        "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {app}",
        "ALTER DEFAULT PRIVILEGES IN SCHEMA {schema}"
        " GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {app}",
        "ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT USAGE, SELECT ON SEQUENCES TO {app}",
    ]
    for statement in statements:
        cursor.execute(sql.SQL(statement).format(schema=schema, app=app))
    # The migration record is the owner's: the application only reads it.
    narrowed = [("django_migrations", "SELECT")]
    narrowed += [(table, "SELECT, INSERT") for table in append_only_tables()]
    for table, privileges in narrowed:
        cursor.execute(
            sql.SQL("REVOKE ALL ON TABLE {table} FROM {app}").format(
                table=sql.Identifier(table), app=app
            )
        )
        cursor.execute(
            sql.SQL("GRANT {privileges} ON TABLE {table} TO {app}").format(
                privileges=sql.SQL(privileges), table=sql.Identifier(table), app=app
            )
        )
    for signature in FUNCTION_SIGNATURES:
        cursor.execute(sql.SQL("GRANT EXECUTE ON FUNCTION {} TO {}").format(signature, app))
