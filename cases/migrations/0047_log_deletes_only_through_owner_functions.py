from django.conf import settings
from django.db import migrations

# Issue 12, finding 15: migration 0041 let any session that set woonoverlast.retention_case or
# woonoverlast.accesslog_purge_before delete log rows. The trigger now trusts no variable a
# session can set by itself: a DELETE passes only with the marker that the owner's SECURITY
# DEFINER functions set (cases/database_roles.py), and only when the current user owns the
# table, which inside those functions it does. UPDATE stays refused always. See ADR 0016.
REPLACE_TRIGGER_FUNCTION = """
CREATE OR REPLACE FUNCTION woonoverlast_refuse_change() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    marker text := coalesce(current_setting('woonoverlast.log_delete', true), '');
BEGIN
    -- Nested IFs: PL/pgSQL does not promise to short-circuit AND, and OLD differs per table.
    IF TG_OP = 'DELETE' AND marker <> '' THEN
        IF (SELECT relowner FROM pg_class WHERE oid = TG_RELID)
            = (SELECT oid FROM pg_roles WHERE rolname = current_user)
        THEN
            IF TG_TABLE_NAME = 'cases_event' THEN
                IF marker = 'cases_event:' || OLD.case_id THEN
                    RETURN OLD;
                END IF;
            ELSIF TG_TABLE_NAME = 'cases_accesslog' THEN
                IF starts_with(marker, 'cases_accesslog:') THEN
                    IF OLD.at < substr(marker, length('cases_accesslog:') + 1)::timestamptz THEN
                        RETURN OLD;
                    END IF;
                END IF;
            END IF;
        END IF;
    END IF;
    RAISE EXCEPTION USING MESSAGE = 'table ' || TG_TABLE_NAME || ' is append-only';
END;
$$;
"""

# The function of migration 0041, for going back.
PREVIOUS_TRIGGER_FUNCTION = """
CREATE OR REPLACE FUNCTION woonoverlast_refuse_change() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF TG_TABLE_NAME = 'cases_event' THEN
            IF OLD.case_id::text = current_setting('woonoverlast.retention_case', true) THEN
                RETURN OLD;
            END IF;
        ELSIF TG_TABLE_NAME = 'cases_accesslog' THEN
            IF coalesce(current_setting('woonoverlast.accesslog_purge_before', true), '') <> '' THEN
                IF OLD.at < current_setting('woonoverlast.accesslog_purge_before', true)::timestamptz
                THEN
                    RETURN OLD;
                END IF;
            END IF;
        END IF;
    END IF;
    RAISE EXCEPTION USING MESSAGE = 'table ' || TG_TABLE_NAME || ' is append-only';
END;
$$ LANGUAGE plpgsql;
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # The purge functions are the current definition: `manage.py grant_app_role` re-creates
    # them after every migrate (with the ACCESS_LOG_RETENTION_MONTHS of that moment).
    from cases.database_roles import install_log_functions

    schema_editor.execute(REPLACE_TRIGGER_FUNCTION)
    with schema_editor.connection.cursor() as cursor:
        install_log_functions(cursor, months=settings.ACCESS_LOG_RETENTION_MONTHS)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(PREVIOUS_TRIGGER_FUNCTION)
    schema_editor.execute("DROP FUNCTION IF EXISTS woonoverlast_purge_access_log(timestamptz)")
    schema_editor.execute(
        "DROP FUNCTION IF EXISTS woonoverlast_delete_case_events(bigint, bigint[])"
    )


class Migration(migrations.Migration):
    dependencies = [("cases", "0046_event_kinds_sharing")]

    operations = [migrations.RunPython(forwards, backwards)]
