from django.db import migrations

# The append-only trigger keeps refusing every UPDATE. It now lets exactly two DELETEs through,
# each only inside a transaction that the retention service marked with SET LOCAL:
# - cases_event rows of the one case being destroyed or anonymised (woonoverlast.retention_case);
# - cases_accesslog rows older than the access log's own retention cut-off
#   (woonoverlast.accesslog_purge_before).
# Anything else, including a DELETE without the marker, still raises.
REPLACE_FUNCTION = """
CREATE OR REPLACE FUNCTION woonoverlast_refuse_change() RETURNS trigger AS $$
BEGIN
    -- Nested IFs: PL/pgSQL does not promise to short-circuit AND, and OLD differs per table.
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

ORIGINAL_FUNCTION = """
CREATE OR REPLACE FUNCTION woonoverlast_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION USING MESSAGE = 'table ' || TG_TABLE_NAME || ' is append-only';
END;
$$ LANGUAGE plpgsql;
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(REPLACE_FUNCTION)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(ORIGINAL_FUNCTION)


class Migration(migrations.Migration):
    dependencies = [("cases", "0040_notifications_and_retention")]

    operations = [migrations.RunPython(forwards, backwards)]
